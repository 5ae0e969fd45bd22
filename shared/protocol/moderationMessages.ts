import { z } from "zod";
import { clientMessage } from "./declare";
import { ClientMessage, ServerMessage } from "./names";
import { plainText, sessionId } from "./text";

/** A kick or ban's reason, shown to the person removed. */
export const MODERATION_REASON_MAX = 200;

export const moderationMessages = {
  /**
   * An owner or admin removes a present person (by session id): "kick" disconnects
   * them, "ban" also refuses every later join and sign-in to the space.
   * The sender's role comes from their session, never from this message.
   */
  [ClientMessage.Moderate]: clientMessage(
    z
      .object({
        action: z.enum(["kick", "ban"]),
        target: sessionId,
        reason: plainText(MODERATION_REASON_MAX).optional(),
      })
      .strict(),
    {
      // Removing people is rare and deliberate.
      burst: 5,
      perSecond: 0.5,
    },
  ),
} as const;

export interface ServerModerationMessages {
  /** Sent just before the server closes this client's connection; the client must not reconnect. */
  [ServerMessage.Removed]: { banned: boolean; reason: string };
  /** Whether the server can currently save to its database (false: changes are kept and retried). */
  [ServerMessage.Database]: { available: boolean };
}
