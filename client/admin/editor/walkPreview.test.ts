import { applyEdits, readEdits } from "../../../shared/map/mapEdits";
import { importMap } from "../../../shared/map/parseMap";
import { buildTestMap, feetAt } from "../../../shared/map/testMap";
import { describePlace, placeAt, startOf, step } from "./walkPreview";

// 6x4: a wall at (3,1); the spawn at (1,1); a meeting room over tiles (0..1, 2..3) and a focus desk at (4,2).
const tiled = importMap(
  buildTestMap({
    width: 6,
    height: 4,
    rows: ["", "...#"],
    spawns: [feetAt(1, 1)],
    zones: [{ name: "Huddle", type: "meeting", x: 0, y: 64, width: 64, height: 64 }],
    desks: [{ id: "d1", kind: "focus", x: feetAt(4, 2).x, y: feetAt(4, 2).y, facing: "up" }],
  }),
).tiled;
const mapOf = (painted?: number[]) => importMap(applyEdits(tiled, { ...readEdits(tiled), ...(painted ? { painted } : {}) })).map;

describe("walking through the edited map", () => {
  it("starts at the first spawn and steps a tile at a time, stopped by walls and the map's edge", () => {
    const map = mapOf();
    const start = startOf(map)!;
    expect(start).toEqual(feetAt(1, 1));
    expect(step(map, start, 1, 0)).toEqual({ at: feetAt(2, 1), blocked: null });
    expect(step(map, feetAt(2, 1), 1, 0)).toEqual({ at: feetAt(2, 1), blocked: "a blocked tile" });
    expect(step(map, feetAt(1, 0), 0, -1)).toEqual({ at: feetAt(1, 0), blocked: "the edge of the map" });
  });

  it("is stopped by tiles painted blocked in the editor, and walks where they were cleared", () => {
    const painted = mapOf([1 * 6 + 2]);
    expect(step(painted, feetAt(1, 1), 1, 0).blocked).toBe("a blocked tile");
    expect(placeAt(painted, feetAt(2, 1)).blocked).toBe("a blocked tile");
    expect(step(mapOf([]), feetAt(1, 1), 1, 0).blocked).toBeNull();
  });

  it("says which zone and desk a person would be in", () => {
    const map = mapOf();
    expect(describePlace(map, feetAt(1, 1))).toMatch(/^On the open floor/);
    expect(describePlace(map, feetAt(0, 2))).toBe("In “Huddle”, a meeting room: everyone inside talks together");
    expect(describePlace(map, feetAt(4, 2))).toMatch(/at a focus desk$/);
  });
});
