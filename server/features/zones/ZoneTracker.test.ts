import { parseMap } from "../../../shared/map/parseMap";
import { buildTestMap, feetAt } from "../../../shared/map/testMap";
import { ZoneTracker, type TrackedMember } from "./ZoneTracker";

const map = parseMap(
  buildTestMap({
    width: 20,
    height: 12,
    zones: [
      { name: "Quiet wing", type: "quiet", x: 0, y: 0, width: 10 * 32, height: 12 * 32 },
      { name: "Room A", type: "meeting", x: 2 * 32, y: 2 * 32, width: 4 * 32, height: 4 * 32 },
    ],
  }),
);

function member(id: string, tx: number, ty: number): TrackedMember {
  return { id, ...feetAt(tx, ty), zone: "" };
}

describe("ZoneTracker", () => {
  it("names the innermost zone, follows moves, and orders arrivals", () => {
    const tracker = new ZoneTracker(map);
    const a = member("a", 3, 3);
    const b = member("b", 15, 3);
    expect(tracker.update(a)).toBe(true);
    expect(tracker.update(b)).toBe(true);
    expect(a.zone).toBe("Room A");
    expect(tracker.zoneOf("a")?.type).toBe("meeting");
    expect(b.zone).toBe("");
    expect(tracker.zoneOf("b")).toBeUndefined();

    // Standing still: no lookup, no change.
    expect(tracker.update(a)).toBe(false);
    // Moving within the same zone: no change, arrival time kept.
    const arrivedA = tracker.enteredAt("a");
    Object.assign(a, feetAt(4, 4));
    expect(tracker.update(a)).toBe(false);
    expect(tracker.enteredAt("a")).toBe(arrivedA);

    Object.assign(b, feetAt(4, 3));
    tracker.updateAll([a, b]);
    expect(b.zone).toBe("Room A");
    expect(tracker.enteredAt("b")).toBeGreaterThan(arrivedA);

    Object.assign(a, feetAt(8, 8));
    expect(tracker.update(a)).toBe(true);
    expect(a.zone).toBe("Quiet wing");

    tracker.forget("a");
    expect(tracker.zoneOf("a")).toBeUndefined();
    expect(tracker.enteredAt("a")).toBe(0);
  });
});
