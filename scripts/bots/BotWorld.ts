import { parseMap } from "../../shared/map/parseMap";
import type { OfficeMap, Point } from "../../shared/map/types";
import { footBlocked } from "../../shared/rules/movement";

/**
 * What the bots of one process share: the office map (fetched once), a few
 * gathering spots where groups form, and helpers for chance and waiting.
 */
export class BotWorld {
  readonly gatherings: Point[];
  /** Desks bots may sit at (those inside the roaming area). */
  readonly desks: OfficeMap["desks"];

  private constructor(
    readonly baseUrl: string,
    readonly space: string,
    readonly map: OfficeMap,
    gatheringCount: number,
    /** Chance that a bot leaves (and comes back later) at each decision. */
    readonly leaveChance: number,
    /** Tiles (each way) around the first spawn point that bots stay within; 0 = the whole map. */
    private readonly roam: number,
  ) {
    this.desks = roam > 0 ? map.desks.filter((d) => this.inArea(d.x, d.y)) : map.desks;
    this.gatherings = Array.from({ length: Math.max(1, gatheringCount) }, () => this.walkablePoint());
  }

  static async load(baseUrl: string, space: string, options: { gatherings: number; leaveChance: number; roam?: number }): Promise<BotWorld> {
    const response = await fetch(`${baseUrl}/api/spaces/${encodeURIComponent(space)}/map`);
    if (!response.ok) throw new Error(`map of "${space}" unavailable (${response.status}) at ${baseUrl}`);
    return new BotWorld(baseUrl, space, parseMap(await response.json()), options.gatherings, options.leaveChance, options.roam ?? 0);
  }

  now(): number {
    return performance.timeOrigin + performance.now();
  }

  random(min: number, max: number): number {
    return min + Math.random() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(Math.random() * items.length)];
  }

  /** A walkable point within ~12 tiles of `from` (anywhere, if none is found nearby). */
  nearbyPoint(from: Point): Point {
    const reach = 12 * this.map.tileSize;
    for (let i = 0; i < 20; i++) {
      const x = Math.round(from.x + this.random(-reach, reach));
      const y = Math.round(from.y + this.random(-reach, reach));
      if (this.walkable(x, y) && this.inArea(x, y)) return { x, y };
    }
    return this.walkablePoint();
  }

  walkablePoint(): Point {
    const { width, height, tileSize } = this.map;
    for (let i = 0; i < 1000; i++) {
      const x = Math.floor(Math.random() * width) * tileSize + tileSize / 2;
      const y = Math.floor(Math.random() * height) * tileSize + (tileSize * 3) / 4;
      if (this.walkable(x, y) && this.inArea(x, y)) return { x, y };
    }
    return this.map.spawns[0] ?? { x: tileSize, y: tileSize };
  }

  async waitFor<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private inArea(x: number, y: number): boolean {
    const home = this.map.spawns[0];
    if (this.roam <= 0 || !home) return true;
    const reach = this.roam * this.map.tileSize;
    return Math.abs(x - home.x) <= reach && Math.abs(y - home.y) <= reach;
  }

  private walkable(x: number, y: number): boolean {
    const { width, height, tileSize } = this.map;
    return x > 0 && y > 0 && x < width * tileSize && y < height * tileSize && !footBlocked(this.map, x, y);
  }
}
