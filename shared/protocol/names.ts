/**
 * Every message name on the wire, in one place. Server and client import these
 * constants; no other module spells a message name. Payload schemas live in the
 * per-feature files beside this one and are gathered in messages.ts.
 */

/** Bumped whenever a message's shape changes incompatibly. */
export const PROTOCOL_VERSION = 1;

/** Messages a client sends to the office room. */
export const ClientMessage = {
  Move: "move",
  Signal: "signal",
  SetStatus: "set-status",
  SetIdle: "set-idle",
  FocusTimer: "focus-timer",
  Knock: "knock",
  KnockAnswer: "knock-answer",
  Sit: "sit",
  Stand: "stand",
  ClaimDesk: "claim-desk",
  ReleaseDesk: "release-desk",
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
} as const;
export type ServerMessageName = (typeof ServerMessage)[keyof typeof ServerMessage];

/** The Colyseus room type that hosts one office space. */
export const OFFICE_ROOM = "office";
