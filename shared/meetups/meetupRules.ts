/**
 * A meetup's fields and lifecycle (pure): what may be scheduled, and whether
 * it is upcoming, live or over at a given time.
 */

export const MEETUP_TITLE_MAX = 80;
export const MEETUP_DESCRIPTION_MAX = 1000;
export const MEETUP_MIN_MINUTES = 5;
export const MEETUP_MAX_MINUTES = 8 * 60;
export const MEETUP_MAX_HOSTS = 5;
/** How far ahead a meetup may be scheduled. */
export const MEETUP_MAX_AHEAD_DAYS = 365;
/** A meetup may be started by hand this long before its time. */
export const MEETUP_EARLY_START_MINUTES = 30;

export type MeetupState = "scheduled" | "live" | "ended" | "cancelled";

export const MEETUP_ZONE_TYPES = ["meeting", "private", "stage"] as const;

/** The meetup's state as shown: a scheduled meetup past its end is over even if nobody ended it. */
export function displayedState(meetup: { state: MeetupState; startsAt: number; durationMinutes: number }, now: number): MeetupState {
  if (meetup.state === "scheduled" && now >= meetup.startsAt + meetup.durationMinutes * 60_000) return "ended";
  return meetup.state;
}

/** Why a host may not start this meetup now, or null when they may. */
export function startRefusal(meetup: { state: MeetupState; startsAt: number }, now: number): string | null {
  if (meetup.state === "live") return "the meetup is already live";
  if (meetup.state !== "scheduled") return `the meetup is ${meetup.state}`;
  if (now < meetup.startsAt - MEETUP_EARLY_START_MINUTES * 60_000) {
    return `a meetup can be started at most ${MEETUP_EARLY_START_MINUTES} minutes before its time`;
  }
  return null;
}
