import { z } from "zod";
import { clientMessage } from "./declare";
import { FOCUS_TIMER_MAX_MINUTES, FOCUS_TIMER_MIN_MINUTES } from "../status/focusTimer";
import { STATUS_TEXT_MAX } from "../status/statusKinds";
import { ClientMessage, ServerMessage } from "./names";
import { sessionId } from "./text";

/**
 * Statuses, auto-away, the focus timer and knocking. The status itself
 * travels in MemberState (status, statusText, focusStart, focusEnd); these
 * are the requests and the private notifications around it.
 */

/** Plain status text: may be empty (clears it); no control characters. */
const statusText = z
  .string()
  .trim()
  .max(STATUS_TEXT_MAX, `must be at most ${STATUS_TEXT_MAX} characters`)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s), "must not contain control characters");

export const statusMessages = {
  /** The status picked in the menu (saved on the member), with optional text. */
  [ClientMessage.SetStatus]: clientMessage(
    z
      .object({ kind: z.enum(["available", "busy", "focus", "away"]), text: statusText.optional() })
      .strict(),
    {
      // People change status by hand a few times a day; the page reports idle changes at most every few seconds.
      burst: 5,
      perSecond: 1,
    },
  ),
  /** The page saw no input for a while (or a long-hidden tab), or input again. */
  [ClientMessage.SetIdle]: clientMessage(
    z.object({ idle: z.boolean() }).strict(),
    {
      // People change status by hand a few times a day; the page reports idle changes at most every few seconds.
      burst: 5,
      perSecond: 1,
    },
  ),
  /** Start or cancel the focus timer, or answer its end (stay in focus, or be done now). */
  [ClientMessage.FocusTimer]: clientMessage(
    z.discriminatedUnion("action", [
      z
        .object({
          action: z.literal("start"),
          minutes: z.number().int().min(FOCUS_TIMER_MIN_MINUTES).max(FOCUS_TIMER_MAX_MINUTES),
        })
        .strict(),
      z.object({ action: z.enum(["cancel", "stay", "done"]) }).strict(),
    ]),
    {
      // People change status by hand a few times a day; the page reports idle changes at most every few seconds.
      burst: 5,
      perSecond: 1,
    },
  ),
  /** Ask a busy or focused person for a conversation. */
  [ClientMessage.Knock]: clientMessage(
    z.object({ to: sessionId }).strict(),
    {
      // Knocks notify another person: keep them slow so nobody can spam a door.
      burst: 3,
      perSecond: 0.2,
    },
  ),
  /** Accept (a conversation with just the knocker starts) or decline a knock. */
  [ClientMessage.KnockAnswer]: clientMessage(
    z.object({ from: sessionId, accept: z.boolean() }).strict(),
    {
      // Knocks notify another person: keep them slow so nobody can spam a door.
      burst: 10,
      perSecond: 2,
    },
  ),
} as const;

export type KnockOutcome = "accepted" | "declined" | "expired" | "gone";

export interface ServerStatusMessages {
  /** Someone knocks on your door. */
  [ServerMessage.Knock]: { from: string; name: string };
  /** A knock on your door is no longer waiting (lapsed, or the knocker left); hide its notice. */
  [ServerMessage.KnockClosed]: { from: string; outcome: KnockOutcome };
  /** What became of your knock. */
  [ServerMessage.KnockResult]: { to: string; name: string; outcome: KnockOutcome };
  /** Your focus timer ended; unless you stay, you return to Available after `graceSeconds`. */
  [ServerMessage.FocusTimerEnded]: { graceSeconds: number };
}
