import { advanceWaypoint, ARRIVE_PX, hasArrived, nextInputToward } from "./followPath";
import { stepMovement, type Body } from "./movement";
import { findPath } from "../map/findPath";
import { parseMap } from "../map/parseMap";
import { buildTestMap, feetAt } from "../map/testMap";
import type { Point } from "../map/types";

const at = (x: number, y: number): Body => ({ x, y, facing: "down", moving: false });

describe("nextInputToward", () => {
  test("moves on each axis only while more than ARRIVE_PX away", () => {
    expect(nextInputToward(at(0, 0), { x: 100, y: 0 })).toEqual({ dx: 1, dy: 0 });
    expect(nextInputToward(at(0, 0), { x: -100, y: -100 })).toEqual({ dx: -1, dy: -1 });
    expect(nextInputToward(at(0, 0), { x: ARRIVE_PX, y: -ARRIVE_PX })).toEqual({ dx: 0, dy: 0 });
    expect(nextInputToward(at(0, 0), { x: ARRIVE_PX + 1, y: 3 })).toEqual({ dx: 1, dy: 0 });
    expect(hasArrived(at(10, 10), { x: 14, y: 6 })).toBe(true);
    expect(hasArrived(at(10, 10), { x: 15, y: 10 })).toBe(false);
  });

  test("settles on a point without jittering around it", () => {
    const map = parseMap(buildTestMap({ width: 10, height: 3 }));
    const target = { x: 203, y: 61 };
    let body = at(feetAt(0, 1).x, feetAt(0, 1).y);
    const xs: number[] = [];
    for (let i = 0; i < 40; i++) {
      body = stepMovement(map, body, nextInputToward(body, target));
      xs.push(body.x);
    }
    expect(hasArrived(body, target)).toBe(true);
    // Once arrived it stays put: the last 10 ticks are all the same position.
    expect(new Set(xs.slice(-10)).size).toBe(1);
    expect(body.moving).toBe(false);
  });

  test("advanceWaypoint skips waypoints already reached", () => {
    const path: Point[] = [{ x: 10, y: 10 }, { x: 12, y: 12 }, { x: 100, y: 10 }];
    expect(advanceWaypoint(at(11, 11), path, 0)).toBe(2);
    expect(advanceWaypoint(at(100, 12), path, 2)).toBe(3);
    expect(advanceWaypoint(at(50, 50), path, -3)).toBe(0);
  });
});

describe("following findPath's waypoints with stepMovement", () => {
  test("reaches the goal through an office with obstacles in a bounded number of ticks", () => {
    const rows = [
      "####################",
      "#........#.........#",
      "#..xx....#...xxx...#",
      "#..xx....#...x.....#",
      "#........#...x..x..#",
      "#######..###.....x.#",
      "#........x.........#",
      "#.xxxx...x...####..#",
      "#..................#",
      "####################",
    ];
    const map = parseMap(buildTestMap({ width: 20, height: 10, rows }));
    const from = feetAt(1, 1);
    const goal = { x: 15 * 32 + 20, y: 3 * 32 + 20 };
    const path = findPath(map, from, goal)!;
    expect(path).not.toBeNull();

    let body = at(from.x, from.y);
    let index = 0;
    let ticks = 0;
    const maxTicks = 200; // the route is ~40 tiles at 4 ticks per tile
    for (; ticks < maxTicks; ticks++) {
      index = advanceWaypoint(body, path, index);
      if (index === path.length) break;
      const next = stepMovement(map, body, nextInputToward(body, path[index]));
      expect(next.x !== body.x || next.y !== body.y).toBe(true); // never pushing uselessly against something
      body = next;
    }
    expect(index).toBe(path.length);
    expect(ticks).toBeLessThan(maxTicks);
    expect(Math.abs(body.x - goal.x)).toBeLessThanOrEqual(ARRIVE_PX);
    expect(Math.abs(body.y - goal.y)).toBeLessThanOrEqual(ARRIVE_PX);
  });
});
