/** Soft seating for the lounge and library: sofas in four facings, armchairs, beanbags, coffee table. */
import type { Canvas } from "../canvas";
import { block, dropShadow, litBox, litEllipse } from "../primitives";
import { P, shade, type Color } from "../palette";
import { solid, walkable, type TilesetBuilder } from "../tileset";

type Facing = "up" | "down" | "left" | "right";

/** A sofa `len` tiles long. Drawn on its own canvas: horizontal for up/down, vertical for left/right. */
function sofa(c: Canvas, len: number, facing: Facing, fab: Color): void {
  const L = len * 32;
  const dark = shade(fab, -0.18);
  if (facing === "down" || facing === "up") {
    dropShadow(c, L / 2, 29, L / 2 - 2, 3);
    if (facing === "down") {
      litBox(c, 2, 2, L - 4, 14, dark);
      for (let i = 0; i < len; i++) litBox(c, 8 + i * ((L - 16) / len), 12, (L - 16) / len, 14, fab);
    } else {
      for (let i = 0; i < len; i++) litBox(c, 8 + i * ((L - 16) / len), 4, (L - 16) / len, 12, fab);
      litBox(c, 2, 13, L - 4, 15, dark);
    }
    litBox(c, 1, 6, 9, 22, dark);
    litBox(c, L - 10, 6, 9, 22, dark);
  } else {
    dropShadow(c, 16, L - 3, 14, 3);
    const back = facing === "right" ? 2 : 18;
    const seatX = facing === "right" ? 12 : 4;
    for (let i = 0; i < len; i++) litBox(c, seatX, 8 + i * ((L - 16) / len), 16, (L - 16) / len, fab);
    litBox(c, back, 3, 12, L - 6, dark);
    litBox(c, 3, 1, 26, 9, dark);
    litBox(c, 3, L - 11, 26, 9, dark);
  }
}

function armchair(c: Canvas, facing: Facing, fab: Color): void {
  sofa(c, 1, facing, fab);
}

export function addSeating(b: TilesetBuilder): void {
  const sofas: [string, Color][] = [
    ["teal", P.fabricTeal],
    ["mustard", P.fabricMustard],
    ["plum", P.fabricPlum],
  ];
  for (const [name, fab] of sofas) {
    b.object(`sofa-${name}-down`, 3, 1, (c) => sofa(c, 3, "down", fab), () => solid);
    b.object(`sofa-${name}-up`, 3, 1, (c) => sofa(c, 3, "up", fab), () => solid);
    b.object(`sofa-${name}-right`, 1, 3, (c) => sofa(c, 3, "right", fab), () => solid);
    b.object(`sofa-${name}-left`, 1, 3, (c) => sofa(c, 3, "left", fab), () => solid);
    for (const f of ["up", "down", "left", "right"] as const) {
      b.tile(`armchair-${name}-${f}`, (c) => armchair(c, f, fab), solid);
    }
  }
  for (const [name, len] of [["coffee-table", 2], ["coffee-table-3", 3]] as const) {
    const w = len * 32;
    b.object(
      name,
      len,
      1,
      (c) => {
        dropShadow(c, w / 2, 28, w / 2 - 4, 3);
        block(c, 4, 6, w - 8, 14, 7, P.woodDark);
        c.rect(12, 9, 10, 7, P.outline);
        c.rect(13, 10, 8, 5, P.fabricCoral);
        litEllipse(c, w - 20, 12, 4, 3, P.paperWhite);
      },
      () => solid,
    );
  }
  for (const [name, col] of [
    ["coral", P.fabricCoral],
    ["navy", P.fabricNavy],
  ] as const) {
    b.tile(
      `beanbag-${name}`,
      (c) => {
        dropShadow(c, 16, 26, 13, 4);
        litEllipse(c, 16, 18, 13, 10, col);
        litEllipse(c, 16, 13, 8, 5, shade(col, 0.1));
      },
      walkable,
    );
  }
}
