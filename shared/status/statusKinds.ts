import type { PresenceStatus } from "../proximity/types";

/**
 * Statuses a person can show. The kinds are proximity's (they decide who
 * conversations reach); this module adds what people and pages need around them.
 */

export type { PresenceStatus } from "../proximity/types";
export { PRESENCE_STATUSES } from "../proximity/types";

/** Longest custom status text, in characters. */
export const STATUS_TEXT_MAX = 80;

/** Minutes without input before a page reports its person idle (auto-away). */
export const IDLE_MINUTES = 5;

/** A hidden tab counts as idle after this long. */
export const HIDDEN_AWAY_MS = 2 * 60_000;

export const STATUS_LABELS: Readonly<Record<PresenceStatus, string>> = {
  available: "Available",
  busy: "Busy",
  focus: "Focus (do not disturb)",
  away: "Away",
};

/** Badge colours for name tags and lists (CSS colours). */
export const STATUS_COLOURS: Readonly<Record<PresenceStatus, string>> = {
  available: "#22c55e",
  busy: "#f59e0b",
  focus: "#a855f7",
  away: "#94a3b8",
};

export function isPresenceStatus(value: unknown): value is PresenceStatus {
  return value === "available" || value === "busy" || value === "focus" || value === "away";
}
