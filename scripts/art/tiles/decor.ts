/** Plants, lamps, bookshelves, wall-mounted things, rugs, reception and the collision marker. */
import { Canvas } from "../canvas";
import { block, dropShadow, ellipse, line, litBox, litEllipse } from "../primitives";
import { mulberry32 } from "../prng";
import { P, shade, withAlpha, type Color } from "../palette";
import { FLOORS } from "./floors";
import { floorRule, solid, tallRule, type CellRule, type TilesetBuilder } from "../tileset";

const onWall: CellRule = { collides: false, layer: "furniture" };

function pot(c: Canvas, cx: number, top: number, w: number, h: number): void {
  dropShadow(c, cx + 1, top + h, w / 2 + 2, 3);
  c.rect(cx - w / 2, top, w, h, P.outline);
  c.rect(cx - w / 2 + 1, top + 1, w - 2, h - 2, P.pot);
  c.rect(cx - w / 2 + 1, top + 1, 2, h - 2, shade(P.pot, 0.2));
  c.rect(cx + w / 2 - 3, top + 1, 2, h - 2, P.potDark);
  c.rect(cx - w / 2 - 1, top, w + 2, 4, P.outline);
  c.rect(cx - w / 2, top + 1, w, 2, shade(P.pot, 0.15));
}

/** Leaf clusters lit from the top-left: dark underside first, light tops last. */
function foliage(c: Canvas, cx: number, cy: number, rx: number, ry: number, seed: number, blobs: number): void {
  const r = mulberry32(seed);
  const spots: [number, number, number][] = [];
  for (let i = 0; i < blobs; i++) {
    const a = r() * Math.PI * 2;
    const d = Math.sqrt(r());
    spots.push([cx + Math.cos(a) * rx * d, cy + Math.sin(a) * ry * d, 4 + r() * 3]);
  }
  for (const [x, y, s] of spots) ellipse(c, x, y, s + 1, s + 1, P.outline);
  for (const [x, y, s] of spots) ellipse(c, x, y, s, s, P.leafDark);
  for (const [x, y, s] of spots) ellipse(c, x - 1, y - 1, s - 1, s - 1, P.leaf);
  for (const [x, y, s] of spots) ellipse(c, x - 2, y - 2, Math.max(1, s - 3), Math.max(1, s - 3), P.leafLight);
}

function palm(c: Canvas): void {
  const fronds: [number, number][] = [
    [-13, -10], [13, -12], [-15, 2], [15, 0], [-6, -20], [7, -21], [0, -24],
  ];
  const base: [number, number] = [16, 42];
  for (const [dx, dy] of fronds) {
    const ex = base[0] + dx;
    const ey = base[1] - 14 + dy;
    line(c, base[0], base[1], ex, ey, P.leafDark);
    line(c, base[0] + 1, base[1], ex + 1, ey, P.outline);
    for (let t = 0.3; t <= 1; t += 0.14) {
      const x = Math.round(base[0] + (ex - base[0]) * t);
      const y = Math.round(base[1] + (ey - base[1]) * t);
      ellipse(c, x, y, 3, 2, P.leafDark);
      ellipse(c, x - 1, y - 1, 2, 1.5, t > 0.6 ? P.leafLight : P.leaf);
    }
  }
}

function books(c: Canvas, x: number, y: number, w: number, h: number, seed: number): void {
  const r = mulberry32(seed);
  const cols = [P.red, P.blue, P.yellow, P.green, P.fabricPlum, P.fabricTeal, P.fabricCoral, P.paperWhite];
  let bx = x;
  while (bx < x + w - 2) {
    const bw = 2 + Math.floor(r() * 3);
    const bh = h - Math.floor(r() * 3);
    const col = cols[Math.floor(r() * cols.length)];
    c.rect(bx, y + h - bh, bw, bh, col);
    c.vline(bx, y + h - bh, bh, shade(col, 0.25));
    c.vline(bx + bw - 1, y + h - bh, bh, shade(col, -0.3));
    bx += bw;
    if (r() < 0.12) bx += 3;
  }
}

function bookshelf(c: Canvas, w: number, h: number, seed: number): void {
  dropShadow(c, w / 2, h - 3, w / 2 - 2, 3);
  litBox(c, 1, 2, w - 2, h - 5, P.woodDark);
  const shelves = Math.floor((h - 10) / 14);
  for (let i = 0; i < shelves; i++) {
    const y = 5 + i * 14;
    c.rect(4, y, w - 8, 11, P.woodDeep);
    books(c, 5, y + 1, w - 10, 10, seed + i);
    c.hline(4, y + 11, w - 8, shade(P.woodDark, 0.2));
  }
}

type RugPos = "nw" | "n" | "ne" | "w" | "c" | "e" | "sw" | "s" | "se";

/** One cell of a 9-slice rug baked over its floor, so rugs sit in the floor layer and stay opaque. */
function rugCell(c: Canvas, pos: RugPos, floor: keyof typeof FLOORS, field: Color, border: Color): void {
  FLOORS[floor](c, 0);
  const inset = 5;
  const x0 = pos.includes("w") ? inset : 0;
  const x1 = pos.includes("e") ? 32 - inset : 32;
  const y0 = pos.startsWith("n") ? inset : 0;
  const y1 = pos.startsWith("s") ? 32 - inset : 32;
  if (pos.startsWith("s")) c.rect(x0 + 1, y1, x1 - x0, 2, P.softShadow);
  c.rect(x0, y0, x1 - x0, y1 - y0, field);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      // A diamond lattice in absolute tile coordinates keeps the pattern seamless across cells.
      const d = (Math.abs((x % 16) - 8) + Math.abs((y % 16) - 8)) % 16;
      if (d === 6) c.set(x, y, shade(field, 0.18));
      if (d === 2) c.set(x, y, shade(field, -0.12));
    }
  }
  const band = (x: number, y: number, w: number, h: number) => c.rect(x, y, w, h, border);
  if (pos.startsWith("n")) { band(x0, y0, x1 - x0, 4); c.hline(x0, y0, x1 - x0, P.outline); c.hline(x0, y0 + 4, x1 - x0, shade(border, 0.3)); }
  if (pos.startsWith("s")) { band(x0, y1 - 4, x1 - x0, 4); c.hline(x0, y1 - 1, x1 - x0, P.outline); c.hline(x0, y1 - 5, x1 - x0, shade(border, 0.3)); }
  if (pos.includes("w")) { band(x0, y0, 4, y1 - y0); c.vline(x0, y0, y1 - y0, P.outline); c.vline(x0 + 4, y0 + (pos.startsWith("n") ? 4 : 0), y1 - y0 - (pos.startsWith("n") ? 4 : 0) - (pos.startsWith("s") ? 4 : 0), shade(border, 0.3)); }
  if (pos.includes("e")) { band(x1 - 4, y0, 4, y1 - y0); c.vline(x1 - 1, y0, y1 - y0, P.outline); }
}

export function addDecor(b: TilesetBuilder): void {
  b.object("plant-tall", 1, 2, (c) => { pot(c, 16, 48, 14, 13); foliage(c, 16, 28, 10, 17, 5, 16); }, tallRule(1));
  b.object("plant-bush", 1, 2, (c) => { pot(c, 16, 50, 16, 11); foliage(c, 16, 38, 12, 9, 9, 14); }, tallRule(1));
  b.object("plant-palm", 1, 2, (c) => { pot(c, 16, 47, 14, 14); palm(c); }, tallRule(1));
  b.tile("plant-small", (c) => { pot(c, 16, 18, 12, 10); foliage(c, 16, 12, 6, 5, 21, 7); }, solid);

  b.object(
    "lamp",
    1,
    2,
    (c) => {
      ellipse(c, 16, 14, 14, 10, withAlpha(P.lampLight, 60));
      dropShadow(c, 16, 60, 7, 2);
      c.rect(15, 16, 2, 42, P.outline);
      c.rect(11, 57, 10, 3, P.outline);
      c.rect(8, 6, 16, 12, P.outline);
      c.rect(9, 7, 14, 10, P.lampLight);
      c.rect(9, 7, 4, 10, shade(P.lampLight, 0.4));
      c.rect(19, 7, 4, 10, shade(P.lampLight, -0.15));
    },
    tallRule(1),
  );

  b.object("bookshelf", 2, 2, (c) => bookshelf(c, 64, 64, 3), tallRule(1));
  b.object("bookshelf-b", 2, 2, (c) => bookshelf(c, 64, 64, 17), tallRule(1));
  b.object("bookshelf-low", 2, 1, (c) => bookshelf(c, 64, 32, 29), () => solid);

  b.object(
    "whiteboard",
    2,
    1,
    (c) => {
      litBox(c, 3, 4, 58, 22, P.metal);
      c.rect(5, 6, 54, 18, P.paperWhite);
      line(c, 8, 18, 16, 10, P.blue);
      line(c, 16, 10, 24, 15, P.blue);
      line(c, 24, 15, 32, 8, P.blue);
      c.rect(37, 9, 16, 2, P.red);
      c.rect(37, 13, 12, 2, P.metal);
      c.rect(37, 17, 14, 2, P.metal);
      c.rect(22, 25, 20, 2, P.metalDark);
      c.rect(26, 24, 4, 1, P.red);
    },
    () => onWall,
  );
  b.object(
    "tv",
    2,
    1,
    (c) => {
      litBox(c, 4, 4, 56, 22, P.outline);
      c.rect(6, 6, 52, 18, P.screen);
      c.rect(8, 8, 20, 8, P.sky);
      c.rect(8, 14, 20, 2, P.leaf);
      c.rect(32, 8, 22, 3, P.screenGlow);
      c.rect(32, 13, 16, 2, shade(P.screenGlow, -0.3));
    },
    () => onWall,
  );
  b.tile(
    "painting",
    (c) => {
      litBox(c, 5, 5, 22, 17, P.wood);
      c.rect(7, 7, 18, 13, P.sky);
      c.rect(7, 14, 18, 6, P.leaf);
      ellipse(c, 12, 15, 6, 3, P.leafDark);
      ellipse(c, 21, 10, 2, 2, P.yellow);
    },
    onWall,
  );
  b.tile(
    "painting-abstract",
    (c) => {
      litBox(c, 7, 4, 18, 19, P.outline);
      c.rect(9, 6, 14, 15, P.white);
      c.rect(10, 7, 6, 7, P.red);
      c.rect(17, 11, 5, 9, P.blue);
      c.rect(10, 15, 6, 5, P.yellow);
    },
    onWall,
  );
  b.tile(
    "clock",
    (c) => {
      litEllipse(c, 16, 13, 8, 8, P.white);
      c.vline(16, 8, 6, P.outline);
      c.hline(16, 13, 4, P.outline);
    },
    onWall,
  );

  b.object(
    "reception",
    4,
    2,
    (c) => {
      dropShadow(c, 64, 60, 62, 4);
      block(c, 2, 10, 124, 18, 30, shade(P.white, -0.05), P.fabricNavy);
      c.rect(6, 32, 116, 2, P.woodLight);
      litEllipse(c, 64, 46, 6, 6, P.yellow);
      c.rect(63, 52, 2, 4, P.yellow);
      litBox(c, 20, 2, 22, 14, P.metal);
      c.rect(88, 16, 12, 8, P.paperWhite);
      c.rect(104, 14, 8, 8, P.leafLight);
      ellipse(c, 108, 13, 5, 4, P.leaf);
    },
    () => solid,
  );
  b.tile(
    "printer",
    (c) => {
      dropShadow(c, 16, 28, 13, 3);
      block(c, 3, 8, 26, 10, 10, P.white, P.metal);
      c.rect(8, 4, 16, 6, P.outline);
      c.rect(9, 5, 14, 5, P.paperWhite);
      c.rect(22, 12, 3, 2, P.green);
    },
    solid,
  );

  const rugs: [string, keyof typeof FLOORS, Color, Color][] = [
    ["coral", "soft", P.fabricCoral, P.fabricMustard],
    ["navy", "lobby", P.fabricNavy, P.fabricTeal],
    ["mustard", "carpetGreen", P.fabricMustard, P.woodDark],
  ];
  for (const [name, floor, field, border] of rugs) {
    for (const pos of ["nw", "n", "ne", "w", "c", "e", "sw", "s", "se"] as const) {
      b.tile(`rug-${name}-${pos}`, (c) => rugCell(c, pos, floor, field, border), floorRule);
    }
  }
  b.object(
    "doormat",
    2,
    1,
    (c) => {
      const f = new Canvas(32, 32);
      FLOORS.lobby(f, 0);
      c.blit(f, 0, 0);
      c.blit(f, 32, 0);
      c.rect(4, 6, 56, 20, P.outline);
      c.rect(5, 7, 54, 18, P.woodDeep);
      for (let x = 7; x < 57; x += 3) c.vline(x, 9, 14, shade(P.woodDeep, 0.15));
    },
    () => floorRule,
  );
  b.tile(
    "collision",
    (c) => {
      c.rect(0, 0, 32, 32, withAlpha(P.red, 90));
      line(c, 0, 0, 31, 31, P.red);
      line(c, 31, 0, 0, 31, P.red);
    },
    { collides: true, layer: "collision" },
  );
}
