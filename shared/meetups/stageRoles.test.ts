import { parseMap } from "../map/parseMap";
import { buildTestMap } from "../map/testMap";
import { stagesOf } from "./stageLayout";
import { MAX_STAGE_LISTENERS, MAX_STAGE_SPEAKERS, MEDIA_SERVER_STAGE_CAPS, planStage, stageLink } from "./stageRoles";

const map = parseMap(
  buildTestMap({
    width: 30,
    height: 20,
    zones: [
      { name: "Hall", type: "stage", x: 0, y: 0, width: 20 * 32, height: 12 * 32 },
      { name: "Platform", type: "stage", platform: true, x: 6 * 32, y: 0, width: 8 * 32, height: 3 * 32 },
      { name: "Lone", type: "stage", platform: true, x: 22 * 32, y: 14 * 32, width: 4 * 32, height: 4 * 32 },
      { name: "Room", type: "meeting", x: 22 * 32, y: 0, width: 6 * 32, height: 6 * 32 },
    ],
  }),
);
const [stage, lone] = stagesOf(map);
const hall = stage.hall.id;
const platform = stage.platforms[0].id;

describe("stagesOf", () => {
  it("pairs halls with the platforms inside them; a platform outside any hall is its own stage", () => {
    expect(stage.hall.name).toBe("Hall");
    expect(stage.platforms.map((p) => p.name)).toEqual(["Platform"]);
    expect(lone.hall.name).toBe("Lone");
    expect(stagesOf(map)).toHaveLength(2);
  });
});

describe("planStage", () => {
  it("makes people on the platform speakers and the hall their audience", () => {
    const plan = planStage(stage, [
      { id: "s", zoneId: platform, enteredAt: 1 },
      { id: "a", zoneId: hall, enteredAt: 2 },
      { id: "b", zoneId: hall, enteredAt: 3 },
    ], null);
    expect(plan.speakers).toEqual(["s"]);
    expect(plan.listeners).toEqual(["a", "b"]);
    expect(plan.groupId).toBe(`stage-${hall}`);
  });

  it("has no conversation while nobody speaks", () => {
    const plan = planStage(stage, [{ id: "a", zoneId: hall, enteredAt: 1 }, { id: "b", zoneId: hall, enteredAt: 2 }], null);
    expect(plan.speakers).toEqual([]);
    expect(plan.listeners).toEqual([]);
  });

  it("during a meetup lets only hosts on the platform and promoted people speak", () => {
    const people = [
      { id: "host", zoneId: platform, enteredAt: 1 },
      { id: "walker", zoneId: platform, enteredAt: 2 },
      { id: "asker", zoneId: hall, enteredAt: 3 },
    ];
    const before = planStage(stage, people, { hosts: new Set(["host"]), promoted: new Set() });
    expect(before.speakers).toEqual(["host"]);
    expect(before.listeners).toEqual(["asker", "walker"]);
    const after = planStage(stage, people, { hosts: new Set(["host"]), promoted: new Set(["asker"]) });
    expect(after.speakers).toEqual(["asker", "host"]);
    expect(after.listeners).toEqual(["walker"]);
  });

  it("caps speakers (later ones listen) and listeners (later ones are refused)", () => {
    const people = [
      ...Array.from({ length: MAX_STAGE_SPEAKERS + 1 }, (_, i) => ({ id: `s${i}`, zoneId: platform, enteredAt: i })),
      ...Array.from({ length: MAX_STAGE_LISTENERS + 2 }, (_, i) => ({ id: `l${String(i).padStart(2, "0")}`, zoneId: hall, enteredAt: 100 + i })),
    ];
    const plan = planStage(stage, people, null);
    expect(plan.speakers).toHaveLength(MAX_STAGE_SPEAKERS);
    expect(plan.overflowSpeakers).toEqual([`s${MAX_STAGE_SPEAKERS}`]);
    expect(plan.listeners).toHaveLength(MAX_STAGE_LISTENERS);
    expect(plan.listeners).toContain(`s${MAX_STAGE_SPEAKERS}`);
    // The overflowing speaker arrived before every listener, so the three latest listeners are refused (27 in the audience, 24 places).
    expect(plan.refused.map((r) => r.id)).toEqual(["l23", "l24", "l25"]);
    expect(plan.refused.every((r) => r.reason === "audience-full")).toBe(true);
  });

  it("through a media server: 3 speakers and 200 listeners all take part; the 201st listener is refused", () => {
    const people = [
      ...Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, zoneId: platform, enteredAt: i })),
      ...Array.from({ length: 201 }, (_, i) => ({ id: `l${String(i).padStart(3, "0")}`, zoneId: hall, enteredAt: 100 + i })),
    ];
    const plan = planStage(stage, people, null, MEDIA_SERVER_STAGE_CAPS);
    expect(plan.speakers).toEqual(["s0", "s1", "s2"]);
    expect(plan.listeners).toHaveLength(200);
    expect(plan.refused).toEqual([{ id: "l200", reason: "audience-full" }]);
    // The same crowd peer to peer: 24 listen.
    expect(planStage(stage, people, null).listeners).toHaveLength(MAX_STAGE_LISTENERS);
  });
});

describe("stageLink", () => {
  it("links speakers both ways, speaker to listener one way, and listeners never", () => {
    expect(stageLink("speaker", "speaker")).toEqual({ aSends: true, bSends: true });
    expect(stageLink("speaker", "listener")).toEqual({ aSends: true, bSends: false });
    expect(stageLink("listener", "speaker")).toEqual({ aSends: false, bSends: true });
    expect(stageLink("listener", "listener")).toBeNull();
  });
});
