import type { WallGrid } from "../map/lineOfSight";
import { computeGroups } from "./computeGroups";
import { GroupingScratch } from "./scratch";
import { DEFAULT_GROUPING_SETTINGS, resolveGroupingSettings } from "./settings";
import type { ConversationZoneKey, GroupingInput, GroupingResult, PresenceStatus, PreviousGrouping, ProximityPerson } from "./types";

const T = 32;
const S = DEFAULT_GROUPING_SETTINGS;

/** A person with feet at (tx, ty) tiles, in pixels. */
function at(id: string, tx: number, ty: number, status: PresenceStatus = "available", zone: ConversationZoneKey = null): ProximityPerson {
  return { id, x: tx * T, y: ty * T, status, zone };
}

function run(people: ProximityPerson[], previous: PreviousGrouping | null = null, extra: Partial<GroupingInput> = {}, settings = S) {
  return computeGroups({ people, ...extra }, previous, settings);
}

/** Groups as sorted member lists, ids left out. */
function partition(r: GroupingResult): string[][] {
  return [...r.groups.values()].map((m) => [...m]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe("computeGroups: forming", () => {
  it("forms within 3 tiles, including exactly 3, and not at 3.1", () => {
    expect(partition(run([at("a", 0, 0), at("b", 2, 0)]))).toEqual([["a", "b"]]);
    expect(partition(run([at("a", 0, 0), at("b", 3, 0)]))).toEqual([["a", "b"]]);
    expect(partition(run([at("a", 0, 0), at("b", 3.1, 0)]))).toEqual([]);
    // Diagonal distance counts: 2.2 tiles on each axis is 3.11 tiles apart.
    expect(partition(run([at("a", 0, 0), at("b", 2.2, 2.2)]))).toEqual([]);
    expect(partition(run([at("a", 0, 0), at("b", 2.1, 2.1)]))).toEqual([["a", "b"]]);
  });

  it("makes no group of one", () => {
    const r = run([at("a", 0, 0)]);
    expect(r.groups.size).toBe(0);
    expect(r.groupOf.size).toBe(0);
  });

  it("joins people transitively: a near b, b near c is one group", () => {
    const r = run([at("a", 0, 0), at("b", 2.5, 0), at("c", 5, 0), at("far", 20, 0)]);
    expect(partition(r)).toEqual([["a", "b", "c"]]);
    expect(r.groupOf.get("far")).toBeUndefined();
  });

  it("keeps separate clusters apart", () => {
    const r = run([at("a", 0, 0), at("b", 1, 0), at("c", 10, 10), at("d", 11, 10)]);
    expect(partition(r)).toEqual([["a", "b"], ["c", "d"]]);
    expect(new Set(r.groups.keys()).size).toBe(2);
  });

  it("scales radii with the map's tile size", () => {
    // 3 tiles of 16 px = 48 px: 40 px apart forms, 50 px does not.
    expect(partition(run([{ ...at("a", 0, 0) }, { ...at("b", 0, 0), x: 40 }], null, { tileSize: 16 }))).toEqual([["a", "b"]]);
    expect(partition(run([{ ...at("a", 0, 0) }, { ...at("b", 0, 0), x: 50 }], null, { tileSize: 16 }))).toEqual([]);
  });
});

describe("computeGroups: hysteresis", () => {
  it("keeps a pair together at 4 tiles and separates it at 4.6", () => {
    const first = run([at("a", 0, 0), at("b", 2, 0)]);
    const [id] = first.groups.keys();
    const apart4 = run([at("a", 0, 0), at("b", 4, 0)], first);
    expect([...apart4.groups.entries()]).toEqual([[id, ["a", "b"]]]);
    const apart45 = run([at("a", 0, 0), at("b", 4.5, 0)], apart4);
    expect(apart45.groupOf.get("b")).toBe(id);
    const apart46 = run([at("a", 0, 0), at("b", 4.6, 0)], apart45);
    expect(apart46.groups.size).toBe(0);
    // Without a previous group, 4 tiles is too far to start talking.
    expect(run([at("a", 0, 0), at("b", 4, 0)]).groups.size).toBe(0);
  });

  it("keeps a member while near any one other member, through a chain", () => {
    const first = run([at("a", 0, 0), at("b", 2, 0), at("c", 4, 0)]);
    // Stretch to 4 tiles per link: a and c are 8 tiles apart, joined through b.
    const stretched = run([at("a", 0, 0), at("b", 4, 0), at("c", 8, 0)], first);
    expect(partition(stretched)).toEqual([["a", "b", "c"]]);
    expect([...stretched.groups.keys()]).toEqual([...first.groups.keys()]);
  });

  it("lets a member leave when beyond the leave radius of every other member", () => {
    const first = run([at("a", 0, 0), at("b", 2, 0), at("c", 2, 2)]);
    const [id] = first.groups.keys();
    const r = run([at("a", 0, 0), at("b", 2, 0), at("c", 2, 4.6)], first);
    expect([...r.groups.entries()]).toEqual([[id, ["a", "b"]]]);
  });

  it("does not keep two people together who were in different groups", () => {
    const first = run([at("a", 0, 0), at("b", 1, 0), at("c", 10, 0), at("d", 11, 0)]);
    // b and c come to 4 tiles: within leave, outside form radius; they were never together.
    const r = run([at("a", 0, 0), at("b", 1, 0), at("c", 5, 0), at("d", 6, 0)], first);
    expect(partition(r)).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("splits a group pulled apart; the larger part keeps the id", () => {
    const first = run([at("a", 0, 0), at("b", 1, 0), at("c", 2, 0), at("d", 3, 0), at("e", 4, 0)]);
    const [id] = first.groups.keys();
    const r = run([at("a", 0, 0), at("b", 1, 0), at("c", 20, 0), at("d", 21, 0), at("e", 22, 0)], first);
    expect(r.groups.get(id)).toEqual(["c", "d", "e"]);
    const other = r.groupOf.get("a")!;
    expect(other).not.toBe(id);
    expect(r.groups.get(other)).toEqual(["a", "b"]);
  });

  it("on an even split gives the id to the part with the smallest member id", () => {
    const first = run([at("d", 0, 0), at("c", 1, 0), at("b", 2, 0), at("a", 3, 0)]);
    const [id] = first.groups.keys();
    const r = run([at("d", 0, 0), at("c", 1, 0), at("b", 20, 0), at("a", 21, 0)], first);
    expect(r.groups.get(id)).toEqual(["a", "b"]);
  });
});

describe("computeGroups: walls and zones", () => {
  // 20 × 10 tiles; a wall down column 10 with a door at row 5.
  const walls = new Uint8Array(20 * 10);
  for (let y = 0; y < 10; y++) if (y !== 5) walls[y * 20 + 10] = 1;
  const map: WallGrid = { width: 20, height: 10, tileSize: T, walls };
  /** Feet low in tile (col, row), so the ear point is in the same tile. */
  const inTile = (id: string, col: number, row: number, status: PresenceStatus = "available"): ProximityPerson => ({
    id,
    x: col * T + 16,
    y: row * T + 26,
    status,
  });

  it("a wall between two people stops a conversation forming", () => {
    expect(run([inTile("a", 9, 2), inTile("b", 11, 2)], null, { map }).groups.size).toBe(0);
    // The same distance without the map's walls forms.
    expect(run([inTile("a", 9, 2), inTile("b", 11, 2)]).groups.size).toBe(1);
  });

  it("an open doorway lets them talk", () => {
    expect(partition(run([inTile("a", 9, 5), inTile("b", 11, 5)], null, { map }))).toEqual([["a", "b"]]);
  });

  it("a wall coming between members ends the conversation even within the leave radius", () => {
    const first = run([inTile("a", 9, 5), inTile("b", 11, 5)], null, { map });
    expect(first.groups.size).toBe(1);
    // b steps one tile down: 2.2 tiles away, but the line now crosses the wall at (10, 6).
    const r = run([inTile("a", 9, 5), inTile("b", 11, 6)], first, { map });
    expect(r.groups.size).toBe(0);
  });

  it("a wall between two members does not break a group joined around it", () => {
    const first = run([inTile("a", 9, 4), inTile("b", 10, 5), inTile("c", 11, 4)], null, { map });
    // a and c cannot see each other, but both see b standing in the doorway.
    expect(partition(first)).toEqual([["a", "b", "c"]]);
  });

  it("people in different zones never connect, even side by side", () => {
    expect(run([at("a", 0, 0, "available", 7), at("b", 1, 0, "available", null)]).groups.size).toBe(0);
    expect(run([at("a", 0, 0, "available", 7), at("b", 1, 0, "available", 8)]).groups.size).toBe(0);
    expect(partition(run([at("a", 0, 0, "available", 7), at("b", 1, 0, "available", 7)]))).toEqual([["a", "b"]]);
    // Keys compare with ===: the string "7" is a different zone from the number 7.
    expect(run([at("a", 0, 0, "available", 7), at("b", 1, 0, "available", "7")]).groups.size).toBe(0);
  });

  it("stepping into a meeting room leaves the conversation outside", () => {
    const first = run([at("a", 0, 0), at("b", 1, 0)]);
    const r = run([at("a", 0, 0), at("b", 1, 0, "available", "meeting-1")], first);
    expect(r.groups.size).toBe(0);
  });
});

describe("computeGroups: statuses", () => {
  it("leaves focus and away people out entirely", () => {
    const r = run([at("a", 0, 0), at("b", 1, 0), at("f", 0.5, 0.5, "focus"), at("w", 1, 1, "away")]);
    expect(partition(r)).toEqual([["a", "b"]]);
    expect(r.groupOf.has("f")).toBe(false);
    expect(r.groupOf.has("w")).toBe(false);
    expect(run([at("f", 0, 0, "focus"), at("g", 1, 0, "focus")]).groups.size).toBe(0);
  });

  it("a member who switches to focus or away leaves at once", () => {
    const first = run([at("a", 0, 0), at("b", 1, 0), at("c", 2, 0)]);
    const r = run([at("a", 0, 0), at("b", 1, 0, "focus"), at("c", 2, 0, "away")], first);
    expect(r.groups.size).toBe(0);
  });

  it("does not bridge a chain through a focus person", () => {
    expect(partition(run([at("a", 0, 0), at("f", 2.5, 0, "focus"), at("c", 5, 0)]))).toEqual([]);
    expect(partition(run([at("a", 0, 0), at("f", 2.5, 0), at("c", 5, 0)]))).toEqual([["a", "c", "f"]]);
  });

  describe("busy", () => {
    it("no conversation forms with a busy person", () => {
      expect(run([at("a", 0, 0), at("b", 1, 0, "busy")]).groups.size).toBe(0);
      expect(run([at("a", 0, 0, "busy"), at("b", 1, 0, "busy")]).groups.size).toBe(0);
    });

    it("a member who turns busy stays in their group (with hysteresis)", () => {
      const first = run([at("a", 0, 0), at("b", 1, 0)]);
      const [id] = first.groups.keys();
      const r = run([at("a", 0, 0), at("b", 4, 0, "busy")], first);
      expect([...r.groups.entries()]).toEqual([[id, ["a", "b"]]]);
      // An all-busy group also holds together while close.
      const bothBusy = run([at("a", 0, 0, "busy"), at("b", 4, 0, "busy")], r);
      expect(bothBusy.groups.get(id)).toEqual(["a", "b"]);
    });

    it("nobody joins a group by standing next to its busy member", () => {
      const first = run([at("a", 0, 0), at("b", 2, 0)]);
      const [id] = first.groups.keys();
      // c is 2 tiles from busy b and 4 tiles from available a.
      const r = run([at("a", 0, 0), at("b", 2, 0, "busy"), at("c", 4, 0)], first);
      expect([...r.groups.entries()]).toEqual([[id, ["a", "b"]]]);
      expect(r.refused).toEqual([]);
    });

    it("a newcomer still joins through an available member of a group with a busy member", () => {
      const first = run([at("a", 0, 0), at("b", 2, 0)]);
      const [id] = first.groups.keys();
      const r = run([at("a", 0, 0), at("b", 2, 0, "busy"), at("c", -2, 0)], first);
      expect([...r.groups.entries()]).toEqual([[id, ["a", "b", "c"]]]);
    });

    it("a busy person who left cannot rejoin until available", () => {
      const first = run([at("a", 0, 0), at("b", 1, 0)]);
      const gone = run([at("a", 0, 0), at("b", 10, 0, "busy")], first);
      expect(gone.groups.size).toBe(0);
      const back = run([at("a", 0, 0), at("b", 1, 0, "busy")], gone);
      expect(back.groups.size).toBe(0);
      expect(partition(run([at("a", 0, 0), at("b", 1, 0)], back))).toEqual([["a", "b"]]);
    });

    it("busy members do not merge two groups", () => {
      const first = run([at("a", 0, 0), at("b", 2, 0), at("c", 20, 0), at("d", 22, 0)]);
      const r = run([at("a", 0, 0), at("b", 2, 0, "busy"), at("c", 3, 0, "busy"), at("d", 5, 0)], first);
      expect(partition(r)).toEqual([["a", "b"], ["c", "d"]]);
    });
  });
});

describe("computeGroups: group size cap", () => {
  const six = ["a", "b", "c", "d", "e", "f"].map((id, k) => at(id, k * 0.5, 0));

  it("refuses a newcomer to a full group and keeps every existing member", () => {
    const first = run(six);
    const [id] = first.groups.keys();
    expect(first.groups.get(id)).toHaveLength(6);
    // The newcomer stands right next to a member, closer than members are to each other.
    const r = run([...six, at("new", 1.6, 0.2)], first);
    expect([...r.groups.entries()]).toEqual([[id, ["a", "b", "c", "d", "e", "f"]]]);
    expect(r.refused).toEqual([{ id: "new", groupId: id }]);
  });

  it("two newcomers beside a full group talk to each other instead, unrefused", () => {
    const first = run(six);
    const r = run([...six, at("x", 3, 1), at("y", 3.5, 1.5)], first);
    expect(partition(r)).toEqual([["a", "b", "c", "d", "e", "f"], ["x", "y"]]);
    expect(r.refused).toEqual([]);
  });

  it("a crowd forming at once fills a group closest-first and refuses the rest", () => {
    // Seven people in a row 1 tile apart; a cap of 6 fills from the closest pairs,
    // ties by ids, so "g" (the last) is refused.
    const row = ["a", "b", "c", "d", "e", "f", "g"].map((id, k) => at(id, k, 0));
    const r = run(row);
    expect(partition(r)).toEqual([["a", "b", "c", "d", "e", "f"]]);
    expect(r.refused).toEqual([{ id: "g", groupId: r.groupOf.get("a") }]);
  });

  it("merges two groups that fit together and keeps the larger one's id", () => {
    const first = run([at("a", 0, 0), at("b", 1, 0), at("c", 2, 0), at("x", 20, 0), at("y", 21, 0)]);
    const big = first.groupOf.get("a")!;
    const r = run([at("a", 0, 0), at("b", 1, 0), at("c", 2, 0), at("x", 4, 0), at("y", 5, 0)], first);
    expect([...r.groups.entries()]).toEqual([[big, ["a", "b", "c", "x", "y"]]]);
  });

  it("keeps two groups apart when together they would exceed the cap", () => {
    const first = run([...six.slice(0, 4), at("x", 20, 0), at("y", 21, 0), at("z", 22, 0)]);
    const r = run([...six.slice(0, 4), at("x", 3, 0), at("y", 4, 0), at("z", 5, 0)], first);
    expect(partition(r)).toEqual([["a", "b", "c", "d"], ["x", "y", "z"]]);
    expect([...r.groups.keys()]).toEqual([...first.groups.keys()]);
    expect(r.refused).toEqual([]);
  });

  it("trims a group that is larger than a lowered cap", () => {
    const first = run(six);
    const r = run(six, first, {}, resolveGroupingSettings({ maxGroupSize: 4 }));
    for (const members of r.groups.values()) expect(members.length).toBeLessThanOrEqual(4);
    expect([...r.groups.values()].flat().length).toBe(6);
  });
});

describe("computeGroups: ids and determinism", () => {
  it("keeps a group's id while it continues, and gives new groups new ids", () => {
    const r1 = run([at("a", 0, 0), at("b", 1, 0)]);
    expect([...r1.groups.keys()]).toEqual(["g1"]);
    const r2 = run([at("a", 0.2, 0), at("b", 1.3, 0), at("c", 2, 0), at("x", 20, 0), at("y", 21, 0)], r1);
    expect(r2.groups.get("g1")).toEqual(["a", "b", "c"]);
    expect(r2.groups.get("g2")).toEqual(["x", "y"]);
    // g1 dissolves; a later new group never reuses an id.
    const r3 = run([at("a", 0, 0), at("b", 10, 0), at("x", 20, 0), at("y", 21, 0)], r2);
    expect([...r3.groups.keys()]).toEqual(["g2"]);
    const r4 = run([at("a", 0, 0), at("b", 1, 0), at("x", 20, 0), at("y", 21, 0)], r3);
    expect([...r4.groups.keys()]).toEqual(["g2", "g3"]);
    expect(r4.nextGroupSeq).toBe(4);
  });

  it("returns the same result whatever the input order, and with a reused scratch", () => {
    const people = [
      at("a", 0, 0), at("b", 1, 0), at("c", 2, 0), at("d", 3, 0), at("e", 4, 0), at("f", 5, 0), at("g", 6, 0),
      at("h", 6.5, 0.5), at("p", 20, 20), at("q", 21, 20, "busy"), at("r", 22, 21),
    ];
    const expected = run(people);
    const scratch = new GroupingScratch();
    let seed = 3;
    for (let k = 0; k < 10; k++) {
      const shuffled = [...people];
      for (let i = shuffled.length - 1; i > 0; i--) {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        const j = seed % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      const got = computeGroups({ people: shuffled }, null, S, scratch);
      expect([...got.groups.entries()]).toEqual([...expected.groups.entries()]);
      expect([...got.groupOf.entries()].sort()).toEqual([...expected.groupOf.entries()].sort());
      expect(got.refused).toEqual(expected.refused);
    }
  });

  it("lists groups by id and members sorted", () => {
    const r = run([at("zed", 0, 0), at("amy", 1, 0), at("kim", 0, 1), at("bo", 30, 0), at("al", 31, 0)]);
    for (const members of r.groups.values()) expect([...members]).toEqual([...members].sort());
    const ids = [...r.groups.keys()];
    expect(ids).toEqual([...ids].sort());
    // New ids are handed out in order of each group's smallest member id.
    expect(r.groups.get("g1")).toEqual(["al", "bo"]);
    expect(r.groups.get("g2")).toEqual(["amy", "kim", "zed"]);
  });
});

describe("computeGroups: bad input", () => {
  it("rejects malformed people with a clear error", () => {
    expect(() => run([{ ...at("a", 0, 0), x: NaN }])).toThrow(/people\[0\].*finite x and y/);
    expect(() => run([at("a", 0, 0), at("a", 1, 0)])).toThrow(/"a" appears more than once/);
    expect(() => run([{ ...at("a", 0, 0), status: "sleeping" as PresenceStatus }])).toThrow(/unknown status "sleeping"/);
    expect(() => run([{ ...at("", 0, 0) }])).toThrow(/id must be a non-empty string/);
    expect(() => run([{ ...at("a", 0, 0), zone: {} as unknown as string }])).toThrow(/zone must be/);
    expect(() => run([{ ...at("a", 0, 0), x: 1e12 }])).toThrow(/within/);
    expect(() => computeGroups({ people: null as unknown as ProximityPerson[] }, null, S)).toThrow(/must be an array/);
  });

  it("rejects bad settings", () => {
    expect(() => run([], null, {}, { ...S, maxGroupSize: 1 })).toThrow(/maxGroupSize/);
    expect(() => run([], null, {}, { ...S, leaveRadiusTiles: 2 })).toThrow(/leaveRadiusTiles/);
    expect(() => run([], null, {}, { ...S, formRadiusTiles: -1 })).toThrow(/formRadiusTiles/);
    expect(() => run([], { groupOf: new Map(), nextGroupSeq: 0 })).toThrow(/nextGroupSeq/);
  });
});
