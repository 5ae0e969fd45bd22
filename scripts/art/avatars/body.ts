/**
 * One avatar frame: legs, torso, arms and head in front, back or left-profile view.
 * Parts are drawn flat; `outline()` then traces the silhouette so every look shares one outline.
 */
import { Canvas } from "../canvas";
import { ellipse } from "../primitives";
import { P, shade, withAlpha, type Color } from "../palette";
import { hairBehind, hairFront, type HeadBox, type View } from "./hair";
import type { Look } from "./looks";

export type Facing = "down" | "left" | "right" | "up";

const W = 32;
const H = 48;

function part(c: Canvas, x: number, y: number, w: number, h: number, col: Color): void {
  c.rect(x, y, w, h, col);
  c.vline(x + w - 1, y, h, shade(col, -0.15));
  c.hline(x, y, w, shade(col, 0.12));
}

/** Walk phase → (left lift, right lift, bob, arm swing) for a 4-frame cycle (0 is idle). */
function phase(step: number): { liftL: number; liftR: number; bob: number; swing: number } {
  switch (step) {
    case 1:
      return { liftL: 0, liftR: 2, bob: 0, swing: 1 };
    case 2:
      return { liftL: 0, liftR: 0, bob: -1, swing: 0 };
    case 3:
      return { liftL: 2, liftR: 0, bob: 0, swing: -1 };
    default:
      return { liftL: 0, liftR: 0, bob: 0, swing: 0 };
  }
}

function frontLegs(c: Canvas, look: Look, liftL: number, liftR: number): void {
  part(c, 11, 35, 4, 9 - liftL, look.legs);
  part(c, 17, 35, 4, 9 - liftR, look.legs);
  part(c, 10, 43 - liftL, 5, 3, look.shoes);
  part(c, 17, 43 - liftR, 5, 3, look.shoes);
}

function sideLegs(c: Canvas, look: Look, step: number): void {
  const back = shade(look.legs, -0.2);
  if (step === 1 || step === 3) {
    const [front, rear] = step === 1 ? [look.legs, back] : [back, look.legs];
    part(c, 17, 35, 4, 8, rear === back ? back : look.legs);
    part(c, 17, 42, 5, 3, shade(look.shoes, rear === back ? -0.2 : 0));
    part(c, 11, 35, 4, 8, front);
    part(c, 9, 42, 6, 3, shade(look.shoes, front === back ? -0.2 : 0));
  } else {
    part(c, 14, 35, 4, 9, back);
    part(c, 13, 35, 4, 9, look.legs);
    part(c, 11, 43, 6, 3, look.shoes);
  }
}

function torsoFront(c: Canvas, look: Look, y: number, back: boolean): void {
  const t = look.top;
  part(c, 10, y, 12, 13, t);
  c.hline(10, y + 12, 12, shade(t, -0.25));
  if (back) {
    if (look.topStyle === "hoodie") part(c, 11, y - 1, 10, 5, shade(t, -0.12));
    return;
  }
  switch (look.topStyle) {
    case "tee":
      c.rect(14, y, 4, 2, look.skin);
      c.rect(12, y + 5, 3, 3, look.accent);
      break;
    case "hoodie":
      c.rect(11, y, 10, 2, shade(t, -0.2));
      c.set(14, y + 2, look.accent);
      c.set(14, y + 3, look.accent);
      c.set(17, y + 2, look.accent);
      c.set(17, y + 3, look.accent);
      c.rect(12, y + 7, 8, 4, shade(t, -0.1));
      c.hline(12, y + 7, 8, shade(t, -0.25));
      break;
    case "shirt":
      c.rect(13, y, 6, 2, P.white);
      c.vline(15, y + 1, 9, look.accent);
      c.vline(16, y + 1, 9, look.accent);
      c.set(15, y + 10, shade(look.accent, -0.3));
      break;
    case "cardigan":
      c.rect(14, y, 4, 12, look.accent);
      c.vline(13, y, 12, shade(t, -0.25));
      c.vline(18, y, 12, shade(t, -0.25));
      c.set(13, y + 4, P.white);
      c.set(13, y + 8, P.white);
      break;
    case "jacket":
      c.rect(14, y, 4, 12, look.accent);
      c.rect(12, y, 2, 4, shade(t, 0.2));
      c.rect(18, y, 2, 4, shade(t, 0.2));
      break;
    case "sweater":
      c.rect(13, y, 6, 2, look.accent);
      c.hline(10, y + 11, 12, shade(t, -0.18));
      c.set(12, y + 5, shade(t, 0.15));
      c.set(19, y + 8, shade(t, 0.15));
      break;
  }
}

function armsFront(c: Canvas, look: Look, y: number, swing: number): void {
  const sleeve = shade(look.top, -0.08);
  part(c, 7, y + 1, 3, 9 + swing, sleeve);
  part(c, 22, y + 1, 3, 9 - swing, sleeve);
  c.rect(7, y + 10 + swing, 3, 2, look.skin);
  c.rect(22, y + 10 - swing, 3, 2, look.skin);
}

function headFront(c: Canvas, look: Look, hb: HeadBox): void {
  const s = look.skin;
  c.rect(hb.x + 1, hb.y, hb.w - 2, hb.h, s);
  c.rect(hb.x, hb.y + 1, hb.w, hb.h - 2, s);
  c.vline(hb.x + hb.w - 1, hb.y + 2, hb.h - 4, shade(s, -0.12));
  c.hline(hb.x + 2, hb.y + hb.h - 1, hb.w - 4, shade(s, -0.15));
  c.rect(hb.x - 1, hb.y + 8, 1, 3, shade(s, -0.08));
  c.rect(hb.x + hb.w, hb.y + 8, 1, 3, shade(s, -0.15));
}

function faceFront(c: Canvas, look: Look, hb: HeadBox): void {
  const ey = hb.y + 8;
  const eye = P.outline;
  c.rect(hb.x + 4, ey, 2, 3, eye);
  c.rect(hb.x + 10, ey, 2, 3, eye);
  c.set(hb.x + 4, ey, P.white);
  c.set(hb.x + 10, ey, P.white);
  c.set(hb.x + 3, ey + 4, withAlpha(P.fabricCoral, 110));
  c.set(hb.x + 12, ey + 4, withAlpha(P.fabricCoral, 110));
  if (look.beard) {
    c.rect(hb.x + 1, ey + 4, hb.w - 2, 4, look.hair);
    c.rect(hb.x + 3, ey + 6, hb.w - 6, 3, look.hair);
    c.hline(hb.x + 6, ey + 5, 4, shade(look.skin, -0.35));
  } else {
    c.hline(hb.x + 7, ey + 5, 2, shade(look.skin, -0.4));
  }
  if (look.glasses) {
    const g = P.outline;
    c.strokeRect(hb.x + 2, ey - 1, 6, 5, g);
    c.strokeRect(hb.x + 8, ey - 1, 6, 5, g);
    c.set(hb.x + 3, ey, withAlpha(P.glassLight, 200));
    c.set(hb.x + 9, ey, withAlpha(P.glassLight, 200));
  }
}

function headLeft(c: Canvas, look: Look, hb: HeadBox): void {
  const s = look.skin;
  c.rect(hb.x + 1, hb.y, hb.w - 2, hb.h, s);
  c.rect(hb.x, hb.y + 1, hb.w, hb.h - 2, s);
  c.set(hb.x - 1, hb.y + 10, s);
  c.hline(hb.x + 2, hb.y + hb.h - 1, hb.w - 4, shade(s, -0.15));
  const ey = hb.y + 8;
  c.rect(hb.x + 2, ey, 2, 3, P.outline);
  c.set(hb.x + 2, ey, P.white);
  c.rect(hb.x + 9, ey, 2, 3, shade(s, -0.2));
  c.set(hb.x + 3, ey + 4, withAlpha(P.fabricCoral, 110));
  if (look.beard) {
    c.rect(hb.x, ey + 4, 10, 4, look.hair);
    c.rect(hb.x + 1, ey + 7, 8, 2, look.hair);
  } else {
    c.set(hb.x + 1, ey + 5, shade(s, -0.4));
  }
  if (look.glasses) {
    c.strokeRect(hb.x, ey - 1, 5, 5, P.outline);
    c.hline(hb.x + 5, ey, 5, P.outline);
  }
}

function torsoSide(c: Canvas, look: Look, y: number): void {
  part(c, 11, y, 10, 13, look.top);
  c.hline(11, y + 12, 10, shade(look.top, -0.25));
  if (look.topStyle === "hoodie") part(c, 16, y - 1, 5, 5, shade(look.top, -0.12));
  if (look.topStyle === "shirt") c.rect(11, y, 3, 2, P.white);
}

function armSide(c: Canvas, look: Look, y: number, swing: number): void {
  const x = 14 - swing * 2;
  part(c, x, y + 1, 4, 9, shade(look.top, -0.1));
  c.rect(x, y + 10, 4, 2, look.skin);
}

/** Trace a 1 px outline around all opaque pixels. */
function outline(src: Canvas): Canvas {
  const out = new Canvas(src.width, src.height);
  out.blit(src, 0, 0);
  for (let y = 0; y < src.height; y++) {
    for (let x = 0; x < src.width; x++) {
      if (src.get(x, y)[3] !== 0) continue;
      const near = [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ].some(([dx, dy]) => src.inside(x + dx, y + dy) && src.get(x + dx, y + dy)[3] > 128);
      if (near) out.put(x, y, P.outline);
    }
  }
  return out;
}

export function drawFrame(look: Look, facing: Facing, step: number): Canvas {
  const view: View = facing === "right" ? "left" : facing;
  const { liftL, liftR, bob, swing } = phase(step);
  const c = new Canvas(W, H);
  const hb: HeadBox = view === "left" ? { x: 9, y: 8 + bob, w: 14, h: 16 } : { x: 8, y: 8 + bob, w: 16, h: 16 };
  const bodyY = 23 + bob;
  hairBehind(c, look, view, hb);
  if (view === "left") {
    sideLegs(c, look, step);
    if (swing !== 0) armSide(c, { ...look, top: shade(look.top, -0.15) }, bodyY, -swing);
    torsoSide(c, look, bodyY);
    headLeft(c, look, hb);
    hairFront(c, look, view, hb);
    armSide(c, look, bodyY, swing);
  } else {
    frontLegs(c, look, view === "up" ? liftR : liftL, view === "up" ? liftL : liftR);
    torsoFront(c, look, bodyY, view === "up");
    armsFront(c, look, bodyY, view === "up" ? -swing : swing);
    headFront(c, look, hb);
    if (view === "down") faceFront(c, look, hb);
    hairFront(c, look, view, hb);
  }
  const traced = outline(c);
  const frame = new Canvas(W, H);
  ellipse(frame, 16, 45.5, 9, 2.5, P.softShadow);
  frame.blit(traced, 0, 0, 0, 0, W, H, facing === "right");
  return frame;
}
