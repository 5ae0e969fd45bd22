import type { Facing } from "../../shared/avatars";
import type { OfficeMap, Point } from "../../shared/map/types";
import { footBlocked } from "../../shared/rules/movement";
import type { SavedPosition } from "../deps";

/** Two people closer than this at a spawn point count as standing on each other. */
const PERSONAL_SPACE_PX = 24;

/**
 * Chooses where someone appears: their saved position if it is still
 * walkable on the current map, else the next free spawn point in turn.
 */
export class SpawnPicker {
  private readonly spawns: Point[];
  private next = 0;

  constructor(private readonly map: OfficeMap) {
    const usable = map.spawns
      .map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }))
      .filter((p) => !footBlocked(map, p.x, p.y));
    this.spawns = usable.length > 0 ? usable : [firstFreeTile(map)];
  }

  place(saved: SavedPosition | null, occupied: Iterable<Point>): SavedPosition {
    if (saved && Number.isInteger(saved.x) && Number.isInteger(saved.y) && !footBlocked(this.map, saved.x, saved.y)) {
      return saved;
    }
    const taken = [...occupied];
    const count = this.spawns.length;
    for (let i = 0; i < count; i++) {
      const candidate = this.spawns[(this.next + i) % count];
      if (taken.every((p) => Math.abs(p.x - candidate.x) + Math.abs(p.y - candidate.y) >= PERSONAL_SPACE_PX)) {
        this.next = (this.next + i + 1) % count;
        return { ...candidate, facing: "down" as Facing };
      }
    }
    // Everywhere is crowded: share a spawn point rather than refuse the join.
    const fallback = this.spawns[this.next];
    this.next = (this.next + 1) % count;
    return { ...fallback, facing: "down" };
  }
}

/** Feet position in the first walkable tile; only for maps without a usable spawn point. */
function firstFreeTile(map: OfficeMap): Point {
  const size = map.tileSize;
  for (let ty = 0; ty < map.height; ty++) {
    for (let tx = 0; tx < map.width; tx++) {
      const p = { x: tx * size + Math.floor(size / 2), y: (ty + 1) * size };
      if (!footBlocked(map, p.x, p.y)) return p;
    }
  }
  throw new Error("The map has no walkable tile to spawn on");
}
