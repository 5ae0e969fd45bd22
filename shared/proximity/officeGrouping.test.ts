import { parseMap } from "../map/parseMap";
import { buildTestMap, feetAt } from "../map/testMap";
import { zoneAt } from "../map/zones";
import type { OfficeMap } from "../map/types";
import { stepMovement, type Body } from "../rules/movement";
import { computeGroups } from "./computeGroups";
import { DEFAULT_GROUPING_SETTINGS } from "./settings";
import type { ProximityPerson } from "./types";
import { conversationZoneKey } from "./zoneKey";

/**
 * Grouping on a real parsed map, with zones from the map's own zone lookup and
 * positions reached by the real movement rule: the wiring the room will use.
 */
const map: OfficeMap = parseMap(
  buildTestMap({
    width: 16,
    height: 10,
    rows: [
      "................",
      "..#######.......",
      "..#.....#.......",
      "..#.....#.......",
      "..#.....#.......",
      "..#.....#.......",
      "..###.###.......",
      "................",
    ],
    zones: [{ name: "Room", type: "meeting", x: 3 * 32, y: 2 * 32, width: 5 * 32, height: 4 * 32 }],
  }),
);

function person(id: string, x: number, y: number): ProximityPerson {
  return { id, x, y, status: "available", zone: conversationZoneKey(zoneAt(map, x, y)) };
}

function at(id: string, tx: number, ty: number): ProximityPerson {
  const p = feetAt(tx, ty);
  return person(id, p.x, p.y);
}

/** Walk from tile (tx, ty) in direction (dx, dy) until movement stops against something. */
function walkIntoWall(id: string, tx: number, ty: number, dx: -1 | 0 | 1, dy: -1 | 0 | 1): ProximityPerson {
  let body: Body = { ...feetAt(tx, ty), facing: "down", moving: false };
  for (let k = 0; k < 20; k++) body = stepMovement(map, body, { dx, dy });
  return person(id, body.x, body.y);
}

const group = (people: ProximityPerson[]) =>
  [...computeGroups({ people, map }, null, DEFAULT_GROUPING_SETTINGS).groups.values()].map((m) => [...m]);

describe("grouping on a parsed office map", () => {
  it("people inside the meeting room talk; the room's zone comes from the map", () => {
    expect(at("a", 4, 3).zone).toBe(map.zones[0]!.id);
    expect(group([at("a", 4, 3), at("b", 6, 4)])).toEqual([["a", "b"]]);
  });

  it("the open door joins no one across the room boundary", () => {
    // Inside just above the door, and outside just below it: 2 tiles apart, in sight.
    const inside = at("in", 5, 5);
    const outside = at("out", 5, 7);
    expect(inside.zone).not.toBeNull();
    expect(outside.zone).toBeNull();
    expect(group([inside, outside])).toEqual([]);
    // Outside, on either side of the door, people talk as usual.
    expect(group([at("o1", 4, 7), at("o2", 6, 7)])).toEqual([["o1", "o2"]]);
  });

  it("a wall separates people standing flush against its two faces", () => {
    // One walks up against the room's top wall from inside, the other down against it from outside.
    const inside = walkIntoWall("in", 4, 3, 0, -1);
    const outside = walkIntoWall("out", 4, 0, 0, 1);
    expect(Math.abs(inside.y - outside.y)).toBeLessThanOrEqual(3 * 32);
    expect(group([{ ...inside, zone: null }, outside])).toEqual([]);
  });

  it("two people flush against the same face of a wall still talk", () => {
    // Feet on the wall's top edge: the ear point above them keeps the wall out of the line.
    const a = walkIntoWall("a", 3, 0, 0, 1);
    const b = walkIntoWall("b", 5, 0, 0, 1);
    expect(a.y % 32).toBe(0);
    expect(group([a, b])).toEqual([["a", "b"]]);
  });
});
