import { computeGroups } from "./computeGroups";
import { diffGroups } from "./diffGroups";
import { DEFAULT_GROUPING_SETTINGS } from "./settings";
import type { ProximityPerson } from "./types";

const p = (id: string, tx: number): ProximityPerson => ({ id, x: tx * 32, y: 0, status: "available" });

describe("diffGroups", () => {
  it("lists joins, leaves and moves between groups, sorted", () => {
    const prev = { groupOf: new Map([["a", "g1"], ["b", "g1"], ["c", "g1"], ["x", "g2"], ["y", "g2"]]) };
    const next = { groupOf: new Map([["a", "g1"], ["b", "g1"], ["c", "g3"], ["d", "g3"], ["n", "g1"]]) };
    expect(diffGroups(prev, next)).toEqual({
      joined: [
        { id: "n", groupId: "g1" },
        { id: "c", groupId: "g3" },
        { id: "d", groupId: "g3" },
      ],
      left: [
        { id: "c", groupId: "g1" },
        { id: "x", groupId: "g2" },
        { id: "y", groupId: "g2" },
      ],
      changedGroups: ["g1", "g2", "g3"],
    });
  });

  it("reports nothing when membership is unchanged, and everything from no previous", () => {
    const r = computeGroups({ people: [p("a", 0), p("b", 1)] }, null, DEFAULT_GROUPING_SETTINGS);
    expect(diffGroups(r, r)).toEqual({ joined: [], left: [], changedGroups: [] });
    expect(diffGroups(null, r)).toEqual({
      joined: [
        { id: "a", groupId: "g1" },
        { id: "b", groupId: "g1" },
      ],
      left: [],
      changedGroups: ["g1"],
    });
  });

  it("follows real computeGroups results: a newcomer joins, then someone walks off", () => {
    const s = DEFAULT_GROUPING_SETTINGS;
    const r1 = computeGroups({ people: [p("a", 0), p("b", 1)] }, null, s);
    const r2 = computeGroups({ people: [p("a", 0), p("b", 1), p("c", 2)] }, r1, s);
    expect(diffGroups(r1, r2)).toEqual({ joined: [{ id: "c", groupId: "g1" }], left: [], changedGroups: ["g1"] });
    const r3 = computeGroups({ people: [p("a", 0), p("b", 1), p("c", 20)] }, r2, s);
    expect(diffGroups(r2, r3)).toEqual({ joined: [], left: [{ id: "c", groupId: "g1" }], changedGroups: ["g1"] });
  });
});
