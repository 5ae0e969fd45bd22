/**
 * Who a chat line reaches and which history it joins. Pure: the server's
 * chat feature and its tests read the room through a list of people.
 */

export const CHAT_CHANNELS = ["nearby", "zone", "everyone", "dm"] as const;
export type ChatChannel = (typeof CHAT_CHANNELS)[number];

/** Longest chat line, in characters. */
export const CHAT_TEXT_MAX = 500;
/** Lines kept per channel (older ones are dropped from the store). */
export const CHAT_HISTORY_KEEP = 300;
/** Lines a client receives when it opens a channel. */
export const CHAT_HISTORY_SEND = 100;

/** One person in the room as far as chat is concerned. */
export interface ChatPerson {
  sessionId: string;
  memberId: string;
  /** Zone name, "" outside every zone. */
  zone: string;
  /** Current conversation id, undefined when in none. */
  group: string | undefined;
}

export type ChatAddress = { channel: "nearby" | "zone" | "everyone" } | { channel: "dm"; to: string };

export type Routing =
  | { ok: true; key: string; recipients: string[] }
  | { ok: false; reason: string };

/** The history key of a direct-message thread: the same for both people, whoever writes. */
export function dmKey(a: string, b: string): string {
  return a < b ? `dm:${a}|${b}` : `dm:${b}|${a}`;
}

/**
 * The key a sender's line is stored under and the sessions it is delivered to
 * (the sender's own sessions included, so other tabs stay in step).
 */
export function routeChat(address: ChatAddress, sender: ChatPerson, people: readonly ChatPerson[]): Routing {
  switch (address.channel) {
    case "everyone":
      return { ok: true, key: "everyone", recipients: people.map((p) => p.sessionId) };
    case "zone": {
      if (!sender.zone) return { ok: false, reason: "you are not in a zone" };
      const zone = sender.zone;
      return { ok: true, key: zoneKey(zone), recipients: sessionsWhere(people, (p) => p.zone === zone || p.memberId === sender.memberId) };
    }
    case "nearby": {
      if (sender.group === undefined) return { ok: false, reason: "you are not in a conversation" };
      const group = sender.group;
      return { ok: true, key: `nearby:${group}`, recipients: sessionsWhere(people, (p) => p.group === group || p.memberId === sender.memberId) };
    }
    case "dm": {
      if (address.to === sender.memberId) return { ok: false, reason: "you cannot message yourself" };
      if (!people.some((p) => p.memberId === address.to)) return { ok: false, reason: "that person is not here" };
      const to = address.to;
      return {
        ok: true,
        key: dmKey(sender.memberId, to),
        recipients: sessionsWhere(people, (p) => p.memberId === to || p.memberId === sender.memberId),
      };
    }
  }
}

/** The history a person may read for a channel: only their own zone's, and only threads they are part of. */
export function historyKey(address: ChatAddress, reader: ChatPerson): string | null {
  switch (address.channel) {
    case "everyone":
      return "everyone";
    case "zone":
      return reader.zone ? zoneKey(reader.zone) : null;
    case "nearby":
      // Conversations are short-lived; their lines are not kept.
      return null;
    case "dm":
      return address.to === reader.memberId ? null : dmKey(reader.memberId, address.to);
  }
}

/** Whether lines of this key are stored (conversation chat lasts only as long as the conversation). */
export function isKeptKey(key: string): boolean {
  return !key.startsWith("nearby:");
}

export function zoneKey(zone: string): string {
  return `zone:${zone}`;
}

function sessionsWhere(people: readonly ChatPerson[], keep: (p: ChatPerson) => boolean): string[] {
  return people.filter(keep).map((p) => p.sessionId);
}
