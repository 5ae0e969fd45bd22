/**
 * Drawing helpers shared by tiles and avatars. Light comes from the top-left:
 * top and left edges get a highlight, bottom and right edges a shade, then a dark outline.
 */
import type { Canvas } from "./canvas";
import { P, shade, type Color } from "./palette";

/** A filled, outlined, top-left-lit rectangle. */
export function litBox(c: Canvas, x: number, y: number, w: number, h: number, fill: Color, outline: Color = P.outline): void {
  c.rect(x, y, w, h, fill);
  c.hline(x + 1, y + 1, w - 2, shade(fill, 0.25));
  c.vline(x + 1, y + 1, h - 2, shade(fill, 0.15));
  c.hline(x + 1, y + h - 2, w - 2, shade(fill, -0.2));
  c.vline(x + w - 2, y + 1, h - 2, shade(fill, -0.12));
  roundedOutline(c, x, y, w, h, outline);
}

/** An outline with the four corner pixels cut, which reads as softer at 32 px. */
export function roundedOutline(c: Canvas, x: number, y: number, w: number, h: number, col: Color): void {
  c.hline(x + 1, y, w - 2, col);
  c.hline(x + 1, y + h - 1, w - 2, col);
  c.vline(x, y + 1, h - 2, col);
  c.vline(x + w - 1, y + 1, h - 2, col);
}

/**
 * A 3/4-view block: a lit top face of height `top` above a darker front face of height `front`.
 * This is how desks, counters, tables and the stage read as solid.
 */
export function block(c: Canvas, x: number, y: number, w: number, top: number, front: number, fill: Color, frontFill = shade(fill, -0.28)): void {
  c.rect(x, y, w, top, fill);
  c.hline(x + 1, y + 1, w - 2, shade(fill, 0.22));
  c.vline(x + 1, y + 1, top - 2, shade(fill, 0.1));
  c.rect(x, y + top, w, front, frontFill);
  c.hline(x, y + top, w, shade(frontFill, 0.15));
  c.hline(x + 1, y + top + front - 2, w - 2, shade(frontFill, -0.2));
  roundedOutline(c, x, y, w, top + front, P.outline);
  c.hline(x + 1, y + top, w - 2, shade(fill, -0.45));
}

export function ellipse(c: Canvas, cx: number, cy: number, rx: number, ry: number, col: Color): void {
  for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++) {
    for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x++) {
      const dx = (x + 0.5 - cx) / rx;
      const dy = (y + 0.5 - cy) / ry;
      if (dx * dx + dy * dy <= 1) c.set(x, y, col);
    }
  }
}

/** Filled ellipse with a one-pixel outline ring and a top-left highlight. */
export function litEllipse(c: Canvas, cx: number, cy: number, rx: number, ry: number, fill: Color, outline: Color = P.outline): void {
  ellipse(c, cx, cy, rx, ry, outline);
  ellipse(c, cx, cy, rx - 1, ry - 1, shade(fill, -0.15));
  ellipse(c, cx - 1, cy - 1, rx - 2, ry - 2, fill);
  ellipse(c, cx - rx * 0.35, cy - ry * 0.35, Math.max(1, rx * 0.3), Math.max(1, ry * 0.3), shade(fill, 0.3));
}

/** A soft drop shadow to ground objects on the floor. */
export function dropShadow(c: Canvas, cx: number, cy: number, rx: number, ry: number): void {
  ellipse(c, cx, cy, rx, ry, P.softShadow);
}

export function line(c: Canvas, x0: number, y0: number, x1: number, y1: number, col: Color): void {
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    c.set(x0, y0, col);
    if (x0 === x1 && y0 === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x0 += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y0 += sy;
    }
  }
}
