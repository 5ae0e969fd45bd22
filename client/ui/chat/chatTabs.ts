import type { ChatLine } from "../../../shared/protocol/chatMessages";

/** Lines kept per tab in the page. */
export const TAB_LINES_MAX = 300;

export type TabId = "nearby" | "zone" | "everyone" | `dm:${string}`;

/** The tab a line belongs in, seen by the member `self`: DMs go to the thread with the other person. */
export function tabOf(line: Pick<ChatLine, "channel" | "fromMember" | "to">, self: string): TabId {
  if (line.channel !== "dm") return line.channel;
  const other = line.fromMember === self ? line.to : line.fromMember;
  return `dm:${other ?? ""}`;
}

/**
 * The page's chat: lines per tab (deduplicated by id, in arrival order) and
 * unread counts for tabs other than the open one. Pure, so it is tested alone.
 */
export class ChatTabs {
  private readonly lines = new Map<TabId, ChatLine[]>();
  private readonly unread = new Map<TabId, number>();
  private active: TabId = "everyone";

  constructor(private readonly self: () => string) {}

  get activeTab(): TabId {
    return this.active;
  }

  /** Adds a live line; returns its tab. Lines you sent yourself never count as unread. */
  add(line: ChatLine, visible: boolean): TabId {
    const tab = tabOf(line, this.self());
    const list = this.linesOf(tab);
    if (list.some((l) => l.id === line.id)) return tab;
    list.push(line);
    if (list.length > TAB_LINES_MAX) list.splice(0, list.length - TAB_LINES_MAX);
    if ((tab !== this.active || !visible) && line.fromMember !== this.self()) this.unread.set(tab, this.unreadOf(tab) + 1);
    return tab;
  }

  /** A channel's history replaces what the tab held (live lines after it are kept). */
  setHistory(tab: TabId, history: ChatLine[]): void {
    const ids = new Set(history.map((l) => l.id));
    const newer = this.linesOf(tab).filter((l) => !ids.has(l.id) && l.at >= (history[history.length - 1]?.at ?? 0));
    this.lines.set(tab, [...history, ...newer].slice(-TAB_LINES_MAX));
  }

  open(tab: TabId): void {
    this.active = tab;
    this.unread.delete(tab);
    this.linesOf(tab);
  }

  /** Marks the open tab read (the panel became visible). */
  markRead(): void {
    this.unread.delete(this.active);
  }

  linesOf(tab: TabId): ChatLine[] {
    let list = this.lines.get(tab);
    if (!list) {
      list = [];
      this.lines.set(tab, list);
    }
    return list;
  }

  unreadOf(tab: TabId): number {
    return this.unread.get(tab) ?? 0;
  }

  /** Direct-message threads that have been opened or received, in first-seen order. */
  threads(): TabId[] {
    return [...this.lines.keys()].filter((t) => t.startsWith("dm:"));
  }
}
