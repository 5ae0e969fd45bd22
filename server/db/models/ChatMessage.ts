import { Schema, type Connection, type Model, type Types } from "mongoose";
import { CHAT_CHANNELS, CHAT_TEXT_MAX, type ChatChannel } from "../../../shared/chat/chatRules";

/** One chat line kept for history ("everyone", a zone, or a direct-message thread of a space). */
export interface ChatMessageDoc {
  _id: Types.ObjectId;
  /** Space slug. */
  space: string;
  /** History key (shared/chat/chatRules): "everyone", "zone:<name>", "dm:<a>|<b>". */
  key: string;
  channel: ChatChannel;
  fromMember: string;
  name: string;
  to?: string | null;
  text: string;
  at: Date;
}

export const chatMessageSchema = new Schema<ChatMessageDoc>(
  {
    space: { type: String, required: true, maxlength: 48 },
    key: { type: String, required: true, maxlength: 200 },
    channel: { type: String, enum: CHAT_CHANNELS, required: true },
    fromMember: { type: String, required: true, maxlength: 64 },
    name: { type: String, required: true, maxlength: 64 },
    to: { type: String, default: null, maxlength: 64 },
    text: { type: String, required: true, maxlength: CHAT_TEXT_MAX },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
chatMessageSchema.index({ space: 1, key: 1, at: -1 });

export type ChatMessageModel = Model<ChatMessageDoc>;

export function chatMessageModel(connection: Connection): ChatMessageModel {
  return (
    (connection.models.ChatMessage as ChatMessageModel | undefined) ??
    connection.model<ChatMessageDoc>("ChatMessage", chatMessageSchema)
  );
}
