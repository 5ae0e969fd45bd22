/**
 * The meetup hall's raised platform (top boards with side edges, a front face baked over
 * the hall's parquet, steps), the projection screen, a lectern and speakers.
 */
import type { Canvas } from "../canvas";
import { block, dropShadow, litBox } from "../primitives";
import { P, shade } from "../palette";
import { FLOORS } from "./floors";
import { floorRule, solid, tallRule, type CellRule, type TilesetBuilder } from "../tileset";

const onWall: CellRule = { collides: false, layer: "furniture" };
const FACE = shade(P.stageBoardDark, -0.15);

function top(c: Canvas, edge: "w" | "e" | null, v: number): void {
  FLOORS.stage(c, v);
  if (edge === "w") {
    c.vline(0, 0, 32, P.outline);
    c.vline(1, 0, 32, shade(P.stageBoard, 0.3));
  }
  if (edge === "e") {
    c.vline(31, 0, 32, P.outline);
    c.vline(30, 0, 32, shade(P.stageBoard, -0.3));
  }
}

/** The platform's front: a board lip, a dark riser, then hall floor in its shadow. */
function front(c: Canvas, edge: "w" | "e" | null, steps: boolean): void {
  FLOORS.parquet(c, 1);
  c.rect(0, 0, 32, 3, shade(P.stageBoard, 0.25));
  c.hline(0, 3, 32, P.outline);
  if (steps) {
    for (let i = 0; i < 3; i++) {
      const y = 4 + i * 6;
      c.rect(2, y, 28, 6, shade(P.stageBoard, 0.05 - i * 0.05));
      c.hline(2, y, 28, shade(P.stageBoard, 0.3));
      c.hline(2, y + 5, 28, P.outline);
    }
    c.vline(1, 0, 22, P.outline);
    c.vline(30, 0, 22, P.outline);
  } else {
    c.rect(0, 4, 32, 16, FACE);
    for (let x = 3; x < 32; x += 8) c.vline(x, 5, 14, shade(FACE, -0.2));
    c.hline(0, 19, 32, P.outline);
  }
  c.rect(0, 20, 32, 3, P.softShadow);
  if (edge === "w") c.vline(0, 0, 20, P.outline);
  if (edge === "e") c.vline(31, 0, 20, P.outline);
}

export function addStage(b: TilesetBuilder): void {
  for (let v = 0; v < 2; v++) {
    b.tile(`stage-top-${v}`, (c) => top(c, null, v), floorRule);
  }
  b.tile("stage-top-w", (c) => top(c, "w", 0), floorRule);
  b.tile("stage-top-e", (c) => top(c, "e", 1), floorRule);
  b.tile("stage-front", (c) => front(c, null, false), floorRule);
  b.tile("stage-front-w", (c) => front(c, "w", false), floorRule);
  b.tile("stage-front-e", (c) => front(c, "e", false), floorRule);
  b.tile("stage-steps", (c) => front(c, null, true), floorRule);

  b.object(
    "stage-screen",
    4,
    1,
    (c) => {
      c.rect(2, 1, 124, 3, P.outline);
      c.rect(4, 4, 120, 24, P.outline);
      c.rect(5, 4, 118, 23, P.paperWhite);
      c.rect(10, 8, 40, 4, P.fabricNavy);
      c.rect(10, 15, 30, 2, P.metal);
      c.rect(10, 19, 34, 2, P.metal);
      for (let i = 0; i < 5; i++) {
        const h = 4 + ((i * 7) % 13);
        c.rect(70 + i * 9, 24 - h, 6, h, [P.blue, P.fabricCoral, P.fabricMustard, P.fabricTeal, P.green][i]);
      }
    },
    () => onWall,
  );
  b.tile(
    "lectern",
    (c) => {
      dropShadow(c, 16, 29, 11, 3);
      block(c, 7, 4, 18, 6, 19, P.woodDark);
      c.rect(11, 15, 10, 2, P.woodLight);
      c.rect(14, 0, 2, 5, P.outline);
      c.rect(13, 0, 4, 2, P.metalDark);
    },
    solid,
  );
  b.object(
    "speaker",
    1,
    2,
    (c) => {
      dropShadow(c, 16, 61, 12, 3);
      litBox(c, 5, 14, 22, 46, P.outline);
      c.rect(7, 16, 18, 42, shade(P.outline, 0.15));
      for (const [cy, r] of [[25, 5], [44, 8]] as const) {
        c.rect(16 - r, cy - r, r * 2, r * 2, P.metalDark);
        c.rect(16 - r + 2, cy - r + 2, r * 2 - 4, r * 2 - 4, shade(P.metalDark, -0.3));
      }
    },
    tallRule(1),
  );
}
