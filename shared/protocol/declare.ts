import type { z } from "zod";

/** How often one person may send a message type: a burst after a quiet spell, then a steady rate. */
export interface RateLimit {
  /** Messages accepted at once after a quiet period. */
  burst: number;
  /** Sustained messages per second. */
  perSecond: number;
}

export interface MessageLimits extends RateLimit {
  /**
   * Encoded payload bytes past the room's general limit (MAX_MESSAGE_BYTES), for the few types
   * that carry more (SDP); absent = the general limit.
   */
  maxBytes?: number;
}

/** Everything the room knows of one client message besides its name: its payload schema and its limits. */
export interface ClientMessageDeclaration<S extends z.ZodTypeAny = z.ZodTypeAny> extends MessageLimits {
  schema: S;
}

/**
 * Declares a client message in one place: the schema its payload must pass and how often and how
 * large one person may send it. The room's MessageGuard is built from these declarations, so a
 * message cannot be declared without its limits.
 */
export function clientMessage<S extends z.ZodTypeAny>(schema: S, limits: MessageLimits): ClientMessageDeclaration<S> {
  return { schema, ...limits };
}
