import { createChatFeature } from "../features/chat/chatFeature";
import { createSocialFeature } from "../features/social/socialFeature";
import { createConversationFeature } from "../features/conversations/conversationFeature";
import { createCallMediaFeature } from "../features/conversations/callMediaFeature";
import { createInterestFeature } from "../features/interest/interestFeature";
import { createDatabaseHealthFeature } from "../features/databaseHealth/databaseHealthFeature";
import { createMediaFeature } from "../features/media/mediaFeature";
import { createMetricsFeature } from "../features/metrics/metricsFeature";
import { meetupFeatures } from "../features/meetups/meetupFeatures";
import { createModerationFeature } from "../features/moderation/moderationFeature";
import { statusFeatures } from "../features/status/statusFeatures";
import { createZoneFeature } from "../features/zones/zoneTrackerFeature";
import type { RoomFeatureFactory } from "./RoomFeature";

/**
 * The features every office room runs, in hook order. A new capability adds
 * one line here and lives in its own folder; OfficeRoom does not change.
 */
export const ROOM_FEATURES: RoomFeatureFactory[] = [
  createInterestFeature,
  createMetricsFeature,
  // Zones before conversations: conversations read the zones updated in the same tick.
  createZoneFeature,
  createConversationFeature,
  // Each person's microphone and camera on/off, for others' video tiles (issue 16).
  createCallMediaFeature,
  // Stages, zone locks and meetups (issue 6); the stage takes over stage halls' conversations.
  meetupFeatures,
  // Meeting rooms and stages through Janus when JANUS_URL is set (issue 19); reads the conversations above, stages included.
  createMediaFeature,
  // Statuses, desks and knocks (issue 5); knocks pin conversations through the feature above.
  statusFeatures,
  // Chat, waves, rings, emotes, locate and follow (issue 9); chat reads conversations and zones.
  createChatFeature,
  createSocialFeature,
  // Kicks and bans by owners and admins (issue 8).
  createModerationFeature,
  // The "database unavailable" notice (issue 8).
  createDatabaseHealthFeature,
];
