import { resolveGroupingSettings } from "./settings";
import { GroupingScratch } from "./scratch";
import { planConversations, pinGroupId, zoneGroupId, type ConversationPlan, type PolicyPerson } from "./zonePolicy";

const T = 32;
const settings = resolveGroupingSettings({ formRadiusTiles: 3, leaveRadiusTiles: 4.5, maxGroupSize: 3 });
const meeting = { id: 7, type: "meeting" as const };
const quiet = { id: 8, type: "quiet" as const };
const privateRoom = { id: 9, type: "private" as const };
const stage = { id: 10, type: "stage" as const };

function person(id: string, tx: number, ty: number, extra: Partial<PolicyPerson> = {}): PolicyPerson {
  return { id, x: tx * T, y: ty * T, status: "available", zone: null, ...extra };
}

function plain(plan: ConversationPlan) {
  return { groups: Object.fromEntries(plan.groups), refused: plan.refused };
}

describe("planConversations", () => {
  it("groups everyone inside a meeting room regardless of distance", () => {
    const plan = planConversations(
      { people: [person("a", 1, 1, { zone: meeting }), person("b", 20, 15, { zone: meeting }), person("c", 40, 40)] },
      null,
      settings,
    );
    expect(plain(plan)).toEqual({ groups: { [zoneGroupId(7)]: ["a", "b"] }, refused: [] });
    expect(plan.groupOf.get("c")).toBeUndefined();
  });

  it("separates inside from outside at a meeting room's edge", () => {
    const plan = planConversations({ people: [person("in", 5, 5, { zone: meeting }), person("out", 6, 5)] }, null, settings);
    expect(plan.groups.size).toBe(0);
  });

  it("caps a meeting room: the latest arrivals are refused with the room's conversation", () => {
    const people = ["a", "b", "c", "d"].map((id, i) => person(id, i * 10, 0, { zone: meeting, enteredZoneAt: 10 - i }));
    const plan = planConversations({ people }, null, settings);
    // d arrived first (enteredZoneAt 7), a last (10).
    expect(plain(plan)).toEqual({
      groups: { "zone-7": ["b", "c", "d"] },
      refused: [{ id: "a", groupId: "zone-7", reason: "zone-full" }],
    });
  });

  it("keeps the people already in a full meeting in it when an earlier arrival reappears", () => {
    const first = planConversations(
      { people: ["b", "c", "d"].map((id) => person(id, 0, 0, { zone: meeting, enteredZoneAt: 5 })) },
      null,
      settings,
    );
    const next = planConversations(
      {
        people: [
          ...["b", "c", "d"].map((id) => person(id, 0, 0, { zone: meeting, enteredZoneAt: 5 })),
          person("a", 3, 3, { zone: meeting, enteredZoneAt: 1 }),
        ],
      },
      first,
      settings,
    );
    expect(next.groups.get("zone-7")).toEqual(["b", "c", "d"]);
    expect(next.refused).toEqual([{ id: "a", groupId: "zone-7", reason: "zone-full" }]);
  });

  it("a meeting cap (a media server carries the room) admits more to meeting rooms only; a private room and proximity keep the cap", () => {
    const people = [
      ...["a", "b", "c", "d", "e"].map((id, i) => person(id, i, 0, { zone: meeting, enteredZoneAt: i })),
      ...["p", "q", "r", "s"].map((id, i) => person(id, i, 20, { zone: privateRoom, enteredZoneAt: i })),
      ...["w", "x", "y", "z"].map((id, i) => person(id, 30 + i * 0.5, 30)),
    ];
    const plan = planConversations({ people, meetingCap: 4 }, null, settings);
    expect(plan.groups.get("zone-7")).toEqual(["a", "b", "c", "d"]);
    expect(plan.groups.get("zone-9")).toEqual(["p", "q", "r"]);
    expect([...plan.groups.values()].find((g) => g.includes("w"))).toHaveLength(3);
    expect(plan.refused.map((r) => [r.id, r.reason])).toEqual([["e", "zone-full"], ["s", "zone-full"], ["z", "group-full"]]);
  });

  it("an open-floor cap (a media server may carry the open floor) lets proximity and open-floor pins grow past the cap; zones keep theirs", () => {
    const people = [
      ...["p", "q", "r", "s"].map((id, i) => person(id, i, 20, { zone: privateRoom, enteredZoneAt: i })),
      ...["v", "w", "x", "y", "z"].map((id, i) => person(id, 30 + i * 0.5, 30)),
      person("k", 60, 60),
    ];
    const plan = planConversations({ people, openFloorCap: 6, pins: [{ key: "knock", ids: ["k", "v"] }] }, null, settings);
    expect(plan.groups.get("zone-9")).toEqual(["p", "q", "r"]);
    // Five by proximity (past the cap of 3), and a knock brings a sixth in from across the map.
    expect([...plan.groups.values()].find((g) => g.includes("v"))).toEqual(["k", "v", "w", "x", "y", "z"]);
    expect(plan.refused.map((r) => [r.id, r.reason])).toEqual([["s", "zone-full"]]);
  });

  it("groups nobody in a quiet zone, however close", () => {
    const plan = planConversations(
      { people: [person("a", 1, 1, { zone: quiet }), person("b", 1, 2, { zone: quiet })] },
      null,
      settings,
    );
    expect(plain(plan)).toEqual({ groups: {}, refused: [] });
  });

  it("lets only the people inside a private zone hear each other", () => {
    const plan = planConversations(
      {
        people: [
          person("a", 1, 1, { zone: privateRoom }),
          person("b", 12, 1, { zone: privateRoom }),
          person("c", 1, 2),
          person("d", 2, 2),
        ],
      },
      null,
      settings,
    );
    expect(plain(plan).groups).toEqual({ "zone-9": ["a", "b"], g1: ["c", "d"] });
  });

  it("treats a stage like a meeting room for now", () => {
    const plan = planConversations(
      { people: [person("a", 1, 1, { zone: stage }), person("b", 30, 1, { zone: stage })] },
      null,
      settings,
    );
    expect(plain(plan).groups).toEqual({ "zone-10": ["a", "b"] });
  });

  it("leaves focus and away people out of zone conversations", () => {
    const plan = planConversations(
      {
        people: [
          person("a", 1, 1, { zone: meeting }),
          person("b", 2, 1, { zone: meeting, status: "focus" }),
          person("c", 3, 1, { zone: meeting, status: "away" }),
        ],
      },
      null,
      settings,
    );
    expect(plan.groups.size).toBe(0);
  });

  it("honours a pin between people far apart, keeping its id stable", () => {
    const people = [person("a", 0, 0), person("b", 50, 50)];
    const first = planConversations({ people, pins: [{ key: "knock1", ids: ["a", "b"] }] }, null, settings);
    expect(plain(first).groups).toEqual({ [pinGroupId("knock1")]: ["a", "b"] });
    const again = planConversations({ people, pins: [{ key: "knock1", ids: ["a", "b"] }] }, first, settings);
    expect(plain(again).groups).toEqual({ "pin-knock1": ["a", "b"] });
    const unpinned = planConversations({ people }, again, settings);
    expect(unpinned.groups.size).toBe(0);
  });

  it("joins a pinned outsider to the meeting the other side is in", () => {
    const plan = planConversations(
      {
        people: [person("a", 1, 1, { zone: meeting }), person("b", 9, 9, { zone: meeting }), person("k", 30, 30)],
        pins: [{ key: "k", ids: ["k", "a"] }],
      },
      null,
      settings,
    );
    expect(plain(plan).groups).toEqual({ "zone-7": ["a", "b", "k"] });
  });

  it("refuses pinned people past the cap and merges pins that share someone", () => {
    const inRoom = ["a", "b", "c"].map((id) => person(id, 1, 1, { zone: meeting }));
    const plan = planConversations(
      { people: [...inRoom, person("x", 30, 30), person("y", 40, 40)], pins: [{ key: "p1", ids: ["x", "a"] }] },
      null,
      settings,
    );
    expect(plan.groups.get("zone-7")).toEqual(["a", "b", "c"]);
    expect(plan.refused).toEqual([{ id: "x", groupId: "zone-7", reason: "pin-full" }]);

    const merged = planConversations(
      { people: [person("x", 0, 0), person("y", 40, 40), person("z", 80, 80)], pins: [{ key: "p2", ids: ["y", "z"] }, { key: "p1", ids: ["x", "y"] }] },
      null,
      settings,
    );
    expect(plain(merged).groups).toEqual({ "pin-p1": ["x", "y", "z"] });
  });

  it("leaves pins of absent people alone and keeps proximity hysteresis with a shared scratch", () => {
    const scratch = new GroupingScratch();
    const first = planConversations({ people: [person("a", 0, 0), person("b", 2, 0)], pins: [{ key: "gone", ids: ["q", "r"] }] }, null, settings, scratch);
    expect(plain(first).groups).toEqual({ g1: ["a", "b"] });
    // 4 tiles apart: beyond the form radius, within the leave radius: they stay together.
    const later = planConversations({ people: [person("a", 0, 0), person("b", 4, 0)] }, first, settings, scratch);
    expect(plain(later).groups).toEqual({ g1: ["a", "b"] });
  });
});
