/** Work furniture: desks with monitors, office chairs, meeting and café tables. */
import type { Canvas } from "../canvas";
import { block, dropShadow, ellipse, litBox, litEllipse } from "../primitives";
import { P, shade, type Color } from "../palette";
import { solid, walkable, type TilesetBuilder } from "../tileset";

const DESK_TOP = shade(P.white, -0.04);
const DESK_FRONT = P.woodDark;

function monitorFront(c: Canvas, cx: number, y: number): void {
  litBox(c, cx - 10, y, 20, 13, P.metalDark);
  c.rect(cx - 8, y + 2, 16, 9, P.screen);
  c.rect(cx - 7, y + 3, 6, 3, P.screenGlow);
  c.rect(cx - 7, y + 7, 11, 1, shade(P.screenGlow, -0.3));
  c.rect(cx - 7, y + 9, 8, 1, shade(P.screenGlow, -0.3));
  c.rect(cx - 2, y + 13, 4, 3, P.metalDark);
  c.rect(cx - 5, y + 16, 10, 2, P.outline);
}

function monitorBack(c: Canvas, cx: number, y: number): void {
  litBox(c, cx - 10, y, 20, 12, P.metal);
  c.rect(cx - 3, y + 4, 6, 4, shade(P.metal, -0.2));
}

function keyboard(c: Canvas, cx: number, y: number): void {
  c.rect(cx - 8, y, 16, 4, P.outline);
  c.rect(cx - 7, y + 1, 14, 2, P.metal);
  for (let x = cx - 6; x < cx + 6; x += 2) c.set(x, y + 1, shade(P.metal, 0.3));
}

function mug(c: Canvas, x: number, y: number, col: Color): void {
  c.rect(x, y, 5, 5, P.outline);
  c.rect(x + 1, y + 1, 3, 3, col);
  c.set(x + 1, y + 1, shade(col, 0.4));
  c.set(x + 5, y + 2, P.outline);
}

function papers(c: Canvas, x: number, y: number): void {
  c.rect(x, y, 9, 7, P.outline);
  c.rect(x + 1, y + 1, 7, 5, P.paperWhite);
  c.hline(x + 2, y + 2, 5, P.metal);
  c.hline(x + 2, y + 4, 4, P.metal);
}

/** A 2×1 desk; `chairSide` is where the person sits. Focus desks get a lamp and a privacy panel. */
function desk(c: Canvas, chairSide: "south" | "north", focus: boolean, accent: Color): void {
  dropShadow(c, 33, 29, 30, 3);
  if (chairSide === "south") {
    block(c, 1, 6, 62, 16, 8, DESK_TOP, DESK_FRONT);
    if (focus) {
      litBox(c, 1, 0, 62, 8, P.carpetGreen);
      c.hline(3, 3, 58, shade(P.carpetGreen, -0.15));
    }
    monitorFront(c, 32, focus ? 4 : 2);
    keyboard(c, 32, 17);
    if (focus) {
      c.rect(50, 8, 2, 10, P.outline);
      c.rect(46, 6, 9, 4, P.yellow);
      c.rect(46, 9, 9, 1, P.outline);
      papers(c, 7, 12);
    } else {
      mug(c, 50, 13, accent);
      papers(c, 8, 12);
    }
  } else {
    block(c, 1, 2, 62, 18, 8, DESK_TOP, DESK_FRONT);
    keyboard(c, 32, 4);
    monitorBack(c, 32, 9);
    mug(c, 9, 6, accent);
  }
}

/** Office chair, seen from above-front; `facing` is where the sitter looks. */
function officeChair(c: Canvas, cx: number, facing: "up" | "down" | "left" | "right", seat: Color): void {
  dropShadow(c, cx, 27, 10, 3);
  c.rect(cx - 1, 20, 3, 6, P.outline);
  c.hline(cx - 6, 26, 13, P.outline);
  c.set(cx - 7, 27, P.metalDark);
  c.set(cx + 7, 27, P.metalDark);
  if (facing === "down") {
    litBox(c, cx - 8, 3, 16, 10, shade(seat, -0.12));
    litBox(c, cx - 9, 11, 18, 11, seat);
  } else if (facing === "up") {
    litBox(c, cx - 9, 8, 18, 11, seat);
    litBox(c, cx - 8, 14, 16, 10, shade(seat, -0.12));
  } else {
    litBox(c, cx - 8, 10, 16, 11, seat);
    const bx = facing === "right" ? cx - 10 : cx + 4;
    litBox(c, bx, 4, 6, 17, shade(seat, -0.12));
  }
}

function table(c: Canvas, w: number, h: number, top: Color): void {
  dropShadow(c, w / 2, h - 5, w / 2 - 2, 4);
  block(c, 2, 6, w - 4, h - 20, 9, top);
  c.rect(6, h - 12, 3, 6, P.outline);
  c.rect(w - 9, h - 12, 3, 6, P.outline);
}

function meetingTable(c: Canvas, w: number, h: number): void {
  table(c, w, h, P.woodDark);
  for (let x = 16; x < w - 16; x += 32) {
    // A laptop and a notepad at each place.
    c.rect(x - 6, 10, 12, 8, P.outline);
    c.rect(x - 5, 11, 10, 6, P.metal);
    c.rect(x - 4, 12, 8, 4, P.screenGlow);
    papers(c, x - 4, h - 30);
  }
  litEllipse(c, w / 2, (h - 14) / 2 + 3, 5, 4, P.leafLight);
}

export function addFurniture(b: TilesetBuilder): void {
  const accents = [P.red, P.blue, P.yellow, P.green];
  b.object("desk-s", 2, 1, (c) => desk(c, "south", false, accents[0]), () => solid);
  b.object("desk-s2", 2, 1, (c) => desk(c, "south", false, accents[1]), () => solid);
  b.object("desk-n", 2, 1, (c) => desk(c, "north", false, accents[2]), () => solid);
  b.object("desk-n2", 2, 1, (c) => desk(c, "north", false, accents[3]), () => solid);
  b.object("desk-focus", 2, 1, (c) => desk(c, "south", true, P.white), () => solid);

  // Desk chairs sit centred on the boundary between the desk's two tiles.
  b.object("deskchair-up", 2, 1, (c) => officeChair(c, 32, "up", P.fabricNavy), () => walkable);
  b.object("deskchair-down", 2, 1, (c) => officeChair(c, 32, "down", P.fabricNavy), () => walkable);
  for (const f of ["up", "down", "left", "right"] as const) {
    b.tile(`chair-${f}`, (c) => officeChair(c, 16, f, P.fabricCoral), walkable);
    b.tile(`chair-teal-${f}`, (c) => officeChair(c, 16, f, P.fabricTeal), walkable);
  }

  b.object("table-meeting", 4, 2, (c) => meetingTable(c, 128, 64), () => solid);
  b.object("table-meeting-long", 6, 2, (c) => meetingTable(c, 192, 64), () => solid);
  b.object(
    "table-cafe",
    2,
    2,
    (c) => {
      dropShadow(c, 32, 56, 22, 5);
      c.rect(29, 34, 6, 20, P.outline);
      c.rect(30, 34, 4, 20, P.metalDark);
      ellipse(c, 32, 28, 27, 21, P.outline);
      ellipse(c, 32, 31, 26, 19, shade(P.white, -0.25));
      ellipse(c, 32, 27, 26, 19, P.white);
      ellipse(c, 26, 22, 10, 6, shade(P.white, 0.4));
      mug(c, 20, 24, P.red);
      mug(c, 38, 30, P.blue);
    },
    () => solid,
  );
}
