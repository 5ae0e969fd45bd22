/**
 * Collects named tiles and multi-tile objects, packs them into one sheet and
 * describes them (name → index, collision, layer) for the map generator.
 */
import { Canvas } from "./canvas";

export const TILE = 32;
export const COLUMNS = 16;

/** Which map layer a tile belongs on; `above` is drawn over avatars. */
export type TileLayer = "floor" | "walls" | "furniture" | "above" | "collision";

export interface TileInfo {
  index: number;
  collides: boolean;
  layer: TileLayer;
}

export interface ObjectInfo {
  width: number;
  height: number;
  /** Row-major tile names, `null` where the object leaves the cell empty. */
  cells: (string | null)[][];
}

export interface CellRule {
  collides: boolean;
  layer: TileLayer;
}

type Draw = (c: Canvas) => void;

export class TilesetBuilder {
  private readonly sprites: Canvas[] = [];
  readonly tiles: Record<string, TileInfo> = {};
  readonly objects: Record<string, ObjectInfo> = {};

  tile(name: string, draw: Draw, rule: CellRule): void {
    const c = new Canvas(TILE, TILE);
    draw(c);
    this.push(name, c, rule);
  }

  /**
   * A multi-tile object drawn on one canvas and sliced; `rule(col, row)` decides
   * each cell's layer and collision (e.g. a plant's leaves go above avatars).
   */
  object(name: string, w: number, h: number, draw: Draw, rule: (col: number, row: number) => CellRule): void {
    const c = new Canvas(w * TILE, h * TILE);
    draw(c);
    const cells: (string | null)[][] = [];
    for (let row = 0; row < h; row++) {
      const line: (string | null)[] = [];
      for (let col = 0; col < w; col++) {
        const part = new Canvas(TILE, TILE);
        part.copyFrom(c, 0, 0, col * TILE, row * TILE, TILE, TILE);
        if (isEmpty(part)) {
          line.push(null);
          continue;
        }
        const tileName = `${name}@${col},${row}`;
        this.push(tileName, part, rule(col, row));
        line.push(tileName);
      }
      cells.push(line);
    }
    this.objects[name] = { width: w, height: h, cells };
  }

  private push(name: string, c: Canvas, rule: CellRule): void {
    if (this.tiles[name]) throw new Error(`duplicate tile name ${name}`);
    this.tiles[name] = { index: this.sprites.length, collides: rule.collides, layer: rule.layer };
    this.sprites.push(c);
  }

  get count(): number {
    return this.sprites.length;
  }

  sheet(): Canvas {
    const rows = Math.ceil(this.sprites.length / COLUMNS);
    const out = new Canvas(COLUMNS * TILE, rows * TILE);
    this.sprites.forEach((s, i) => out.copyFrom(s, (i % COLUMNS) * TILE, Math.floor(i / COLUMNS) * TILE, 0, 0, TILE, TILE));
    return out;
  }
}

function isEmpty(c: Canvas): boolean {
  for (let i = 3; i < c.data.length; i += 4) if (c.data[i] !== 0) return false;
  return true;
}

export const solid: CellRule = { collides: true, layer: "furniture" };
export const walkable: CellRule = { collides: false, layer: "furniture" };
export const floorRule: CellRule = { collides: false, layer: "floor" };
export const wallRule: CellRule = { collides: true, layer: "walls" };
export const aboveRule: CellRule = { collides: false, layer: "above" };
/** Tall things: the top row is drawn over avatars and can be walked behind; the rest blocks. */
export const tallRule = (topRows = 1) => (_c: number, row: number): CellRule => (row < topRows ? aboveRule : solid);
