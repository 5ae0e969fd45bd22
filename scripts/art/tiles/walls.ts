/**
 * Walls in 3/4 view. A wall cell whose southern neighbour is also wall shows its dark top
 * ("cap"); the lowest cell of a wall run shows the lit front face. Caps come in all 16
 * neighbour masks so outlines appear only on open edges; faces know their open ends.
 */
import type { Canvas } from "../canvas";
import { line } from "../primitives";
import { P, shade } from "../palette";
import { wallRule, type TilesetBuilder } from "../tileset";

/** Bits of a cap mask: set when that neighbour is wall. */
export const N = 1;
export const E = 2;
export const S = 4;
export const W = 8;

function cap(c: Canvas, mask: number): void {
  c.rect(0, 0, 32, 32, P.wallTop);
  // A faint inner bevel so long runs read as thick.
  c.rect(4, 4, 24, 24, shade(P.wallTop, 0.04));
  if (!(mask & N)) {
    c.hline(0, 0, 32, P.outline);
    c.hline(0, 1, 32, P.wallTopLight);
  }
  if (!(mask & W)) {
    c.vline(0, 0, 32, P.outline);
    c.vline(1, mask & N ? 0 : 1, 32, P.wallTopLight);
  }
  if (!(mask & E)) {
    c.vline(31, 0, 32, P.outline);
    c.vline(30, 0, 32, shade(P.wallTop, -0.15));
  }
  if (!(mask & S)) {
    c.hline(0, 31, 32, P.outline);
    c.hline(0, 30, 32, shade(P.wallTop, -0.15));
  }
}

/** `openW`/`openE`: the face ends here (next to floor or a door gap). */
function face(c: Canvas, openW: boolean, openE: boolean): void {
  c.rect(0, 0, 32, 32, P.wallFace);
  c.hline(0, 0, 32, P.outline);
  c.hline(0, 1, 32, shade(P.wallFace, -0.35));
  c.hline(0, 2, 32, shade(P.wallFace, 0.2));
  // Soft panel seams like painted plaster board.
  for (let y = 9; y < 24; y += 7) c.hline(0, y, 32, shade(P.wallFace, -0.05));
  c.rect(0, 24, 32, 6, P.baseboard);
  c.hline(0, 24, 32, shade(P.baseboard, 0.25));
  c.hline(0, 30, 32, shade(P.baseboard, -0.35));
  c.hline(0, 31, 32, P.outline);
  if (openW) {
    c.vline(0, 0, 32, P.outline);
    c.vline(1, 1, 30, shade(P.wallFace, 0.25));
  }
  if (openE) {
    c.vline(31, 0, 32, P.outline);
    c.vline(30, 1, 30, P.wallFaceShade);
  }
}

function window(c: Canvas): void {
  const x = 4;
  const y = 5;
  const w = 24;
  const h = 16;
  c.rect(x - 1, y - 1, w + 2, h + 2, P.outline);
  c.rect(x, y, w, h, P.sky);
  c.rect(x, y + h - 5, w, 5, shade(P.sky, 0.15));
  line(c, x + 3, y + h - 1, x + 12, y, P.glassLight);
  line(c, x + 6, y + h - 1, x + 15, y, P.glassLight);
  c.vline(x + w / 2, y, h, P.white);
  c.hline(x, y + 6, w, P.white);
  c.hline(x - 2, y + h + 1, w + 4, P.white);
  c.hline(x - 2, y + h + 2, w + 4, shade(P.white, -0.3));
}

export function addWalls(b: TilesetBuilder): void {
  for (let mask = 0; mask < 16; mask++) b.tile(`wall-cap-${mask}`, (c) => cap(c, mask), wallRule);
  for (const [suffix, w, e] of [
    ["mid", false, false],
    ["endw", true, false],
    ["ende", false, true],
    ["single", true, true],
  ] as const) {
    b.tile(`wall-face-${suffix}`, (c) => face(c, w, e), wallRule);
  }
  b.tile(
    "wall-face-window",
    (c) => {
      face(c, false, false);
      window(c);
    },
    wallRule,
  );
}

/** The glass entrance door set into the south outer wall (seen from above, like a cap). */
export function addEntrance(b: TilesetBuilder): void {
  b.tile(
    "wall-door-glass",
    (c) => {
      cap(c, E | W | S);
      c.rect(2, 6, 28, 20, P.outline);
      c.rect(3, 7, 26, 18, P.glass);
      line(c, 5, 22, 14, 9, P.glassLight);
      c.vline(16, 7, 18, P.metalDark);
      c.rect(13, 14, 2, 4, P.metal);
      c.rect(18, 14, 2, 4, P.metal);
    },
    wallRule,
  );
}
