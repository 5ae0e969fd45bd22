import { z } from "zod";
import { clientMessage } from "./declare";
import { ClientMessage, ServerMessage } from "./names";
import { sessionId } from "./text";

/**
 * Auto-talk: the room tells each person which conversation they are in and
 * with whom; browsers exchange WebRTC signalling through the room, which
 * relays it only between members of the same conversation.
 */

/**
 * Largest SDP the room relays. Measured in Chromium 156: audio+video 5.2 KB, with a screen-share
 * section 9.2 KB (9.9 KB with its candidates). Through Janus a subscriber's answer holds a section per
 * feed it receives (a 16-person meeting room: 30), so the bound leaves room for that.
 */
export const MAX_SDP_CHARS = 32_000;
export const MAX_CANDIDATE_CHARS = 1_000;

/** simple-peer's signal payloads: an SDP, an ICE candidate, or its renegotiation requests. */
const signalData = z.discriminatedUnion("type", [
  z.object({ type: z.enum(["offer", "answer", "pranswer", "rollback"]), sdp: z.string().max(MAX_SDP_CHARS).optional() }).strict(),
  z
    .object({
      type: z.literal("candidate"),
      candidate: z
        .object({
          candidate: z.string().max(MAX_CANDIDATE_CHARS),
          sdpMid: z.string().max(64).nullable().optional(),
          sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
          usernameFragment: z.string().max(256).nullable().optional(),
        })
        .strict(),
    })
    .strict(),
  z.object({ type: z.literal("renegotiate"), renegotiate: z.literal(true) }).strict(),
  z
    .object({
      type: z.literal("transceiverRequest"),
      transceiverRequest: z.object({ kind: z.enum(["audio", "video"]), init: z.object({}).passthrough().optional() }).strict(),
    })
    .strict(),
]);
export type SignalData = z.infer<typeof signalData>;

export const conversationMessages = {
  /** Relay WebRTC signalling to one member of the sender's own conversation. */
  [ClientMessage.Signal]: clientMessage(
    z.object({ to: sessionId, data: signalData }).strict(),
    {
      // Joining a conversation of 5 sends an offer or answer plus a dozen ICE candidates to each peer.
      burst: 120,
      perSecond: 40,
      // An SDP is 3–20 KB (MAX_SDP_CHARS caps it at 32,000 characters), past the general MAX_MESSAGE_BYTES;
      // the WebSocket's own 64 KB frame limit still bounds everything.
      maxBytes: 36 * 1024,
    },
  ),
  /** Leave the current conversation (the "Leave call" button); the room keeps us out until we walk away from it. */
  [ClientMessage.LeaveConversation]: clientMessage(
    z.object({}).strict(),
    {
      // Leaving a call is a deliberate click; a few in a row (double clicks, key repeats) are harmless.
      burst: 3,
      perSecond: 0.5,
    },
  ),
  /** Our microphone and camera on or off (false too when we have none), shown on others' tiles of us. */
  [ClientMessage.SetCallMedia]: clientMessage(
    z.object({ mic: z.boolean(), camera: z.boolean() }).strict(),
    {
      // Pressing M or V by hand; the page sends at most one report per 250 ms, the last state always.
      burst: 10,
      perSecond: 4,
    },
  ),
} as const;

export interface ConversationPeer {
  /** The peer's session id (key in OfficeState.members). */
  id: string;
  name: string;
  /** True when *this* client must create the offer for this pair (exactly one side does). */
  initiator: boolean;
  /**
   * On a stage (issue 6) links are one-way: `send` false = do not send our
   * camera/microphone on this link (we listen); `receive` false = the peer sends
   * nothing to us. Absent = true (an ordinary two-way call).
   */
  send?: boolean;
  receive?: boolean;
}

export interface ServerConversationMessages {
  /**
   * Sent to a member whenever their conversation or its membership changes.
   * groupId null = in no conversation (hang up everything).
   * `full` is set when the person stands by a conversation that has reached the space's cap.
   */
  [ServerMessage.Conversation]: {
    groupId: string | null;
    peers: ConversationPeer[];
    /** `reason` says why, in words a person can be shown (e.g. "This meeting room is full (6 people)"). */
    full?: { groupId: string; size: number; reason?: string };
    /** Set in a stage conversation: whether we speak or listen, and why when we cannot speak though we expected to. */
    stage?: { role: "speaker" | "listener"; note?: string };
  };
  /** Signalling relayed from `from`, a member of the same conversation. */
  [ServerMessage.Signal]: { from: string; data: SignalData };
  /** ICE servers for this session (TURN credentials are short-lived and minted per session). */
  [ServerMessage.IceServers]: { iceServers: Array<{ urls: string | string[]; username?: string; credential?: string }> };
}
