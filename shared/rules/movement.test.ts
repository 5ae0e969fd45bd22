import { facingFor, footBlocked, stepMovement, type Body, type MoveInput } from "./movement";
import { STEP_PX } from "./constants";
import { parseMap } from "../map/parseMap";
import { buildTestMap, feetAt } from "../map/testMap";

// 8x6 room: walls round the edge, furniture at (5,3).
const map = parseMap(buildTestMap({ width: 8, height: 6, rows: ["########", "#......#", "#......#", "#....x.#", "#......#", "########"] }));
const body = (x: number, y: number): Body => ({ x, y, facing: "down", moving: false });
const step = (b: Body, dx: MoveInput["dx"], dy: MoveInput["dy"]) => stepMovement(map, b, { dx, dy });

test("a straight step moves exactly STEP_PX (8 px) on one axis", () => {
  const start = feetAt(2, 2);
  expect(STEP_PX).toBe(8);
  expect(step(body(start.x, start.y), 1, 0)).toMatchObject({ x: start.x + 8, y: start.y, moving: true, facing: "right" });
  expect(step(body(start.x, start.y), 0, -1)).toMatchObject({ x: start.x, y: start.y - 8, facing: "up" });
});

test("a diagonal step moves 6 px on each axis (about the same distance as straight)", () => {
  const start = feetAt(2, 2);
  const next = step(body(start.x, start.y), 1, 1);
  expect([next.x - start.x, next.y - start.y]).toEqual([6, 6]);
  expect(Math.hypot(6, 6)).toBeCloseTo(STEP_PX, 0);
});

test("a wall stops the body flush against it", () => {
  // Left wall ends at x = 32; the foot box reaches 10 px left of x, so x stops at 42.
  let b = body(50, feetAt(1, 2).y);
  b = step(b, -1, 0);
  expect(b.x).toBe(42);
  expect(footBlocked(map, b.x, b.y)).toBe(false);
  expect(footBlocked(map, b.x - 1, b.y)).toBe(true);
  const again = step(b, -1, 0);
  expect(again.x).toBe(42);
  expect(again.facing).toBe("left");
  expect(again.moving).toBe(true); // still pressing a key: the walk animation shows intent
});

test("walking diagonally into a wall slides along it", () => {
  // Flush under the top wall (feet y = 32 + 10 = 42), pressing up-right.
  let b = body(100, 42);
  b = step(b, 1, -1);
  expect(b).toMatchObject({ x: 106, y: 42, facing: "right" });
});

test("furniture blocks like a wall", () => {
  // Walking right along row 3 into the furniture at tile (5,3), whose left edge is x = 160.
  let b = body(feetAt(3, 3).x, feetAt(3, 3).y);
  for (let i = 0; i < 10; i++) b = step(b, 1, 0);
  expect(b.x).toBe(160 - 10);
});

test("cannot leave the map even without walls", () => {
  const open = parseMap(buildTestMap({ width: 3, height: 2 }));
  let b = body(16, 24);
  for (let i = 0; i < 10; i++) b = stepMovement(open, b, { dx: -1, dy: -1 });
  expect([b.x, b.y]).toEqual([10, 10]);
  for (let i = 0; i < 40; i++) b = stepMovement(open, b, { dx: 1, dy: 1 });
  expect([b.x, b.y]).toEqual([3 * 32 - 10, 2 * 32]);
});

test("facing follows input, horizontal wins on diagonals, standing keeps the last facing", () => {
  expect(facingFor(1, -1, "down")).toBe("right");
  expect(facingFor(-1, 1, "up")).toBe("left");
  expect(facingFor(0, 1, "up")).toBe("down");
  expect(facingFor(0, 0, "left")).toBe("left");
  const b = { ...body(100, 100), facing: "up" as const };
  expect(step(b, 0, 0)).toMatchObject({ x: 100, y: 100, facing: "up", moving: false });
});

test("deterministic: the same inputs give the same positions, and the input body is not changed", () => {
  let seed = 7;
  const pick = () => ([-1, 0, 1] as const)[((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 3];
  // Runs of the same input, as a person holds keys, so the walk covers the room.
  const inputs: MoveInput[] = [];
  while (inputs.length < 300) {
    const input = { dx: pick(), dy: pick() };
    for (let i = 0; i < 6; i++) inputs.push(input);
  }
  const run = () => {
    const trace: string[] = [];
    let b = body(feetAt(2, 2).x, feetAt(2, 2).y);
    for (const input of inputs) {
      const before = { ...b };
      const next = stepMovement(map, b, input);
      expect(b).toEqual(before);
      b = next;
      expect(Number.isInteger(b.x) && Number.isInteger(b.y)).toBe(true);
      expect(footBlocked(map, b.x, b.y)).toBe(false);
      trace.push(`${b.x},${b.y},${b.facing}`);
    }
    return trace;
  };
  const first = run();
  expect(run()).toEqual(first);
  expect(new Set(first).size).toBeGreaterThan(10);
});

test("writes into a reusable output body when given one", () => {
  const out = body(0, 0);
  const result = stepMovement(map, body(100, 100), { dx: 1, dy: 0 }, out);
  expect(result).toBe(out);
  expect(out).toMatchObject({ x: 108, y: 100 });
});
