import { computeGroups, DEFAULT_GROUPING_SETTINGS } from "../proximity";
import type { ProximityPerson } from "../proximity/types";
import { effectiveStatus, knockPolicy, type StatusInputs } from "./effectiveStatus";
import { FOCUS_TIMER_OFF, startFocusTimer } from "./focusTimer";

const base: StatusInputs = { chosen: "available", idle: false, atFocusDesk: false, timer: FOCUS_TIMER_OFF };

describe("effectiveStatus", () => {
  it("shows the chosen status when nothing else applies", () => {
    for (const chosen of ["available", "busy", "focus", "away"] as const) expect(effectiveStatus({ ...base, chosen })).toBe(chosen);
  });

  it("idle turns available and busy into away, and returning restores the choice", () => {
    expect(effectiveStatus({ ...base, idle: true })).toBe("away");
    expect(effectiveStatus({ ...base, chosen: "busy", idle: true })).toBe("away");
    expect(effectiveStatus({ ...base, chosen: "busy", idle: false })).toBe("busy");
  });

  it("a focus desk or a focus timer means focus, also while idle", () => {
    expect(effectiveStatus({ ...base, atFocusDesk: true })).toBe("focus");
    expect(effectiveStatus({ ...base, chosen: "busy", atFocusDesk: true, idle: true })).toBe("focus");
    expect(effectiveStatus({ ...base, timer: startFocusTimer(0, 25) })).toBe("focus");
    expect(effectiveStatus({ ...base, timer: { phase: "ended", endedAt: 0 } })).toBe("focus");
    expect(effectiveStatus({ ...base, chosen: "focus", idle: true })).toBe("focus");
  });

  it("a chosen away wins over everything", () => {
    expect(effectiveStatus({ ...base, chosen: "away", atFocusDesk: true, timer: startFocusTimer(0, 25) })).toBe("away");
  });

  it("says who is reached by walking up, by knocking, or not at all", () => {
    expect([knockPolicy("available"), knockPolicy("busy"), knockPolicy("focus"), knockPolicy("away")]).toEqual([
      "walk-up",
      "knock",
      "knock",
      "unreachable",
    ]);
  });
});

describe("statuses in proximity grouping", () => {
  const person = (id: string, tx: number, inputs: Partial<StatusInputs>): ProximityPerson => ({
    id,
    x: tx * 32,
    y: 0,
    status: effectiveStatus({ ...base, ...inputs }),
  });
  const groups = (people: ProximityPerson[], previous: ReturnType<typeof computeGroups> | null = null) =>
    computeGroups({ people, tileSize: 32 }, previous, DEFAULT_GROUPING_SETTINGS);

  it("someone seated at a focus desk is left out although people stand right beside them", () => {
    const r = groups([person("sitter", 0, { atFocusDesk: true }), person("walker", 1, {})]);
    expect(r.groups.size).toBe(0);
    expect(r.groupOf.has("sitter")).toBe(false);
  });

  it("sitting down at a focus desk leaves a conversation at once; standing up lets one form again", () => {
    const talking = groups([person("a", 0, {}), person("b", 1, {})]);
    expect(talking.groups.size).toBe(1);
    const seated = groups([person("a", 0, { atFocusDesk: true }), person("b", 1, {})], talking);
    expect(seated.groups.size).toBe(0);
    const up = groups([person("a", 0, {}), person("b", 1, {})], seated);
    expect([...up.groups.values()]).toEqual([["a", "b"]]);
  });

  it("an idle member drops out as away; a busy one stays in a conversation but none forms around them", () => {
    const talking = groups([person("a", 0, {}), person("b", 1, {})]);
    expect(groups([person("a", 0, {}), person("b", 1, { idle: true })], talking).groups.size).toBe(0);
    expect([...groups([person("a", 0, {}), person("b", 1, { chosen: "busy" })], talking).groups.values()]).toEqual([["a", "b"]]);
    expect(groups([person("a", 0, {}), person("b", 1, { chosen: "busy" })]).groups.size).toBe(0);
  });
});
