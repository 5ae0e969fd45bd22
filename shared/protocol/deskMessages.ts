import { z } from "zod";
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
  [ClientMessage.Sit]: z.object({ desk: deskId }).strict(),
  /** Stand up (walking away does the same). */
  [ClientMessage.Stand]: z.object({}).strict(),
  /** Make an assignable desk "my desk" (or, for owners and admins, the desk of a present member `for`). */
  [ClientMessage.ClaimDesk]: z.object({ desk: deskId, for: sessionId.optional() }).strict(),
  /** Give up a desk (your own; owners and admins: any). */
  [ClientMessage.ReleaseDesk]: z.object({ desk: deskId }).strict(),
} as const;
