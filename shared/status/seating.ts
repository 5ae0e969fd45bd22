import type { Desk, Point } from "../map/types";

/**
 * Who may sit where. The room applies these rules; the page uses them to offer
 * the nearest desk for the X key. Pure: positions and occupancy come in.
 */

/** How close (feet to seat, in tiles) a person must stand to sit down. */
export const SIT_REACH_TILES = 1.5;

export type SitRefusal = "no-desk" | "too-far" | "occupied" | "seated";

export const SIT_REFUSAL_TEXT: Readonly<Record<SitRefusal, string>> = {
  "no-desk": "there is no such desk",
  "too-far": "walk up to the desk first",
  occupied: "someone is sitting there",
  seated: "you are already sitting; stand up first",
};

export interface Sitter extends Point {
  /** Desk id the person sits at, "" when standing. */
  seat: string;
}

export function withinReach(person: Point, desk: Point, tileSize: number): boolean {
  const reach = SIT_REACH_TILES * tileSize;
  const dx = person.x - desk.x;
  const dy = person.y - desk.y;
  return dx * dx + dy * dy <= reach * reach;
}

/** Why `person` may not sit at `desk`, or null when they may. `occupant` is who sits there now, if anyone. */
export function sitRefusal(person: Sitter, desk: Desk | undefined, occupant: string | null, tileSize: number): SitRefusal | null {
  if (!desk) return "no-desk";
  if (person.seat !== "") return "seated";
  if (occupant !== null) return "occupied";
  if (!withinReach(person, desk, tileSize)) return "too-far";
  return null;
}

/** The closest desk within reach of `person`, if any (for the sit key). */
export function nearestDesk(person: Point, desks: readonly Desk[], tileSize: number): Desk | null {
  let best: Desk | null = null;
  let bestD = Infinity;
  for (const desk of desks) {
    if (!withinReach(person, desk, tileSize)) continue;
    const d = (person.x - desk.x) ** 2 + (person.y - desk.y) ** 2;
    if (d < bestD || (d === bestD && best !== null && desk.id < best.id)) {
      best = desk;
      bestD = d;
    }
  }
  return best;
}
