import type { OfficeMap, Point } from "../../shared/map/types";
import { footBlocked } from "../../shared/rules/movement";
import type { MovementBlocks } from "./movementBlocks";

/** Two people closer than this (Manhattan, px) count as standing on each other. */
export const PERSONAL_SPACE_PX = 24;
/** Tiles looked at before giving up on a nearby spot (the caller then uses a spawn). */
const SEARCH_LIMIT = 4096;

/**
 * Where the room may put someone without their walking there: a spawn, a
 * saved spot, their own desk, a reconnection, "take me there". Walking is
 * checked step by step by the MovementSystem; every other way of being placed
 * asks here, so a locked zone (or any other area a feature blocks) is never
 * entered by being put somewhere.
 */
export class Placement {
  constructor(
    private readonly map: OfficeMap,
    private readonly blocks: Pick<MovementBlocks, "blocked">,
  ) {}

  /** Whether `sessionId` may stand at (x, y): walkable and not inside an area closed to them. */
  allowed(sessionId: string, x: number, y: number): boolean {
    return !footBlocked(this.map, x, y) && !this.blocks.blocked(sessionId, x, y);
  }

  /**
   * The allowed spot nearest to `from` by walking distance (out through the
   * door, not through a wall), at least personal space away from `others`;
   * null when there is none near enough.
   */
  nearestAllowed(sessionId: string, from: Point, others: Iterable<Point>): Point | null {
    const size = this.map.tileSize;
    const taken = [...others];
    const width = this.map.width;
    const height = this.map.height;
    const feet = (tx: number, ty: number): Point => ({ x: tx * size + size / 2, y: ty * size + (size * 3) / 4 });
    const startX = Math.min(width - 1, Math.max(0, Math.floor(from.x / size)));
    const startY = Math.min(height - 1, Math.max(0, Math.floor((from.y - 1) / size)));
    const seen = new Uint8Array(width * height);
    const queue: number[] = [startY * width + startX];
    seen[queue[0]] = 1;
    for (let head = 0; head < queue.length && head < SEARCH_LIMIT; head++) {
      const tile = queue[head];
      const tx = tile % width;
      const ty = (tile - tx) / width;
      const p = feet(tx, ty);
      const walkable = !footBlocked(this.map, p.x, p.y);
      // The start may be a seat or a wall's edge: search on from it even so.
      if (!walkable && head > 0) continue;
      if (walkable && !this.blocks.blocked(sessionId, p.x, p.y) && taken.every((o) => Math.abs(o.x - p.x) + Math.abs(o.y - p.y) >= PERSONAL_SPACE_PX)) {
        return p;
      }
      for (const [nx, ny] of [
        [tx + 1, ty],
        [tx - 1, ty],
        [tx, ty + 1],
        [tx, ty - 1],
      ]) {
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const next = ny * width + nx;
        if (seen[next]) continue;
        seen[next] = 1;
        queue.push(next);
      }
    }
    return null;
  }
}
