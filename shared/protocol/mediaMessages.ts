import { z } from "zod";
import { MAX_CANDIDATE_CHARS, MAX_SDP_CHARS } from "./conversationMessages";
import { ClientMessage, ServerMessage } from "./names";
import { sessionId } from "./text";

/**
 * The media server path (issue 19). When the room routes a conversation
 * through Janus, the browser never talks to Janus's API: it sends its SDP and
 * ICE candidates to the room, which checks that this person may publish or
 * may see that feed, and relays them to Janus on handles only the server
 * holds. Feeds are named by the publisher's session id; Janus room numbers,
 * pins and secrets stay on the server.
 */

const candidate = z
  .object({
    candidate: z.string().max(MAX_CANDIDATE_CHARS),
    sdpMid: z.string().max(64).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional(),
  })
  .strict();

const sdp = z.string().min(1).max(MAX_SDP_CHARS);

export const mediaMessages = {
  /** Our camera/microphone offer (sendonly) for the conversation's media room. */
  [ClientMessage.MediaPublish]: z.object({ sdp }).strict(),
  /** Asks for one feed of our conversation; the room answers with a MediaOffer. */
  [ClientMessage.MediaSubscribe]: z.object({ feed: sessionId }).strict(),
  /** Our answer to a feed's offer. */
  [ClientMessage.MediaAnswer]: z.object({ feed: sessionId, sdp }).strict(),
  /** An ICE candidate for our publishing connection (feed null) or a feed's; candidate null = gathering done. */
  [ClientMessage.MediaCandidate]: z.object({ feed: sessionId.nullable(), candidate: candidate.nullable() }).strict(),
} as const;

export type MediaVia = "mesh" | "janus";

export interface MediaFeed {
  /** The publisher's session id. */
  id: string;
  name: string;
}

export interface ServerMediaMessages {
  /**
   * How our conversation's media travels, sent whenever it or its feeds change
   * (only by a server with a media server configured). `via` mesh: the
   * peer-to-peer Conversation message applies. `via` janus: publish once if
   * `publish`, and subscribe to `feeds` (those we may see, already publishing).
   * `notice` says why in words, e.g. that the media server is unreachable.
   */
  [ServerMessage.MediaRoute]: {
    groupId: string | null;
    via: MediaVia;
    publish: boolean;
    feeds: MediaFeed[];
    notice?: string;
  };
  /** Janus's answer to our MediaPublish. */
  [ServerMessage.MediaPublished]: { sdp: string };
  /** A feed's offer, after our MediaSubscribe. */
  [ServerMessage.MediaOffer]: { feed: string; sdp: string };
  /** Our publishing (feed null) or a feed ended on the server's side; `reason` in words. */
  [ServerMessage.MediaEnded]: { feed: string | null; reason: string };
}
