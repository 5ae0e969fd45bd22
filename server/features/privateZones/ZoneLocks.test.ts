import { parseMap } from "../../../shared/map/parseMap";
import { buildTestMap, feetAt } from "../../../shared/map/testMap";
import { ADMISSION_GRACE_MS, ZoneLocks } from "./ZoneLocks";

// A private office drawn as an L-shaped polygon (tiles 2–8 × 2–8 minus the top-right quarter).
const map = parseMap(
  buildTestMap({
    width: 12,
    height: 12,
    zones: [
      {
        name: "Office",
        type: "private",
        polygon: [
          { x: 64, y: 64 },
          { x: 160, y: 64 },
          { x: 160, y: 160 },
          { x: 256, y: 160 },
          { x: 256, y: 256 },
          { x: 64, y: 256 },
        ],
      },
    ],
  }),
);
const office = map.zones[0];

describe("ZoneLocks", () => {
  it("keeps out everyone not inside when locked, following the polygon's outline", () => {
    let now = 0;
    const locks = new ZoneLocks(map, () => now);
    const inside = { id: "in", ...feetAt(3, 3) };
    locks.lock(office, "in", ["in"]);
    expect(locks.blocked("out", feetAt(3, 3).x, feetAt(3, 3).y)).toBe(true);
    // The cut-out corner of the L is not part of the zone.
    expect(locks.blocked("out", feetAt(6, 3).x, feetAt(6, 3).y)).toBe(false);
    expect(locks.blocked("out", feetAt(7, 6).x, feetAt(7, 6).y)).toBe(true);
    expect(locks.blocked("in", feetAt(7, 6).x, feetAt(7, 6).y)).toBe(false);

    // Let in: allowed to enter within the grace, then counted as inside.
    locks.admit(office.id, "guest");
    expect(locks.blocked("guest", feetAt(3, 3).x, feetAt(3, 3).y)).toBe(false);
    now += ADMISSION_GRACE_MS + 1;
    locks.sweep([inside, { id: "guest", ...feetAt(10, 10) }]);
    expect(locks.isAdmitted(office.id, "guest")).toBe(false);
  });

  it("ends an admission when its holder walks out, and lifts the lock when nobody is inside", () => {
    const locks = new ZoneLocks(map);
    locks.lock(office, "a", ["a", "b"]);
    expect(locks.sweep([{ id: "a", ...feetAt(3, 3) }, { id: "b", ...feetAt(10, 10) }])).toBe(false);
    expect(locks.isAdmitted(office.id, "b")).toBe(false);
    expect(locks.insiders(office.id, [{ id: "a", ...feetAt(3, 3) }])).toEqual(["a"]);
    expect(locks.sweep([{ id: "a", ...feetAt(10, 10) }])).toBe(true);
    expect(locks.isLocked(office.id)).toBe(false);
    expect(locks.list()).toEqual([]);
  });
});
