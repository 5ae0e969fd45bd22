import type { Point } from "../../shared/map/types";

/**
 * Words for where someone is relative to you, for the text view:
 * "3 tiles north-east". North is up on the map.
 */

const COMPASS = ["east", "south-east", "south", "south-west", "west", "north-west", "north", "north-east"] as const;

export function describeRelative(self: Point, other: Point, tileSize: number): string {
  const dx = other.x - self.x;
  const dy = other.y - self.y;
  const tiles = Math.round(Math.hypot(dx, dy) / tileSize);
  if (tiles === 0) return "right next to you";
  // Screen y grows downwards, so positive dy is south.
  const angle = Math.atan2(dy, dx);
  const sector = ((Math.round(angle / (Math.PI / 4)) % 8) + 8) % 8;
  return `${tiles} ${tiles === 1 ? "tile" : "tiles"} ${COMPASS[sector]}`;
}

export interface PersonLine {
  name: string;
  isSelf: boolean;
  /** null when we do not know where they are (too far away to be streamed to us). */
  position: Point | null;
  zoneName: string | null;
}

/** One line of the "People" list, e.g. "Ada — 3 tiles north-east, in Meeting Room A". */
export function describePerson(person: PersonLine, self: Point, tileSize: number): string {
  const where = person.zoneName ? `in ${person.zoneName}` : "";
  if (person.isSelf) return where ? `You — ${where}` : "You";
  if (!person.position) return `${person.name} — ${where || "elsewhere in the office"}`;
  const relative = describeRelative(self, person.position, tileSize);
  return `${person.name} — ${relative}${where ? `, ${where}` : ""}`;
}
