import type { Client } from "@colyseus/core";
import {
  CHAT_HISTORY_SEND,
  historyKey,
  isKeptKey,
  routeChat,
  type ChatAddress,
  type ChatPerson,
} from "../../../shared/chat/chatRules";
import type { ChatLine } from "../../../shared/protocol/chatMessages";
import type { ServerMessages } from "../../../shared/protocol/messages";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import { TokenBucket } from "../../net/TokenBucket";
import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import type { MemberState } from "../../schema/MemberState";
import { roomConversations } from "../conversations/conversationFeature";
import type { ChatStore, StoredChatLine } from "./ChatStore";
import { MemoryChatStore } from "./MemoryChatStore";

/** Per person (all their tabs together): the guard's per-session limit alone would multiply with tabs. */
export const MEMBER_CHAT_LIMIT = { burst: 8, perSecond: 1 };

/**
 * Text chat in a room: routes each line by the shared rules (who receives
 * what), stores kept channels, and answers history requests. The "everyone"
 * history is sent on join; others when the page opens that channel.
 */
export function createChatFeature(context: RoomContext, now: () => number = Date.now): RoomFeature {
  const store: ChatStore = context.deps.chat ?? new MemoryChatStore();
  const buckets = new Map<string, TokenBucket>();
  let lineCounter = 0;

  const people = (): ChatPerson[] => {
    const conversations = roomConversations(context.room);
    const list: ChatPerson[] = [];
    context.state.members.forEach((m, sessionId) => {
      list.push({ sessionId, memberId: m.memberId, zone: m.zone, group: conversations?.groupOf(sessionId) });
    });
    return list;
  };
  const personOf = (sessionId: string): ChatPerson | undefined => people().find((p) => p.sessionId === sessionId);

  const sendHistory = async (client: Client, address: ChatAddress, reader: ChatPerson): Promise<void> => {
    const key = historyKey(address, reader);
    if (key === null) {
      const empty: ServerMessages[typeof ServerMessage.ChatHistory] = { channel: address.channel, key: "", lines: [] };
      client.send(ServerMessage.ChatHistory, withPeer(empty, address));
      return;
    }
    const lines = await store.recent(context.space, key, CHAT_HISTORY_SEND);
    const history: ServerMessages[typeof ServerMessage.ChatHistory] = {
      channel: address.channel,
      key,
      lines: lines.map((line) => ({ ...line, from: "" })),
    };
    client.send(ServerMessage.ChatHistory, withPeer(history, address));
  };

  context.guard.on(ClientMessage.ChatSend, async (client, payload, reject) => {
    const sender = personOf(client.sessionId);
    const member = context.state.members.get(client.sessionId);
    if (!sender || !member) return reject("you are not in the room");
    let bucket = buckets.get(sender.memberId);
    if (!bucket) {
      bucket = new TokenBucket(MEMBER_CHAT_LIMIT.burst, MEMBER_CHAT_LIMIT.perSecond);
      buckets.set(sender.memberId, bucket);
    }
    if (!bucket.take()) return reject("rate limited");
    const address: ChatAddress = payload.channel === "dm" ? { channel: "dm", to: payload.to } : { channel: payload.channel };
    const routed = routeChat(address, sender, people());
    if (!routed.ok) return reject(routed.reason);
    const base = {
      channel: payload.channel,
      key: routed.key,
      fromMember: sender.memberId,
      name: member.name,
      ...(payload.channel === "dm" ? { to: payload.to } : {}),
      text: payload.text,
      at: now(),
    };
    const deliver = (stored: StoredChatLine) => {
      const line: ChatLine = { ...stored, from: client.sessionId };
      // Recipients are looked up again: someone may have left while the line was being stored.
      for (const id of routed.recipients) context.client(id)?.send(ServerMessage.Chat, line);
    };
    if (!isKeptKey(routed.key)) {
      deliver({ ...base, id: `t${now().toString(36)}-${++lineCounter}` });
      return;
    }
    deliver(await store.append(context.space, base));
  }, { failure: "the message could not be saved; try again" });

  context.guard.on(
    ClientMessage.ChatHistory,
    (client, address, reject) => {
      const reader = personOf(client.sessionId);
      if (!reader) return reject("you are not in the room");
      return sendHistory(client, address, reader);
    },
    { failure: "the chat history could not be read; try again" },
  );

  // On arrival the history follows the join instead of holding it up (the store may be slow or down).
  const everyoneHistory = (client: Client, member: MemberState) =>
    context.background(
      "sending the chat history",
      sendHistory(client, { channel: "everyone" }, { sessionId: client.sessionId, memberId: member.memberId, zone: member.zone, group: undefined }),
    );

  return {
    onJoin: everyoneHistory,
    // Lines sent while the socket was down were missed; the page replaces its copy of the history.
    onReconnect: everyoneHistory,
    onLeave(_sessionId, member) {
      const stillHere = [...context.state.members.values()].some((m) => m !== member && m.memberId === member.memberId);
      if (!stillHere) buckets.delete(member.memberId);
    },
  };
}

function withPeer<T extends { with?: string }>(history: T, address: ChatAddress): T {
  return address.channel === "dm" ? { ...history, with: address.to } : history;
}
