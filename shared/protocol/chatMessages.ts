import { z } from "zod";
import { clientMessage } from "./declare";
import { CHAT_TEXT_MAX, type ChatChannel } from "../chat/chatRules";
import { ClientMessage, ServerMessage } from "./names";
import { plainText } from "./text";

/**
 * Text chat: nearby (your conversation), zone, everyone, and direct messages
 * addressed by memberId. Lines are plain text; clients render them as text only.
 */

const memberId = z.string().min(1).max(64);
const chatText = plainText(CHAT_TEXT_MAX);
const address = z.discriminatedUnion("channel", [
  z.object({ channel: z.enum(["nearby", "zone", "everyone"]) }).strict(),
  z.object({ channel: z.literal("dm"), to: memberId }).strict(),
]);

export const chatMessages = {
  /** Say something on a channel. */
  [ClientMessage.ChatSend]: clientMessage(
    z.discriminatedUnion("channel", [
      z.object({ channel: z.enum(["nearby", "zone", "everyone"]), text: chatText }).strict(),
      z.object({ channel: z.literal("dm"), to: memberId, text: chatText }).strict(),
    ]),
    {
      // Chat: a quick burst of lines, then about one a second (the chat feature also limits per member across tabs).
      burst: 5,
      perSecond: 1,
    },
  ),
  /** The recent lines of a channel (everyone arrives by itself on join). */
  [ClientMessage.ChatHistory]: clientMessage(
    address,
    {
      // Chat: a quick burst of lines, then about one a second (the chat feature also limits per member across tabs).
      burst: 10,
      perSecond: 2,
    },
  ),
} as const;

/** One chat line as clients receive it. */
export interface ChatLine {
  id: string;
  channel: ChatChannel;
  /** Which history it belongs to: "everyone", "zone:<name>", "nearby:<group>", "dm:<a>|<b>". */
  key: string;
  /** Sender's session (may have left) and stable member id. */
  from: string;
  fromMember: string;
  name: string;
  /** Direct messages: the recipient's memberId. */
  to?: string;
  text: string;
  /** Server clock, ms since epoch. */
  at: number;
}

export interface ServerChatMessages {
  [ServerMessage.Chat]: ChatLine;
  /** The recent lines of one history key, oldest first; `with` is the other person of a DM thread. */
  [ServerMessage.ChatHistory]: { channel: ChatChannel; key: string; with?: string; lines: ChatLine[] };
}
