import { declutterTags, type TagBox } from "./declutterTags";

const tag = (x: number, bottom: number, self = false, width = 40): TagBox => ({ x, bottom, width, height: 13, self, lift: 0 });

function overlap(a: TagBox, b: TagBox): boolean {
  const [ab, bb] = [a.bottom - a.lift, b.bottom - b.lift];
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && ab - a.height < bb && bb - b.height < ab;
}

test("tags apart from each other stay where they are", () => {
  const boxes = [tag(0, 100), tag(100, 100), tag(0, 200)];
  declutterTags(boxes);
  expect(boxes.map((b) => b.lift)).toEqual([0, 0, 0]);
});

test("side by side: your own tag stays put and the other rises just above it", () => {
  const mine = tag(0, 100, true);
  const theirs = tag(24, 100);
  declutterTags([theirs, mine]);
  expect(mine.lift).toBe(0);
  expect(theirs.lift).toBe(14);
  expect(overlap(mine, theirs)).toBe(false);
});

test("of two others, the one in front keeps its place; three in a row stack without overlaps", () => {
  const front = tag(0, 110);
  const behind = tag(10, 104);
  const third = tag(-10, 100);
  const boxes = [third, behind, front];
  declutterTags(boxes);
  expect(front.lift).toBe(0);
  expect(behind.lift).toBeGreaterThan(0);
  for (const a of boxes) for (const b of boxes) if (a !== b) expect(overlap(a, b)).toBe(false);
});

test("a packed crowd is bounded: each tag rises past at most a few others", () => {
  const boxes = Array.from({ length: 50 }, () => tag(0, 100));
  declutterTags(boxes);
  expect(Math.max(...boxes.map((b) => b.lift))).toBeLessThanOrEqual(4 * 14);
});
