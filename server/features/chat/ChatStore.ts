import type { ChatChannel } from "../../../shared/chat/chatRules";

/** A chat line as the store keeps it. */
export interface StoredChatLine {
  id: string;
  channel: ChatChannel;
  key: string;
  fromMember: string;
  name: string;
  to?: string;
  text: string;
  at: number;
}

/** Chat history of spaces: the last `keep` lines per key. */
export interface ChatStore {
  /** Keeps a line (the store assigns its id) and drops lines beyond the newest `keep` of its key. */
  append(space: string, line: Omit<StoredChatLine, "id">): Promise<StoredChatLine>;
  /** The newest `limit` lines of a key, oldest first. */
  recent(space: string, key: string, limit: number): Promise<StoredChatLine[]>;
}
