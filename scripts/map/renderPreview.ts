/**
 * Renders the built map (and optionally a few avatars at spawns and seats) into one PNG,
 * for looking at the layout without a browser. Not used by the game.
 */
import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import { Canvas } from "../art/canvas";
import type { Layers } from "./build";
import type { Grid } from "./grid";
import type { TileIndex } from "./tileIndex";

const T = 32;

function load(path: string): Canvas {
  const png = PNG.sync.read(readFileSync(path));
  const c = new Canvas(png.width, png.height);
  c.data.set(png.data);
  return c;
}

export interface PreviewActor {
  sheet: string;
  /** Feet position in px. */
  x: number;
  y: number;
  row: number;
}

export function renderPreview(layers: Layers, tiles: TileIndex, tilesetPath: string, actors: PreviewActor[], scale: number, out: string): void {
  const sheet = load(tilesetPath);
  const { width, height } = layers.floor;
  const full = new Canvas(width * T, height * T);
  const draw = (g: Grid) => {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const gid = g.get(x, y);
        if (!gid) continue;
        const i = gid - 1;
        full.blit(sheet, x * T, y * T, (i % tiles.raw.columns) * T, Math.floor(i / tiles.raw.columns) * T, T, T);
      }
    }
  };
  draw(layers.floor);
  draw(layers.walls);
  draw(layers.furniture);
  const sheets = new Map<string, Canvas>();
  for (const a of [...actors].sort((p, q) => p.y - q.y)) {
    if (!sheets.has(a.sheet)) sheets.set(a.sheet, load(a.sheet));
    full.blit(sheets.get(a.sheet)!, a.x - 16, a.y - 48, 0, a.row * 48, 32, 48);
  }
  draw(layers.above);
  const out2 = new Canvas(Math.floor(full.width * scale), Math.floor(full.height * scale));
  for (let y = 0; y < out2.height; y++) for (let x = 0; x < out2.width; x++) out2.put(x, y, full.get(Math.floor(x / scale), Math.floor(y / scale)));
  out2.writePng(out);
}
