import { randomUUID } from "node:crypto";
import { CHAT_HISTORY_KEEP } from "../../../shared/chat/chatRules";
import type { ChatStore, StoredChatLine } from "./ChatStore";

/** History for servers without a database: kept while the process runs. */
export class MemoryChatStore implements ChatStore {
  private readonly lines = new Map<string, StoredChatLine[]>();

  constructor(private readonly keep = CHAT_HISTORY_KEEP) {}

  async append(space: string, line: Omit<StoredChatLine, "id">): Promise<StoredChatLine> {
    const stored = { ...line, id: randomUUID() };
    const id = `${space}\u0000${line.key}`;
    const list = this.lines.get(id) ?? [];
    list.push(stored);
    if (list.length > this.keep) list.splice(0, list.length - this.keep);
    this.lines.set(id, list);
    return stored;
  }

  async recent(space: string, key: string, limit: number): Promise<StoredChatLine[]> {
    return (this.lines.get(`${space}\u0000${key}`) ?? []).slice(-limit);
  }
}
