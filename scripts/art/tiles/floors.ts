/** Floor tiles: each type comes in variants that tile seamlessly; the map picks one per cell by hash. */
import type { Canvas } from "../canvas";
import { mulberry32 } from "../prng";
import { P, shade, withAlpha, type Color } from "../palette";
import { floorRule, type TilesetBuilder } from "../tileset";

export const FLOOR_VARIANTS = 3;

export type FloorDraw = (c: Canvas, variant: number) => void;

function speckle(c: Canvas, base: Color, seed: number, count: number, amount: number): void {
  const r = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    const x = Math.floor(r() * 32);
    const y = Math.floor(r() * 32);
    c.set(x, y, shade(base, (r() < 0.5 ? -1 : 1) * amount));
  }
}

/** Horizontal planks, 8 px tall, seams staggered per variant; grain from the seed. */
function planks(base: Color, seam: Color, seedBase: number, plankH = 8): FloorDraw {
  return (c, v) => {
    const r = mulberry32(seedBase + v * 101);
    for (let row = 0; row < 32 / plankH; row++) {
      const y0 = row * plankH;
      const tone = shade(base, (r() - 0.5) * 0.12);
      c.rect(0, y0, 32, plankH, tone);
      c.hline(0, y0, 32, shade(tone, 0.12));
      c.hline(0, y0 + plankH - 1, 32, seam);
      for (let g = 0; g < 3; g++) {
        const gy = y0 + 2 + Math.floor(r() * (plankH - 3));
        const gx = Math.floor(r() * 24);
        c.hline(gx, gy, 4 + Math.floor(r() * 8), shade(tone, -0.07));
      }
      if (r() < 0.8) {
        const sx = 4 + Math.floor(r() * 24);
        c.vline(sx, y0, plankH - 1, seam);
        c.vline(sx + 1, y0, plankH - 1, shade(tone, 0.1));
      }
    }
  };
}

/** Vertical boards for the stage platform. */
function boards(base: Color, seam: Color, seed: number): FloorDraw {
  return (c, v) => {
    const r = mulberry32(seed + v * 7);
    for (let col = 0; col < 4; col++) {
      const x0 = col * 8;
      const tone = shade(base, (r() - 0.5) * 0.14);
      c.rect(x0, 0, 8, 32, tone);
      c.vline(x0, 0, 32, shade(tone, 0.1));
      c.vline(x0 + 7, 0, 32, seam);
      if (r() < 0.6) c.hline(x0, Math.floor(r() * 30), 7, seam);
      c.vline(x0 + 3, Math.floor(r() * 20), 6, shade(tone, -0.08));
    }
  };
}

function carpet(base: Color, seed: number): FloorDraw {
  return (c, v) => {
    c.rect(0, 0, 32, 32, base);
    speckle(c, base, seed + v, 70, 0.08);
    // A faint woven grid: every 8 px a darker dot.
    for (let y = 3; y < 32; y += 8) for (let x = 3; x < 32; x += 8) c.set(x + ((y >> 3) & 1) * 4, y, shade(base, -0.1));
  };
}

function checker(a: Color, b: Color, grout: Color): FloorDraw {
  return (c, v) => {
    for (let y = 0; y < 2; y++) {
      for (let x = 0; x < 2; x++) {
        const col = (x + y) % 2 === 0 ? a : b;
        c.rect(x * 16, y * 16, 16, 16, col);
        c.hline(x * 16 + 1, y * 16 + 1, 14, shade(col, 0.15));
        c.vline(x * 16 + 1, y * 16 + 1, 14, shade(col, 0.1));
      }
    }
    for (let k = 0; k < 32; k += 16) {
      c.hline(0, k + 15, 32, grout);
      c.vline(k + 15, 0, 32, grout);
    }
    if (v === 1) speckle(c, a, 900, 12, 0.06);
  };
}

function slabs(base: Color, seam: Color, seed: number): FloorDraw {
  return (c, v) => {
    c.rect(0, 0, 32, 32, base);
    speckle(c, base, seed + v * 13, 40, 0.06);
    c.hline(0, 0, 32, shade(base, 0.1));
    c.vline(0, 0, 32, shade(base, 0.08));
    c.hline(0, 31, 32, seam);
    c.vline(31, 0, 32, seam);
  };
}

export const FLOORS: Record<string, FloorDraw> = {
  wood: planks(P.woodLight, shade(P.woodLight, -0.2), 11),
  parquet: planks(P.oak, P.oakDark, 23, 16),
  stage: boards(P.stageBoard, P.stageBoardDark, 31),
  carpetBlue: carpet(P.carpetBlue, 41),
  carpetTeal: carpet(P.carpetTeal, 51),
  carpetGreen: carpet(P.carpetGreen, 61),
  soft: carpet(hex2(0xc9a58a), 71),
  kitchen: checker(P.tileCream, shade(P.tileSage, 0.35), shade(P.tileSage, -0.1)),
  corridor: slabs(P.concrete, P.concreteDark, 81),
  lobby: slabs(P.stone, P.stoneDark, 91),
};

function hex2(n: number): Color {
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

/** The wall above casts a soft shadow on the first floor row below it. */
export function wallShadow(c: Canvas): void {
  const alphas = [90, 60, 40, 24, 12];
  alphas.forEach((a, y) => c.hline(0, y, 32, withAlpha(P.outline, a)));
}

export function addFloors(b: TilesetBuilder): void {
  for (const [name, draw] of Object.entries(FLOORS)) {
    for (let v = 0; v < FLOOR_VARIANTS; v++) b.tile(`floor-${name}-${v}`, (c) => draw(c, v), floorRule);
    b.tile(
      `floor-${name}-shadow`,
      (c) => {
        draw(c, 0);
        wallShadow(c);
      },
      floorRule,
    );
  }
  // Door thresholds: a metal strip across the doorway, baked on the corridor floor.
  for (const dir of ["h", "v"] as const) {
    b.tile(
      `threshold-${dir}`,
      (c) => {
        FLOORS.corridor(c, 1);
        if (dir === "h") {
          c.rect(0, 25, 32, 5, P.outline);
          c.rect(0, 26, 32, 3, P.metal);
          c.hline(0, 26, 32, shade(P.metal, 0.35));
        } else {
          c.rect(13, 0, 6, 32, P.outline);
          c.rect(14, 0, 4, 32, P.metal);
          c.vline(14, 0, 32, shade(P.metal, 0.35));
        }
      },
      floorRule,
    );
  }
}
