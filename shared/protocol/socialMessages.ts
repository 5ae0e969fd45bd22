import { z } from "zod";
import { clientMessage } from "./declare";
import { EMOTE_KINDS, type EmoteKind } from "../chat/emotes";
import { AVATAR_IDS } from "../avatars";
import { DISPLAY_NAME_MAX } from "./limits";
import { ClientMessage, ServerMessage } from "./names";
import { plainText, sessionId } from "./text";

/**
 * Finding and reaching people: wave, ring (ask someone to come to you),
 * emotes above avatars, locate and follow, and profile changes (name, look).
 */

/** Why a position was asked for: the page pans there, walks there, or keeps following. */
export const LOCATE_PURPOSES = ["locate", "walk", "follow"] as const;
export type LocatePurpose = (typeof LOCATE_PURPOSES)[number];

export type RingOutcome = "accepted" | "declined" | "expired" | "gone";

export const socialMessages = {
  [ClientMessage.Wave]: clientMessage(
    z.object({ to: sessionId }).strict(),
    {
      // Waves and rings notify another person; emotes show to everyone.
      burst: 3,
      perSecond: 0.2,
    },
  ),
  [ClientMessage.Ring]: clientMessage(
    z.object({ to: sessionId }).strict(),
    {
      // Waves and rings notify another person; emotes show to everyone.
      burst: 3,
      perSecond: 0.2,
    },
  ),
  [ClientMessage.RingAnswer]: clientMessage(
    z.object({ from: sessionId, accept: z.boolean() }).strict(),
    {
      // Waves and rings notify another person; emotes show to everyone.
      burst: 10,
      perSecond: 2,
    },
  ),
  [ClientMessage.Emote]: clientMessage(
    z.object({ kind: z.enum(EMOTE_KINDS) }).strict(),
    {
      // Waves and rings notify another person; emotes show to everyone.
      burst: 5,
      perSecond: 1,
    },
  ),
  /** Start following someone (`to`), or stop (`to: null`). */
  [ClientMessage.Follow]: clientMessage(
    z.object({ to: sessionId.nullable() }).strict(),
    {
      // Waves and rings notify another person; emotes show to everyone.
      burst: 10,
      perSecond: 2,
    },
  ),
  /** Where someone is now (they may be too far away for their position to be streamed). */
  [ClientMessage.Locate]: clientMessage(
    z.object({ to: sessionId, purpose: z.enum(LOCATE_PURPOSES) }).strict(),
    {
      // Waves and rings notify another person; emotes show to everyone.
      burst: 10,
      perSecond: 4,
    },
  ),
  /**
   * Your profile changed (saved through PATCH /api/me): the room shows the stored name and look.
   * The fields are what the page saved; the room reads the member record and never uses them.
   */
  [ClientMessage.SetProfile]: clientMessage(
    z
      .object({ name: plainText(DISPLAY_NAME_MAX).optional(), avatar: z.enum(AVATAR_IDS).optional() })
      .strict(),
    {
      // Waves and rings notify another person; emotes show to everyone.
      burst: 3,
      perSecond: 0.5,
    },
  ),
} as const;

export interface ServerSocialMessages {
  /** Someone waved at you. */
  [ServerMessage.Waved]: { from: string; name: string };
  /** Someone asks you to come to them; answer with RingAnswer. */
  [ServerMessage.Ring]: { from: string; name: string };
  /** A ring to you stopped waiting (lapsed or the caller left). */
  [ServerMessage.RingClosed]: { from: string; outcome: RingOutcome };
  /** What became of your ring. */
  [ServerMessage.RingResult]: { to: string; name: string; outcome: RingOutcome };
  /** Someone showed an emote (to everyone in the space). */
  [ServerMessage.Emote]: { id: string; kind: EmoteKind };
  /** Someone's position, answering Locate, or while you follow them (purpose "follow"). */
  [ServerMessage.Located]: { id: string; x: number; y: number; zone: string; purpose: LocatePurpose };
  /** You no longer follow `id` (they left). */
  [ServerMessage.FollowEnded]: { id: string; reason: "left" | "stopped" };
}
