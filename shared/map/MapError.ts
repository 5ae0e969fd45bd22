import { MAP_LIMITS } from "./mapLimits";

/** At most `MAP_LIMITS.maxListed` entries, and how many more there were. */
export function capList(list: readonly string[]): { listed: string[]; more: number } {
  return { listed: list.slice(0, MAP_LIMITS.maxListed), more: Math.max(0, list.length - MAP_LIMITS.maxListed) };
}

/**
 * Thrown by `parseMap` when a map cannot be used. It carries the problems
 * found rather than just the first, so a map author can fix them in one pass,
 * but never more than 50 of them (plus a count of the rest), so a broken
 * upload cannot be answered with a flood.
 */
export class MapError extends Error {
  readonly problems: string[];
  /** Problems found beyond those in `problems`. */
  readonly more: number;

  constructor(problems: readonly string[]) {
    const { listed, more } = capList(problems.length > 0 ? problems : ["unknown map problem"]);
    const total = listed.length + more;
    const shown = listed.map((p) => `  - ${p}`);
    if (more > 0) shown.push(`  - …and ${more} more`);
    super(`Invalid office map (${total} problem${total === 1 ? "" : "s"}):\n${shown.join("\n")}`);
    this.name = "MapError";
    this.problems = listed;
    this.more = more;
  }
}
