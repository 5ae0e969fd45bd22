import type { PresenceStatus } from "../proximity/types";
import { timerHoldsFocus, type FocusTimer } from "./focusTimer";

/**
 * What decides the status everyone sees. The person's own choice is kept apart
 * from what is derived (idle, a focus desk, a running focus timer), so when
 * the derived reason ends the chosen status comes back untouched.
 */
export interface StatusInputs {
  /** Picked in the status menu; saved on the member. */
  chosen: PresenceStatus;
  /** The page reported no input for a while, or a long-hidden tab. */
  idle: boolean;
  /** Seated at a desk of kind "focus". */
  atFocusDesk: boolean;
  timer: FocusTimer;
}

/**
 * Focus (chosen, from a focus desk or from a timer) wins over idleness: sitting
 * still while concentrating is the point, and do-not-disturb must not lapse
 * into an Away that looks like "gone". A chosen Away stays Away.
 */
export function effectiveStatus(inputs: StatusInputs): PresenceStatus {
  if (inputs.chosen === "away") return "away";
  if (inputs.chosen === "focus" || inputs.atFocusDesk || timerHoldsFocus(inputs.timer)) return "focus";
  if (inputs.idle) return "away";
  return inputs.chosen;
}

/** Whether someone in this status can be reached only by knocking (and can be knocked at all). */
export function knockPolicy(status: PresenceStatus): "walk-up" | "knock" | "unreachable" {
  if (status === "available") return "walk-up";
  if (status === "away") return "unreachable";
  return "knock";
}
