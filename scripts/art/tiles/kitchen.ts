/** The kitchen run: counter segments (plain, sink, coffee machine, microwave), fridge, water cooler. */
import type { Canvas } from "../canvas";
import { block, dropShadow, ellipse, litBox } from "../primitives";
import { P, shade } from "../palette";
import { solid, tallRule, type TilesetBuilder } from "../tileset";

const COUNTER_TOP = shade(P.stone, 0.2);
const CABINET = P.fabricTeal;

/** One 1×1 counter segment; `edge` draws the outline on the open sides. */
function counter(c: Canvas): void {
  c.rect(0, 0, 32, 14, COUNTER_TOP);
  c.hline(0, 0, 32, shade(COUNTER_TOP, 0.3));
  c.hline(0, 13, 32, P.outline);
  c.rect(0, 14, 32, 16, CABINET);
  c.hline(0, 14, 32, shade(CABINET, 0.2));
  c.vline(15, 15, 14, shade(CABINET, -0.3));
  c.rect(12, 19, 2, 4, P.metal);
  c.rect(18, 19, 2, 4, P.metal);
  c.hline(0, 30, 32, shade(CABINET, -0.4));
  c.hline(0, 31, 32, P.softShadow);
}

export function addKitchen(b: TilesetBuilder): void {
  b.tile("counter", counter, solid);
  b.tile(
    "counter-end-w",
    (c) => {
      counter(c);
      c.vline(0, 0, 31, P.outline);
    },
    solid,
  );
  b.tile(
    "counter-end-e",
    (c) => {
      counter(c);
      c.vline(31, 0, 31, P.outline);
    },
    solid,
  );
  b.tile(
    "counter-sink",
    (c) => {
      counter(c);
      c.rect(6, 2, 20, 10, P.outline);
      c.rect(7, 3, 18, 8, P.metal);
      c.rect(8, 5, 16, 5, shade(P.metal, -0.2));
      c.rect(15, 0, 2, 4, P.metalDark);
    },
    solid,
  );
  b.tile(
    "counter-coffee",
    (c) => {
      counter(c);
      litBox(c, 8, 0, 16, 14, P.outline);
      c.rect(10, 2, 12, 5, shade(P.outline, 0.25));
      c.rect(11, 3, 3, 2, P.red);
      c.rect(16, 3, 4, 1, P.screenGlow);
      c.rect(13, 8, 6, 5, P.white);
      c.rect(14, 9, 4, 3, P.woodDeep);
    },
    solid,
  );
  b.tile(
    "counter-microwave",
    (c) => {
      counter(c);
      litBox(c, 4, 1, 24, 12, P.metal);
      c.rect(6, 3, 14, 8, P.screen);
      c.rect(22, 4, 3, 1, P.outline);
      c.rect(22, 7, 3, 1, P.outline);
    },
    solid,
  );
  b.tile(
    "counter-fruit",
    (c) => {
      counter(c);
      ellipse(c, 16, 9, 10, 4, P.outline);
      ellipse(c, 16, 8, 9, 3, P.wood);
      ellipse(c, 12, 6, 3, 3, P.red);
      ellipse(c, 18, 5, 3, 3, P.yellow);
      ellipse(c, 21, 7, 3, 3, P.green);
    },
    solid,
  );
  b.object(
    "fridge",
    1,
    2,
    (c) => {
      dropShadow(c, 16, 61, 14, 3);
      litBox(c, 2, 2, 28, 58, shade(P.white, -0.05));
      c.hline(3, 22, 26, shade(P.white, -0.35));
      c.rect(24, 8, 2, 10, P.metalDark);
      c.rect(24, 28, 2, 14, P.metalDark);
      c.rect(6, 30, 5, 5, P.yellow);
      c.rect(12, 33, 5, 5, P.blue);
    },
    tallRule(1),
  );
  b.object(
    "water-cooler",
    1,
    2,
    (c) => {
      dropShadow(c, 16, 61, 10, 3);
      ellipse(c, 16, 16, 9, 12, P.outline);
      ellipse(c, 16, 16, 8, 11, shade(P.glass, -0.1));
      ellipse(c, 14, 13, 4, 7, P.glassLight);
      block(c, 8, 27, 16, 4, 29, P.white, shade(P.white, -0.12));
      c.rect(12, 36, 3, 3, P.blue);
      c.rect(17, 36, 3, 3, P.red);
    },
    tallRule(1),
  );
}
