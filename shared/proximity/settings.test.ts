import { DEFAULT_GROUPING_SETTINGS, resolveGroupingSettings } from "./settings";

describe("grouping settings", () => {
  it("defaults to 3 / 4.5 tiles and groups of 6", () => {
    expect(resolveGroupingSettings()).toEqual({ formRadiusTiles: 3, leaveRadiusTiles: 4.5, maxGroupSize: 6 });
    expect(Object.isFrozen(DEFAULT_GROUPING_SETTINGS)).toBe(true);
  });

  it("applies per-space overrides", () => {
    expect(resolveGroupingSettings({ maxGroupSize: 10, leaveRadiusTiles: 5 })).toEqual({
      formRadiusTiles: 3,
      leaveRadiusTiles: 5,
      maxGroupSize: 10,
    });
  });

  it("rejects settings that make no sense, naming the field", () => {
    expect(() => resolveGroupingSettings({ formRadiusTiles: 0 })).toThrow(/formRadiusTiles/);
    expect(() => resolveGroupingSettings({ formRadiusTiles: NaN })).toThrow(/formRadiusTiles/);
    expect(() => resolveGroupingSettings({ leaveRadiusTiles: 2 })).toThrow(/leaveRadiusTiles/);
    expect(() => resolveGroupingSettings({ leaveRadiusTiles: 1000 })).toThrow(/leaveRadiusTiles/);
    expect(() => resolveGroupingSettings({ maxGroupSize: 1 })).toThrow(/maxGroupSize/);
    expect(() => resolveGroupingSettings({ maxGroupSize: 2.5 })).toThrow(/maxGroupSize/);
  });
});
