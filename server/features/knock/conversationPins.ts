import { roomConversations } from "../conversations/conversationFeature";
import type { RoomContext } from "../../rooms/RoomFeature";
import type { ConversationPins } from "./KnockPins";

/**
 * The conversation feature's pins for this room, looked up on each use so the
 * order of features in roomFeatures.ts does not matter.
 */
export function conversationPinsOf(context: RoomContext): () => ConversationPins | null {
  return () => roomConversations(context.room) ?? null;
}
