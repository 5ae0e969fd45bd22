/** Conversation groups by proximity (issue 4): the public API of shared/proximity. */
export { computeGroups, EAR_OFFSET_Y } from "./computeGroups";
export { diffGroups, type GroupDiff, type MembershipChange } from "./diffGroups";
export { initiates, initiatorOf } from "./initiator";
export { GroupingScratch } from "./scratch";
export {
  DEFAULT_GROUPING_SETTINGS,
  DEFAULT_TILE_SIZE,
  resolveGroupingSettings,
  assertValidGroupingSettings,
  type GroupingSettings,
} from "./settings";
export { conversationZoneKey, SEPARATING_ZONE_TYPES } from "./zoneKey";
export { PRESENCE_STATUSES } from "./types";
export type {
  ConversationZoneKey,
  GroupingInput,
  GroupingResult,
  PresenceStatus,
  PreviousGrouping,
  ProximityPerson,
  RefusedJoin,
} from "./types";
export {
  planConversations,
  pinGroupId,
  zoneGroupId,
  type ConversationPlan,
  type PinnedGroup,
  type PlannedRefusal,
  type PolicyInput,
  type PolicyPerson,
  type RefusalReason,
} from "./zonePolicy";
