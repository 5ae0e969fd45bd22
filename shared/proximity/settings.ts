/**
 * Per-space tuning of conversation groups. Radii are in tiles so a map with a
 * different tile size keeps the same feel; `leaveRadiusTiles` > `formRadiusTiles`
 * gives hysteresis, so a conversation does not flicker at its edge.
 */
export interface GroupingSettings {
  /** Two people start talking within this distance of each other. */
  formRadiusTiles: number;
  /** A member stays while within this distance of at least one other member of their group. */
  leaveRadiusTiles: number;
  /** No group ever has more members than this. */
  maxGroupSize: number;
}

export const DEFAULT_GROUPING_SETTINGS: Readonly<GroupingSettings> = Object.freeze({
  formRadiusTiles: 3,
  leaveRadiusTiles: 4.5,
  maxGroupSize: 6,
});

/** Tile size assumed when grouping runs without a map. */
export const DEFAULT_TILE_SIZE = 32;

/** Limits that keep a bad space configuration from producing absurd groups or huge neighbour scans. */
export const GROUPING_LIMITS = Object.freeze({ maxRadiusTiles: 64, maxGroupSize: 64 });

/**
 * Defaults overridden by `overrides`, validated. Throws a RangeError naming the
 * bad field, so a broken space configuration fails where it is loaded.
 */
export function resolveGroupingSettings(overrides: Partial<GroupingSettings> = {}): GroupingSettings {
  const settings = { ...DEFAULT_GROUPING_SETTINGS, ...overrides };
  assertValidGroupingSettings(settings);
  return settings;
}

export function assertValidGroupingSettings(s: GroupingSettings): void {
  const { formRadiusTiles: form, leaveRadiusTiles: leave, maxGroupSize: max } = s;
  if (typeof form !== "number" || !(form > 0) || form > GROUPING_LIMITS.maxRadiusTiles) {
    throw new RangeError(`grouping settings: formRadiusTiles must be in (0, ${GROUPING_LIMITS.maxRadiusTiles}], got ${form}`);
  }
  if (typeof leave !== "number" || !(leave >= form) || leave > GROUPING_LIMITS.maxRadiusTiles) {
    throw new RangeError(
      `grouping settings: leaveRadiusTiles must be in [formRadiusTiles, ${GROUPING_LIMITS.maxRadiusTiles}], got ${leave}`,
    );
  }
  if (!Number.isInteger(max) || max < 2 || max > GROUPING_LIMITS.maxGroupSize) {
    throw new RangeError(`grouping settings: maxGroupSize must be an integer in [2, ${GROUPING_LIMITS.maxGroupSize}], got ${max}`);
  }
}
