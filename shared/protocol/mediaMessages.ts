import { z } from "zod";
import { clientMessage } from "./declare";
import { MAX_CANDIDATE_CHARS, MAX_SDP_CHARS } from "./conversationMessages";
import { ClientMessage, ServerMessage } from "./names";
import { sessionId } from "./text";

/**
 * The media server path (issue 19). When the room routes a conversation
 * through Janus, the browser never talks to Janus's API: it sends its SDP and
 * ICE candidates to the room, which checks that this person may publish or
 * may see that feed, and relays them to Janus on handles only the server
 * holds. Feeds are named by the publisher's session id and their kind (a
 * person may publish a camera and, while the room has accepted their share, a
 * screen); Janus room numbers, pins and secrets stay on the server.
 */

/** What a feed carries: the camera and microphone, or a shared screen (its own connection). */
export const mediaKind = z.enum(["camera", "screen"]);
export type MediaKind = z.infer<typeof mediaKind>;
/** Omitted: the camera. */
const kind = mediaKind.optional();

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
  /** Our camera/microphone offer (sendonly), or our shared screen's (kind screen), for the conversation's media room. */
  [ClientMessage.MediaPublish]: clientMessage(
    z.object({ sdp, kind }).strict(),
    {
      // Through Janus: one publish per conversation, one subscribe and answer per feed (a 16-person room: 15), candidates for each.
      burst: 4,
      perSecond: 1,
      // An SDP is 3–20 KB (MAX_SDP_CHARS caps it at 32,000 characters), past the general MAX_MESSAGE_BYTES;
      // the WebSocket's own 64 KB frame limit still bounds everything.
      maxBytes: 36 * 1024,
    },
  ),
  /** Asks for one feed of our conversation; the room answers with a MediaOffer. */
  [ClientMessage.MediaSubscribe]: clientMessage(
    z.object({ feed: sessionId, kind }).strict(),
    {
      // Through Janus: one publish per conversation, one subscribe and answer per feed (a 16-person room: 15), candidates for each.
      burst: 40,
      perSecond: 20,
    },
  ),
  /** Our answer to a feed's offer. */
  [ClientMessage.MediaAnswer]: clientMessage(
    z.object({ feed: sessionId, kind, sdp }).strict(),
    {
      // Through Janus: one publish per conversation, one subscribe and answer per feed (a 16-person room: 15), candidates for each.
      burst: 40,
      perSecond: 20,
      // An SDP is 3–20 KB (MAX_SDP_CHARS caps it at 32,000 characters), past the general MAX_MESSAGE_BYTES;
      // the WebSocket's own 64 KB frame limit still bounds everything.
      maxBytes: 36 * 1024,
    },
  ),
  /** An ICE candidate for our publishing connection (feed null) or a feed's; candidate null = gathering done. */
  [ClientMessage.MediaCandidate]: clientMessage(
    z.object({ feed: sessionId.nullable(), kind, candidate: candidate.nullable() }).strict(),
    {
      // Through Janus: one publish per conversation, one subscribe and answer per feed (a 16-person room: 15), candidates for each.
      burst: 200,
      perSecond: 60,
    },
  ),
} as const;

export type MediaVia = "mesh" | "janus";

export interface MediaFeed {
  /** The publisher's session id (who owns the feed). */
  id: string;
  name: string;
  kind: MediaKind;
}

export interface ServerMediaMessages {
  /**
   * How our conversation's media travels, sent whenever it or its feeds change
   * (only by a server with a media server configured). `via` mesh: the
   * peer-to-peer Conversation message applies. `via` janus: publish once if
   * `publish`, and subscribe to `feeds` (those we may see, already publishing:
   * cameras and shared screens). `publishScreen`: the room has accepted our
   * screen share, so publish it on a connection of its own.
   * `notice` says why in words, e.g. that the media server is unreachable.
   */
  [ServerMessage.MediaRoute]: {
    groupId: string | null;
    via: MediaVia;
    publish: boolean;
    publishScreen: boolean;
    feeds: MediaFeed[];
    notice?: string;
  };
  /** Janus's answer to our MediaPublish of that kind. */
  [ServerMessage.MediaPublished]: { kind: MediaKind; sdp: string };
  /** A feed's offer, after our MediaSubscribe. */
  [ServerMessage.MediaOffer]: { feed: string; kind: MediaKind; sdp: string };
  /** Our publishing of that kind (feed null) or a feed ended on the server's side; `reason` in words. */
  [ServerMessage.MediaEnded]: { feed: string | null; kind: MediaKind; reason: string };
}
