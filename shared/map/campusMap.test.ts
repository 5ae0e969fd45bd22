import campus from "../../maps/campus.json";
import office from "../../maps/office.json";
import { findPath } from "./findPath";
import { parseMap } from "./parseMap";
import { walkBudget, walkPath } from "./testWalk";

// The crowd-sized map (scripts/generate-campus.ts): eight copies of the office joined by doors.
const map = parseMap(campus);
const one = parseMap(office);

test("the campus is the office on a 2 × 4 grid, every desk id unique", () => {
  expect([map.width, map.height]).toEqual([one.width * 2, one.height * 4]);
  expect(map.spawns.length).toBe(one.spawns.length * 8);
  expect(map.desks.length).toBe(one.desks.length * 8);
  expect(new Set(map.desks.map((d) => d.id)).size).toBe(map.desks.length);
  expect(new Set(map.zones.map((z) => z.name)).size).toBe(map.zones.length);
});

test("the doors join the offices: from the first spawn one walks to a spawn in every other office", () => {
  const from = map.spawns[0];
  for (let block = 1; block < 8; block++) {
    const to = map.spawns[block * one.spawns.length];
    const path = findPath(map, from, to);
    if (!path) throw new Error(`no path to office ${block + 1}`);
    const walk = walkPath(map, from, path, walkBudget(from, path));
    expect([block, walk.stuckTicks]).toEqual([block, 0]);
    expect(Math.abs(walk.body.x - to.x) + Math.abs(walk.body.y - to.y)).toBeLessThanOrEqual(8);
  }
});
