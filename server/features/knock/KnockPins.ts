import { distance, knockPinLimit } from "../../../shared/status/knockPin";
import type { RoomContext } from "../../rooms/RoomFeature";

/**
 * What the conversation feature offers other features: session ids that must
 * talk together whatever their status or distance (an agreement, not proximity).
 */
export interface ConversationPins {
  pin(key: string, ids: readonly string[]): void;
  unpin(key: string): void;
}

interface Pair {
  key: string;
  a: string;
  b: string;
  limitPx: number;
}

/**
 * The conversations accepted knocks started: pinned in the conversation feature
 * and released when either person leaves or walks clearly away (shared/status/knockPin).
 */
export class KnockPins {
  private readonly pairs = new Map<string, Pair>();

  constructor(
    private readonly context: RoomContext,
    private readonly conversations: () => ConversationPins | null,
  ) {}

  pin(a: string, b: string): void {
    const ma = this.context.state.members.get(a);
    const mb = this.context.state.members.get(b);
    if (!ma || !mb) return;
    const key = pairKey(a, b);
    this.pairs.set(key, { key, a, b, limitPx: knockPinLimit(distance(ma, mb), this.context.map.tileSize) });
    const conversations = this.conversations();
    if (conversations) conversations.pin(key, [a, b]);
    else this.context.log.warn("an accepted knock cannot start a conversation: this room has no conversation feature");
  }

  /** Someone left: their knock conversations end. */
  forget(sessionId: string): void {
    for (const pair of this.pairs.values()) if (pair.a === sessionId || pair.b === sessionId) this.release(pair);
  }

  tick(): void {
    for (const pair of this.pairs.values()) {
      const ma = this.context.state.members.get(pair.a);
      const mb = this.context.state.members.get(pair.b);
      if (!ma || !mb || distance(ma, mb) > pair.limitPx) this.release(pair);
    }
  }

  isPinned(a: string, b: string): boolean {
    return this.pairs.has(pairKey(a, b));
  }

  dispose(): void {
    for (const pair of [...this.pairs.values()]) this.release(pair);
  }

  private release(pair: Pair): void {
    this.pairs.delete(pair.key);
    this.conversations()?.unpin(pair.key);
  }
}

/** Session ids never contain "~", so the pair's key is unambiguous. */
function pairKey(a: string, b: string): string {
  return `knock-${[a, b].sort().join("~")}`;
}
