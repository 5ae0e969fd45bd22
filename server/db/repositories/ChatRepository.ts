import { CHAT_HISTORY_KEEP } from "../../../shared/chat/chatRules";
import type { ChatStore, StoredChatLine } from "../../features/chat/ChatStore";
import type { Models } from "../models";
import type { ChatMessageDoc } from "../models/ChatMessage";

/** Trimming looks for surplus lines once per this many appends to a key (a burst may briefly exceed `keep`). */
const TRIM_EVERY = 20;

/** Chat history in MongoDB: the newest `keep` lines per space and key. */
export class ChatRepository implements ChatStore {
  private readonly appends = new Map<string, number>();

  constructor(
    private readonly models: Models,
    private readonly keep = CHAT_HISTORY_KEEP,
  ) {}

  async append(space: string, line: Omit<StoredChatLine, "id">): Promise<StoredChatLine> {
    const doc = await this.models.ChatMessage.create({ ...line, to: line.to ?? null, space, at: new Date(line.at) });
    const counter = `${space}\u0000${line.key}`;
    const count = (this.appends.get(counter) ?? 0) + 1;
    this.appends.set(counter, count % TRIM_EVERY);
    // The first append of a key in this process trims too, so a restart does not let a key grow unbounded.
    if (count === 1 || count % TRIM_EVERY === 0) await this.trim(space, line.key);
    return toLine(doc.toObject());
  }

  /** Every line of a deleted space. */
  async removeAllOf(space: string): Promise<void> {
    await this.models.ChatMessage.deleteMany({ space }).exec();
  }

  async recent(space: string, key: string, limit: number): Promise<StoredChatLine[]> {
    const docs = await this.models.ChatMessage.find({ space, key })
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .lean<ChatMessageDoc[]>()
      .exec();
    return docs.reverse().map(toLine);
  }

  /** Drops every line of a key older than its newest `keep`. */
  async trim(space: string, key: string): Promise<void> {
    const oldestKept = await this.models.ChatMessage.find({ space, key })
      .sort({ at: -1, _id: -1 })
      .skip(this.keep - 1)
      .limit(1)
      .lean<ChatMessageDoc[]>()
      .exec();
    const edge = oldestKept[0];
    if (!edge) return;
    await this.models.ChatMessage.deleteMany({
      space,
      key,
      $or: [{ at: { $lt: edge.at } }, { at: edge.at, _id: { $lt: edge._id } }],
    }).exec();
  }
}

function toLine(doc: ChatMessageDoc): StoredChatLine {
  return {
    id: doc._id.toHexString(),
    channel: doc.channel,
    key: doc.key,
    fromMember: doc.fromMember,
    name: doc.name,
    ...(doc.to ? { to: doc.to } : {}),
    text: doc.text,
    at: doc.at.getTime(),
  };
}
