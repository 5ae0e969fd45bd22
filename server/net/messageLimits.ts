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
  // Leaving a call is a deliberate click; a few in a row (double clicks, key repeats) are harmless.
  [ClientMessage.LeaveConversation]: { burst: 3, perSecond: 0.5 },
  // Pressing M or V by hand; the page sends at most one report per 250 ms, the last state always.
  [ClientMessage.SetCallMedia]: { burst: 10, perSecond: 4 },
  // People change status by hand a few times a day; the page reports idle changes at most every few seconds.
  [ClientMessage.SetStatus]: { burst: 5, perSecond: 1 },
  [ClientMessage.SetIdle]: { burst: 5, perSecond: 1 },
  [ClientMessage.FocusTimer]: { burst: 5, perSecond: 1 },
  // Knocks notify another person: keep them slow so nobody can spam a door.
  [ClientMessage.Knock]: { burst: 3, perSecond: 0.2 },
  [ClientMessage.KnockAnswer]: { burst: 10, perSecond: 2 },
  [ClientMessage.Sit]: { burst: 5, perSecond: 2 },
  [ClientMessage.Stand]: { burst: 5, perSecond: 2 },
  [ClientMessage.ClaimDesk]: { burst: 3, perSecond: 0.5 },
  [ClientMessage.ReleaseDesk]: { burst: 3, perSecond: 0.5 },
  // Removing people is rare and deliberate.
  [ClientMessage.Moderate]: { burst: 5, perSecond: 0.5 },
  // Chat: a quick burst of lines, then about one a second (the chat feature also limits per member across tabs).
  [ClientMessage.ChatSend]: { burst: 5, perSecond: 1 },
  [ClientMessage.ChatHistory]: { burst: 10, perSecond: 2 },
  // Waves and rings notify another person; emotes show to everyone.
  [ClientMessage.Wave]: { burst: 3, perSecond: 0.2 },
  [ClientMessage.Ring]: { burst: 3, perSecond: 0.2 },
  [ClientMessage.RingAnswer]: { burst: 10, perSecond: 2 },
  [ClientMessage.Emote]: { burst: 5, perSecond: 1 },
  [ClientMessage.Follow]: { burst: 10, perSecond: 2 },
  [ClientMessage.Locate]: { burst: 10, perSecond: 4 },
  [ClientMessage.SetProfile]: { burst: 3, perSecond: 0.5 },
  // Meetups are scheduled and edited by hand; host controls come in short bursts during a talk.
  // The page asks for the list once its panel is ready (and after a reconnect).
  [ClientMessage.MeetupList]: { burst: 3, perSecond: 0.5 },
  [ClientMessage.MeetupSchedule]: { burst: 3, perSecond: 0.2 },
  [ClientMessage.MeetupEdit]: { burst: 5, perSecond: 0.5 },
  [ClientMessage.MeetupAction]: { burst: 5, perSecond: 1 },
  [ClientMessage.MeetupHost]: { burst: 10, perSecond: 2 },
  [ClientMessage.RaiseHand]: { burst: 4, perSecond: 0.5 },
  [ClientMessage.ZoneLock]: { burst: 4, perSecond: 0.5 },
  // A knock on a locked zone notifies everyone inside: as slow as knocking on a person's door.
  [ClientMessage.ZoneKnock]: { burst: 3, perSecond: 0.2 },
  [ClientMessage.ZoneKnockAnswer]: { burst: 10, perSecond: 2 },
  // Through Janus: one publish per conversation, one subscribe and answer per feed (a 16-person room: 15), candidates for each.
  [ClientMessage.MediaPublish]: { burst: 4, perSecond: 1 },
  [ClientMessage.MediaSubscribe]: { burst: 40, perSecond: 20 },
  [ClientMessage.MediaAnswer]: { burst: 40, perSecond: 20 },
  [ClientMessage.MediaCandidate]: { burst: 200, perSecond: 60 },
  // Starting and stopping a share is a click (or the browser's own stop bar): a few at once, then slowly.
  [ClientMessage.ShareScreen]: { burst: 4, perSecond: 0.5 },
};

/**
 * Message types allowed past the room's general size limit (MAX_MESSAGE_BYTES).
 * An SDP offer is 3–20 KB (the protocol caps it at MAX_SDP_CHARS, 32,000 characters);
 * the WebSocket's own maxPayload (64 KB) still bounds everything.
 */
export const MESSAGE_SIZE_OVERRIDES: Partial<Record<ClientMessageName, number>> = {
  [ClientMessage.Signal]: 36 * 1024,
  [ClientMessage.MediaPublish]: 36 * 1024,
  [ClientMessage.MediaAnswer]: 36 * 1024,
};
