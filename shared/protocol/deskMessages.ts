import { z } from "zod";
import { clientMessage } from "./declare";
import { ClientMessage } from "./names";
import { sessionId } from "./text";

/**
 * Sitting at desks and owning them. Who sits where travels in MemberState.seat;
 * desk owners in OfficeState.desks.
 */

/** Desk ids come from the map's desks layer. */
const deskId = z.string().min(1).max(64);

export const deskMessages = {
  /** Sit at a free desk within reach. */
  [ClientMessage.Sit]: clientMessage(
    z.object({ desk: deskId }).strict(),
    {
      // Knocks notify another person: keep them slow so nobody can spam a door.
      burst: 5,
      perSecond: 2,
    },
  ),
  /** Stand up (walking away does the same). */
  [ClientMessage.Stand]: clientMessage(
    z.object({}).strict(),
    {
      // Knocks notify another person: keep them slow so nobody can spam a door.
      burst: 5,
      perSecond: 2,
    },
  ),
  /** Make an assignable desk "my desk" (or, for owners and admins, the desk of a present member `for`). */
  [ClientMessage.ClaimDesk]: clientMessage(
    z.object({ desk: deskId, for: sessionId.optional() }).strict(),
    {
      // Knocks notify another person: keep them slow so nobody can spam a door.
      burst: 3,
      perSecond: 0.5,
    },
  ),
  /** Give up a desk (your own; owners and admins: any). */
  [ClientMessage.ReleaseDesk]: clientMessage(
    z.object({ desk: deskId }).strict(),
    {
      // Knocks notify another person: keep them slow so nobody can spam a door.
      burst: 3,
      perSecond: 0.5,
    },
  ),
} as const;
