/** How many problems a MapError message spells out before summarising the rest. */
const MAX_LISTED = 40;

/**
 * Thrown by `parseMap` when a map cannot be used. It carries every problem
 * found rather than just the first, so a map author can fix them in one pass.
 */
export class MapError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    const list = problems.length > 0 ? problems : ["unknown map problem"];
    const shown = list.slice(0, MAX_LISTED).map((p) => `  - ${p}`);
    if (list.length > MAX_LISTED) shown.push(`  - …and ${list.length - MAX_LISTED} more`);
    super(`Invalid office map (${list.length} problem${list.length === 1 ? "" : "s"}):\n${shown.join("\n")}`);
    this.name = "MapError";
    this.problems = list;
  }
}
