/** Hair styles in the three drawn views (front, back, left profile); right is a mirror of left. */
import type { Canvas } from "../canvas";
import { ellipse } from "../primitives";
import { shade, type Color } from "../palette";
import type { Look } from "./looks";

export type View = "down" | "up" | "left";

/** Where the head sits in this frame (its top-left), so hair follows the walk bob. */
export interface HeadBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

function fill(c: Canvas, x: number, y: number, w: number, h: number, col: Color): void {
  c.rect(x, y, w, h, col);
}

/** Top-left light on the hair mass: a highlight streak and a darker right edge. */
function sheen(c: Canvas, hb: HeadBox, col: Color): void {
  c.hline(hb.x + 3, hb.y - 1, 5, shade(col, 0.3));
  c.hline(hb.x + 2, hb.y, 3, shade(col, 0.2));
}

/** Drawn before the head and body: parts of the hair behind them. */
export function hairBehind(c: Canvas, look: Look, view: View, hb: HeadBox): void {
  const col = shade(look.hair, -0.12);
  switch (look.hairStyle) {
    case "long":
      if (view === "down") fill(c, hb.x - 2, hb.y + 2, hb.w + 4, 22, col);
      if (view === "left") fill(c, hb.x + 7, hb.y + 2, 9, 24, col);
      break;
    case "afro":
      ellipse(c, hb.x + hb.w / 2 + (view === "left" ? 1 : 0), hb.y + 5, hb.w / 2 + 4, 10, col);
      break;
    case "bun":
      if (view !== "down") ellipse(c, hb.x + (view === "left" ? hb.w : hb.w / 2), hb.y - 1, 4, 4, col);
      break;
    default:
      break;
  }
}

/** Drawn after the head: the visible hair over the scalp and face sides. */
export function hairFront(c: Canvas, look: Look, view: View, hb: HeadBox): void {
  const h = look.hair;
  const { x, y, w } = hb;
  const style = look.hairStyle;
  if (style === "afro") {
    const cx = x + w / 2 + (view === "left" ? 1 : 0);
    for (let py = y - 6; py < y + 16; py++) {
      for (let px = x - 5; px < x + w + 5; px++) {
        const dx = (px + 0.5 - cx) / (w / 2 + 4);
        const dy = (py + 0.5 - (y + 5)) / 10;
        if (dx * dx + dy * dy > 1) continue;
        const overFace = view === "down" ? py >= y + 4 && px >= x + 1 && px < x + w - 1 : view === "left" ? py >= y + 5 && px < x + 8 : false;
        if (!overFace) c.set(px, py, (px + py) % 5 === 0 ? shade(h, 0.15) : h);
      }
    }
    ellipse(c, cx - 4, y - 2, 3, 2, shade(h, 0.25));
    return;
  }
  const top = style === "buzz" ? 1 : 3;
  // The scalp cap common to every style.
  fill(c, x, y - top + 1, w, top + 3, h);
  fill(c, x + 1, y - top, w - 2, 1, h);
  if (view === "up") {
    const down = style === "long" ? 18 : style === "bob" ? 14 : style === "buzz" ? 10 : 12;
    fill(c, x, y, w, down, h);
    if (style === "long") fill(c, x - 1, y + 8, w + 2, 10, h);
    if (style === "bob") fill(c, x - 1, y + 6, w + 2, 8, h);
    if (style === "bun") ellipse(c, x + w / 2, y - 2, 4, 4, h);
    if (style === "spiky") spikes(c, x, y - top, w, h);
    c.vline(x + w / 2, y - top + 1, down - 2, shade(h, -0.12));
    sheen(c, hb, h);
    return;
  }
  if (view === "left") {
    // Profile facing left: hair over the crown and the back of the head, the ear left bare.
    const back = style === "long" ? 24 : style === "bob" ? 14 : style === "buzz" ? 8 : 10;
    fill(c, x + 9, y, w - 9, back, h);
    fill(c, x + 7, y + 3, 2, 3, h);
    if (style === "long") fill(c, x + 9, y + 10, w - 8, 14, h);
    if (style === "bob") fill(c, x + 2, y + 3, 3, 3, h);
    if (style === "sidepart") fill(c, x, y + 3, 6, 2, h);
    if (style === "short") fill(c, x + 1, y + 3, 3, 2, h);
    if (style === "bun") ellipse(c, x + w, y, 4, 4, h);
    if (style === "spiky") spikes(c, x + 2, y - top, w - 2, h);
    sheen(c, hb, h);
    return;
  }
  // Facing the viewer.
  switch (style) {
    case "short":
      fill(c, x, y + 3, 2, 6, h);
      fill(c, x + w - 2, y + 3, 2, 6, h);
      for (const fx of [2, 5, 8, 11]) fill(c, x + fx, y + 3, 3, fx % 2 === 0 ? 2 : 3, h);
      break;
    case "buzz":
      fill(c, x, y + 2, 1, 5, h);
      fill(c, x + w - 1, y + 2, 1, 5, h);
      break;
    case "long":
      fill(c, x - 1, y + 2, 3, 22, h);
      fill(c, x + w - 2, y + 2, 3, 22, h);
      fill(c, x + 2, y + 3, w - 6, 2, h);
      fill(c, x + 2, y + 5, 3, 1, h);
      break;
    case "bob":
      fill(c, x - 1, y + 2, 3, 13, h);
      fill(c, x + w - 2, y + 2, 3, 13, h);
      fill(c, x + 1, y + 3, w - 2, 3, h);
      c.hline(x + 2, y + 6, w - 4, shade(h, -0.2));
      break;
    case "bun":
      fill(c, x, y + 3, 2, 6, h);
      fill(c, x + w - 2, y + 3, 2, 6, h);
      ellipse(c, x + w / 2, y - 3, 4, 3, h);
      c.hline(x + w / 2 - 3, y - 1, 6, shade(h, -0.2));
      break;
    case "spiky":
      fill(c, x, y + 3, 2, 4, h);
      fill(c, x + w - 2, y + 3, 2, 4, h);
      spikes(c, x, y - top, w, h);
      break;
    case "sidepart":
      fill(c, x, y + 3, 2, 6, h);
      fill(c, x + w - 2, y + 3, 2, 5, h);
      fill(c, x + 5, y + 3, w - 6, 3, h);
      fill(c, x + 9, y + 6, w - 11, 1, h);
      c.vline(x + 4, y - 1, 5, shade(h, -0.25));
      break;
  }
  sheen(c, hb, h);
}

function spikes(c: Canvas, x: number, y: number, w: number, col: Color): void {
  // Separate triangles so the outline pass shows a notch between each spike.
  const widths = [1, 1, 3, 3, 5];
  for (let sx = x + 2; sx + 2 < x + w; sx += 4) {
    widths.forEach((ww, k) => c.hline(sx - (ww - 1) / 2, y - 4 + k, ww, k < 2 ? shade(col, 0.2) : col));
  }
}
