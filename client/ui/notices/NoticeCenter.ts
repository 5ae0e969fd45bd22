import { signal } from "@preact/signals";

/**
 * The page's notices (knocks, rings, waves, meetup banners, stage notes…) as
 * one list, so every feature posts to the same place and the page decides
 * where it shows. A notice with actions stays until answered or dismissed;
 * one without goes after `ttlMs`.
 */

export interface NoticeAction {
  label: string;
  /** Accessible name when the label alone is ambiguous. */
  name?: string;
  /** A data-* attribute for tests and styling, e.g. ["data-go-there", ""]. */
  data?: Record<string, string>;
  run(): void;
  /** Whether answering removes the notice (default true). */
  closes?: boolean;
}

export interface Notice {
  id: number;
  /** Kind, for replacing (one knock per person) and styling. */
  key: string;
  text: string;
  actions: NoticeAction[];
  /** Alerts interrupt (someone is knocking); the rest are polite. */
  urgent?: boolean;
  data?: Record<string, string>;
}

const DEFAULT_TTL_MS = 8000;

export class NoticeCenter {
  readonly notices = signal<readonly Notice[]>([]);
  private next = 1;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();

  /** Shows a notice, replacing any with the same key; returns its id. */
  post(notice: Omit<Notice, "id" | "actions"> & { actions?: NoticeAction[]; ttlMs?: number }): number {
    this.drop(notice.key);
    const id = this.next++;
    const actions = notice.actions ?? [];
    this.notices.value = [...this.notices.peek(), { id, key: notice.key, text: notice.text, actions, urgent: notice.urgent, data: notice.data }];
    const ttl = notice.ttlMs ?? (actions.length ? 0 : DEFAULT_TTL_MS);
    if (ttl > 0) this.timers.set(id, setTimeout(() => this.remove(id), ttl));
    return id;
  }

  /** Removes the notice with this key, if shown. */
  drop(key: string): void {
    for (const n of this.notices.peek()) if (n.key === key) this.remove(n.id);
  }

  /** Removes every notice whose key starts with `prefix`. */
  dropAll(prefix: string): void {
    for (const n of this.notices.peek()) if (n.key.startsWith(prefix)) this.remove(n.id);
  }

  remove(id: number): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
    this.notices.value = this.notices.peek().filter((n) => n.id !== id);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.notices.value = [];
  }
}
