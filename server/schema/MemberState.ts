import { Schema, defineTypes } from "@colyseus/schema";

/**
 * One person in the room, as every client sees them. Fields only: the
 * systems and commands change them. Keyed in OfficeState.members by sessionId.
 */
export class MemberState extends Schema {
  /** = the Colyseus sessionId (the key in OfficeState.members). */
  id = "";
  /** Stable account/guest id; the same person in two tabs has two sessionIds. */
  memberId = "";
  name = "";
  avatar = "";
  /**
   * Small number naming this member in position frames (shared/protocol/positionFrame.ts),
   * unique in the room while they are in it.
   */
  num = 0;
  /**
   * Feet position in pixels. This and the fields down to `ack` are not part of
   * the replicated state: they travel in position frames, only to people near
   * enough to see them (server/features/interest).
   */
  x = 0;
  y = 0;
  /** down | left | right | up */
  facing = "down";
  moving = false;
  /** Sequence number of this member's last applied move input (for client reconciliation). */
  ack = 0;
  /** available | busy | focus | away (shared/status): decides who proximity calls reach. */
  status = "available";
  /** Free text beside the status, plain, at most 80 characters. */
  statusText = "";
  /** Name of the zone the member stands in ("" outside every zone); set by the server. */
  zone = "";
  /** Id of the desk the member sits at ("" when standing). */
  seat = "";
  /** Focus timer (shared/status/focusTimer), server clock ms since epoch; 0 when none runs. Drawn as a ring. */
  focusStart = 0;
  focusEnd = 0;
  /** owner | admin | member | guest in this space (shared/moderation), from the identity at join: clients offer Kick/Ban by it. */
  role = "guest";
  /**
   * Whether the member's microphone and camera are on, as their page reports
   * (issue 16): others' tiles show "Muted" or their name instead of a black
   * video. True until the page says otherwise (it reports once its devices open).
   */
  micOn = true;
  cameraOn = true;
}

defineTypes(MemberState, {
  id: "string",
  memberId: "string",
  name: "string",
  avatar: "string",
  num: "uint16",
  status: "string",
  statusText: "string",
  zone: "string",
  seat: "string",
  focusStart: "float64",
  focusEnd: "float64",
  role: "string",
  micOn: "boolean",
  cameraOn: "boolean",
});
