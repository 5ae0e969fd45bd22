import { DEFAULT_GROUPING_SETTINGS } from "../../../shared/proximity";
import { settingsFrom } from "./conversationFeature";

describe("settingsFrom", () => {
  it("maps a space's settings onto grouping settings, defaults for what is missing", () => {
    expect(settingsFrom(null)).toEqual(DEFAULT_GROUPING_SETTINGS);
    expect(settingsFrom({ hearingRadiusTiles: 2, leaveRadiusTiles: 6, maxConversationSize: 3 })).toEqual({
      formRadiusTiles: 2,
      leaveRadiusTiles: 6,
      maxGroupSize: 3,
    });
    expect(settingsFrom({ maxConversationSize: 2 })).toMatchObject({ maxGroupSize: 2, formRadiusTiles: 3 });
  });

  it("keeps the leave radius at least the hearing radius, and falls back to defaults on nonsense", () => {
    expect(settingsFrom({ hearingRadiusTiles: 8, leaveRadiusTiles: 2 })).toMatchObject({ formRadiusTiles: 8, leaveRadiusTiles: 8 });
    const warnings: string[] = [];
    const log = { warn: (m: string) => warnings.push(m) } as unknown as Parameters<typeof settingsFrom>[1];
    expect(settingsFrom({ maxConversationSize: 1 }, log)).toEqual(DEFAULT_GROUPING_SETTINGS);
    expect(warnings[0]).toMatch(/maxGroupSize/);
  });
});
