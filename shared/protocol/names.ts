/**
 * Every message name on the wire, in one place. Server and client import these
 * constants; no other module spells a message name. Payload schemas live in the
 * per-feature files beside this one and are gathered in messages.ts.
 */

/** Bumped whenever a message's shape changes incompatibly. */
export const PROTOCOL_VERSION = 2;

/** Messages a client sends to the office room. */
export const ClientMessage = {
  Move: "move",
  Signal: "signal",
  /** Hang up: leave the current conversation until walking away from it (issue 16). */
  LeaveConversation: "leave-conversation",
  /** Whether our microphone and camera are on, for others' video tiles (issue 16). */
  SetCallMedia: "set-call-media",
  SetStatus: "set-status",
  SetIdle: "set-idle",
  FocusTimer: "focus-timer",
  Knock: "knock",
  KnockAnswer: "knock-answer",
  Sit: "sit",
  Stand: "stand",
  ClaimDesk: "claim-desk",
  ReleaseDesk: "release-desk",
  Moderate: "moderate",
  // Chat and finding people (issue 9).
  ChatSend: "chat-send",
  ChatHistory: "chat-history",
  Wave: "wave",
  Ring: "ring",
  RingAnswer: "ring-answer",
  Emote: "emote",
  Follow: "follow",
  Locate: "locate",
  SetProfile: "set-profile",
  // Meetups, stages and zone locks (issue 6).
  MeetupList: "meetup-list",
  MeetupSchedule: "meetup-schedule",
  MeetupEdit: "meetup-edit",
  MeetupAction: "meetup-action",
  MeetupHost: "meetup-host",
  RaiseHand: "raise-hand",
  ZoneLock: "zone-lock",
  ZoneKnock: "zone-knock",
  ZoneKnockAnswer: "zone-knock-answer",
  // The media server path (issue 19): signalling with Janus, through the room.
  MediaPublish: "media-publish",
  MediaSubscribe: "media-subscribe",
  MediaAnswer: "media-answer",
  MediaCandidate: "media-candidate",
  // Screen sharing (issue 19).
  ShareScreen: "share-screen",
} as const;
export type ClientMessageName = (typeof ClientMessage)[keyof typeof ClientMessage];

/** Messages the office room sends to clients (state itself travels as Colyseus schema patches). */
export const ServerMessage = {
  Welcome: "welcome",
  Rejected: "rejected",
  Conversation: "conversation",
  Signal: "signal",
  IceServers: "ice-servers",
  Knock: "knock",
  KnockClosed: "knock-closed",
  KnockResult: "knock-result",
  FocusTimerEnded: "focus-timer-ended",
  Removed: "removed",
  Database: "database",
  /** The space's active map changed: the office closes and everyone comes back on the new one. */
  MapChanged: "map-changed",
  /** Raw bytes, not a payload: a position frame (shared/protocol/positionFrame.ts). */
  Positions: "pos",
  // Chat and finding people (issue 9).
  Chat: "chat",
  ChatHistory: "chat-history",
  Waved: "waved",
  Ring: "ring",
  RingClosed: "ring-closed",
  RingResult: "ring-result",
  Emote: "emote",
  Located: "located",
  FollowEnded: "follow-ended",
  // Meetups, stages and zone locks (issue 6).
  Meetups: "meetups",
  MeetupStarted: "meetup-started",
  MeetupMuted: "meetup-muted",
  ZoneLocks: "zone-locks",
  ZoneKnock: "zone-knock",
  ZoneKnockResult: "zone-knock-result",
  // The media server path (issue 19).
  MediaRoute: "media-route",
  MediaPublished: "media-published",
  MediaOffer: "media-offer",
  MediaEnded: "media-ended",
  // Screen sharing (issue 19).
  ScreenShares: "screen-shares",
} as const;
export type ServerMessageName = (typeof ServerMessage)[keyof typeof ServerMessage];

/** The Colyseus room type that hosts one office space. */
export const OFFICE_ROOM = "office";
