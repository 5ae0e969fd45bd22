/**
 * The focus timer as a pure state machine: no clock of its own, `now` is
 * passed in, so the server's tick and the tests drive it the same way.
 *
 * off → running (start) → ended (its time is up; the person is told and still
 * in focus for a grace period) → off, either by choosing to stay in focus or
 * when the grace period runs out (back to Available).
 */

export const FOCUS_TIMER_PRESETS_MINUTES = [25, 50] as const;
export const FOCUS_TIMER_MIN_MINUTES = 1;
export const FOCUS_TIMER_MAX_MINUTES = 240;
/** How long an ended timer waits for "stay in focus" before returning the person to Available. */
export const FOCUS_END_GRACE_MS = 60_000;

export type FocusTimer =
  | { phase: "off" }
  | { phase: "running"; startedAt: number; endsAt: number }
  | { phase: "ended"; endedAt: number };

export const FOCUS_TIMER_OFF: FocusTimer = Object.freeze({ phase: "off" });

/** What advancing the timer to `now` caused, if anything. */
export type FocusTimerEvent = "ended" | "returned" | null;

export function isValidTimerMinutes(minutes: unknown): minutes is number {
  return (
    typeof minutes === "number" &&
    Number.isInteger(minutes) &&
    minutes >= FOCUS_TIMER_MIN_MINUTES &&
    minutes <= FOCUS_TIMER_MAX_MINUTES
  );
}

/** Starts (or restarts) a timer of `minutes` whole minutes. */
export function startFocusTimer(now: number, minutes: number): FocusTimer {
  if (!isValidTimerMinutes(minutes)) {
    throw new RangeError(
      `a focus timer lasts ${FOCUS_TIMER_MIN_MINUTES}–${FOCUS_TIMER_MAX_MINUTES} whole minutes, got ${String(minutes)}`,
    );
  }
  if (!Number.isFinite(now)) throw new RangeError("startFocusTimer: now must be a finite time");
  return { phase: "running", startedAt: now, endsAt: now + minutes * 60_000 };
}

/**
 * Moves the timer to `now`. A running timer whose time is up becomes `ended`
 * (event "ended"); an ended one past its grace period becomes `off` (event
 * "returned": the person goes back to Available).
 */
export function advanceFocusTimer(timer: FocusTimer, now: number): { timer: FocusTimer; event: FocusTimerEvent } {
  if (timer.phase === "running" && now >= timer.endsAt) return { timer: { phase: "ended", endedAt: timer.endsAt }, event: "ended" };
  if (timer.phase === "ended" && now >= timer.endedAt + FOCUS_END_GRACE_MS) return { timer: FOCUS_TIMER_OFF, event: "returned" };
  return { timer, event: null };
}

/** True while the timer keeps its person in focus (running, or ended and awaiting an answer). */
export function timerHoldsFocus(timer: FocusTimer): boolean {
  return timer.phase !== "off";
}

/** Share of a running timer already elapsed, 0..1 (1 once ended, 0 when off): the ring's fill. */
export function timerProgress(timer: FocusTimer, now: number): number {
  if (timer.phase === "off") return 0;
  if (timer.phase === "ended") return 1;
  const total = timer.endsAt - timer.startedAt;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, (now - timer.startedAt) / total));
}
