/** Reads the tileset index written by `npm run art` and answers "which gid is this tile?". */
import { readFileSync } from "node:fs";
import { hash2 } from "../art/prng";

export type TileLayer = "floor" | "walls" | "furniture" | "above" | "collision";

export interface TileInfo {
  index: number;
  collides: boolean;
  layer: TileLayer;
}

export interface ObjectInfo {
  width: number;
  height: number;
  cells: (string | null)[][];
}

export interface TilesetIndex {
  image: string;
  tileWidth: number;
  tileHeight: number;
  columns: number;
  tileCount: number;
  imageWidth: number;
  imageHeight: number;
  floorVariants: number;
  tiles: Record<string, TileInfo>;
  objects: Record<string, ObjectInfo>;
}

export const FIRST_GID = 1;

export class TileIndex {
  private readonly byIndex: TileInfo[] = [];
  private readonly names: string[] = [];

  constructor(readonly raw: TilesetIndex) {
    for (const [name, info] of Object.entries(raw.tiles)) {
      this.byIndex[info.index] = info;
      this.names[info.index] = name;
    }
  }

  nameByGid(gid: number): string | undefined {
    return gid > 0 ? this.names[gid - FIRST_GID] : undefined;
  }

  static load(path: string): TileIndex {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      throw new Error(`cannot read ${path}; run \`npm run art\` first`);
    }
    return new TileIndex(JSON.parse(text) as TilesetIndex);
  }

  tile(name: string): TileInfo {
    const t = this.raw.tiles[name];
    if (!t) throw new Error(`unknown tile "${name}" (is the tileset up to date? run \`npm run art\`)`);
    return t;
  }

  gid(name: string): number {
    return this.tile(name).index + FIRST_GID;
  }

  object(name: string): ObjectInfo {
    const o = this.raw.objects[name];
    if (!o) throw new Error(`unknown object "${name}"`);
    return o;
  }

  /** A floor gid with a per-cell variant, so large floors do not look stamped. */
  floorGid(kind: string, x: number, y: number): number {
    const v = hash2(x, y, kind.length) % this.raw.floorVariants;
    return this.gid(`floor-${kind}-${v}`);
  }

  infoByGid(gid: number): TileInfo | undefined {
    return gid > 0 ? this.byIndex[gid - FIRST_GID] : undefined;
  }

  collidingIds(): number[] {
    return Object.values(this.raw.tiles)
      .filter((t) => t.collides)
      .map((t) => t.index)
      .sort((a, b) => a - b);
  }
}
