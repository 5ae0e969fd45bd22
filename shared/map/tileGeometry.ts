import type { TiledFrame, TiledMap, TiledTileset } from "./tiledTypes";
import { GID_FLAGS_MASK } from "./mapLimits";

/** Tiled's flip bits on a gid: horizontal, vertical, and anti-diagonal (a 90° turn combined with the others). */
export const FLIP_H = 0x80000000;
export const FLIP_V = 0x40000000;
export const FLIP_D = 0x20000000;

/** Where one tile's picture sits in its tileset image. */
export interface TileSource {
  tileset: TiledTileset;
  /** Local tile id in the tileset. */
  id: number;
  sx: number;
  sy: number;
  /** Animation frames, when the tile is animated. */
  frames: TiledFrame[] | null;
}

/**
 * Looks gids up in a normalised map's tilesets, the way both the browser's
 * chunk painter and the server's preview renderer draw them, so the two agree
 * to the pixel. The lookup is built once per map.
 */
export class TileLookup {
  private readonly sets: TiledTileset[];
  private readonly animations = new Map<number, TiledFrame[]>();

  constructor(tiled: TiledMap) {
    this.sets = [...tiled.tilesets].sort((a, b) => b.firstgid - a.firstgid);
    for (const ts of tiled.tilesets) {
      for (const tile of ts.tiles ?? []) if (tile.animation) this.animations.set(ts.firstgid + tile.id, tile.animation);
    }
  }

  /** The tile a gid (flags allowed) draws, or null for 0 or an unknown gid. */
  source(gid: number): TileSource | null {
    const id = gid & GID_FLAGS_MASK;
    if (id === 0) return null;
    const ts = this.sets.find((s) => s.firstgid <= id);
    if (!ts || id >= ts.firstgid + ts.tilecount) return null;
    return this.at(ts, id - ts.firstgid, this.animations.get(id) ?? null);
  }

  /** The same tileset's tile `local`, e.g. an animation frame. */
  at(tileset: TiledTileset, local: number, frames: TiledFrame[] | null = null): TileSource {
    const col = local % tileset.columns;
    const row = Math.floor(local / tileset.columns);
    return {
      tileset,
      id: local,
      sx: tileset.margin + col * (tileset.tilewidth + tileset.spacing),
      sy: tileset.margin + row * (tileset.tileheight + tileset.spacing),
      frames,
    };
  }

  get hasAnimations(): boolean {
    return this.animations.size > 0;
  }
}

/** The frame of an animation showing `ms` milliseconds after it started (it loops). */
export function frameAt(frames: readonly TiledFrame[], ms: number): TiledFrame {
  let total = 0;
  for (const f of frames) total += f.duration;
  let t = ((ms % total) + total) % total;
  for (const f of frames) {
    if (t < f.duration) return f;
    t -= f.duration;
  }
  return frames[frames.length - 1];
}

/**
 * Where Tiled draws a tile of a tile layer: anchored at the cell's bottom-left
 * (a tile taller than the map's grid grows upwards), moved by the layer's
 * offset and the tileset's tileoffset. Returns the top-left corner, px.
 */
export function cellOrigin(tiled: TiledMap, tileset: TiledTileset, cx: number, cy: number, offsetx: number, offsety: number): { x: number; y: number } {
  const off = tileset.tileoffset;
  return {
    x: cx * tiled.tilewidth + offsetx + (off?.x ?? 0),
    y: (cy + 1) * tiled.tileheight - tileset.tileheight + offsety + (off?.y ?? 0),
  };
}

/**
 * The 2D transform that draws a tile's flips within its w x h box: [a, b, c, d, e, f]
 * as in CanvasRenderingContext2D.setTransform, relative to the box's top-left.
 * The anti-diagonal flip swaps the axes (Tiled applies it first).
 */
export function flipTransform(gid: number, w: number, h: number): [number, number, number, number, number, number] | null {
  const fh = (gid & FLIP_H) !== 0;
  const fv = (gid & FLIP_V) !== 0;
  const fd = (gid & FLIP_D) !== 0;
  if (!fh && !fv && !fd) return null;
  // Map unit-square corners: start with identity or the diagonal swap, then mirror.
  let a = 1, b = 0, c = 0, d = 1;
  if (fd) [a, b, c, d] = [0, 1, 1, 0];
  if (fh) [a, c] = [-a, -c];
  if (fv) [b, d] = [-b, -d];
  // Translate so the flipped box still covers [0, w] x [0, h].
  const e = (a < 0 ? w : 0) + (c < 0 ? w : 0);
  const f = (b < 0 ? h : 0) + (d < 0 ? h : 0);
  return [a, b, c, d, e, f];
}
