import type { OfficeMap, ZoneType } from "../../../shared/map/types";
import { GROUPING_LIMITS } from "../../../shared/proximity/settings";
import type { MediaVia } from "../../../shared/protocol/mediaMessages";
import type { ConversationMessage } from "../conversations/ConversationSystem";

/**
 * Which way a person's media goes, decided from what the room already told
 * them (their Conversation message): through Janus for meeting rooms and
 * stages when a media server is configured and up, and for open-floor
 * conversations the OpenFloorSwitch put there (grown past the peer-to-peer
 * cap); otherwise peer to peer.
 * Who may publish and whom one may see come from the same message, so the
 * media server path grants exactly what the peer-to-peer path would.
 */
export interface MediaRouteDecision {
  via: MediaVia;
  /** The conversation's media room (its group id); null outside any. */
  roomKey: string | null;
  /** May send camera and microphone (not a stage listener). */
  publish: boolean;
  /** Session ids whose media this person may receive. */
  maySee: string[];
  /** How many may publish in this room at most (sizes the VideoRoom). */
  publishers: number;
}

/**
 * The meeting room cap through Janus (the space's peer-to-peer cap when that
 * is larger): each page sends one stream and receives one per other person.
 */
export const MEDIA_SERVER_MEETING_CAP = 16;
/** Most publishers in a Janus meeting room (everyone on camera, up to the largest cap a space may set). */
export const MEETING_ROOM_PUBLISHERS = GROUPING_LIMITS.maxGroupSize;
/** Most speakers on a Janus stage. */
export const STAGE_PUBLISHERS = 8;

export function zoneTypeOfGroup(map: OfficeMap, groupId: string): ZoneType | undefined {
  const match = /^zone-(\d+)$/.exec(groupId);
  if (!match) return undefined;
  const id = Number(match[1]);
  return map.zones.find((z) => z.id === id)?.type;
}

/** An open-floor conversation: neither a stage's nor a zone's (proximity groups, and pins on the open floor). */
export function isOpenFloor(message: ConversationMessage, map: OfficeMap): boolean {
  return message.groupId !== null && message.stage === undefined && zoneTypeOfGroup(map, message.groupId) === undefined;
}

/** `openFloorViaJanus`: whether this open-floor conversation goes through Janus now (the OpenFloorSwitch). */
export function decideRoute(
  message: ConversationMessage,
  map: OfficeMap,
  janusUp: boolean,
  openFloorViaJanus: (groupId: string) => boolean = () => false,
): MediaRouteDecision {
  const groupId = message.groupId;
  const mesh: MediaRouteDecision = { via: "mesh", roomKey: groupId, publish: true, maySee: [], publishers: 0 };
  if (!groupId || !janusUp) return mesh;
  const stage = message.stage !== undefined;
  const carried = stage || zoneTypeOfGroup(map, groupId) === "meeting" || (isOpenFloor(message, map) && openFloorViaJanus(groupId));
  if (!carried) return mesh;
  return {
    via: "janus",
    roomKey: groupId,
    publish: !stage || message.stage!.role === "speaker",
    maySee: message.peers.filter((p) => p.receive !== false).map((p) => p.id),
    publishers: stage ? STAGE_PUBLISHERS : MEETING_ROOM_PUBLISHERS,
  };
}

/** Whether this conversation would go through Janus if Janus were up (for the "unreachable" notice). */
export function wantsJanus(message: ConversationMessage, map: OfficeMap): boolean {
  return decideRoute(message, map, true).via === "janus";
}
