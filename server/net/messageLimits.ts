import { ClientMessage, type ClientMessageName } from "../../shared/protocol/names";

export interface RateLimit {
  /** Messages accepted at once after a quiet period. */
  burst: number;
  /** Sustained messages per second. */
  perSecond: number;
}

/**
 * Per-client rate limits by message type. Typed over every client message
 * name, so adding a message without deciding its limit does not compile.
 */
export const MESSAGE_LIMITS: Record<ClientMessageName, RateLimit> = {
  // Clients send one move per 50 ms tick (20/s); the margin absorbs jitter and tab wake-ups.
  [ClientMessage.Move]: { burst: 40, perSecond: 30 },
  // Joining a conversation of 5 sends an offer or answer plus a dozen ICE candidates to each peer.
  [ClientMessage.Signal]: { burst: 120, perSecond: 40 },
};
