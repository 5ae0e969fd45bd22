import type { PresenceStatus } from "../proximity/types";
import { knockPolicy } from "./effectiveStatus";

/**
 * Knocks waiting for an answer, as pure state with `now` passed in. The room
 * owns one per space; it sends the notifications and starts the conversation
 * an accepted knock leads to.
 */

/** An unanswered knock lapses after this long. */
export const KNOCK_TTL_MS = 60_000;
/** After a decline the same person may not knock on the same door again for this long. */
export const KNOCK_DECLINE_COOLDOWN_MS = 30_000;
/** Knocks one person may have waiting at once; more are refused. */
export const MAX_WAITING_KNOCKS = 5;

export interface Knock {
  from: string;
  to: string;
  at: number;
}

export type KnockRefusal = "self" | "walk-up" | "unreachable" | "pending" | "cooldown" | "busy-door";

export const KNOCK_REFUSAL_TEXT: Readonly<Record<KnockRefusal, string>> = {
  self: "you cannot knock on your own door",
  "walk-up": "they are available: just walk up to them",
  unreachable: "they are away",
  pending: "you already knocked; wait for an answer",
  cooldown: "they declined a moment ago; try again later",
  "busy-door": "too many people are waiting for them",
};

export type KnockAnswer = "accepted" | "declined";

export class KnockBook {
  /** Keyed by `${to}\n${from}`; ids never contain newlines. */
  private readonly waiting = new Map<string, Knock>();
  private readonly cooldownUntil = new Map<string, number>();

  /** Records a knock from `from` on `to`, who currently shows `toStatus`. */
  request(from: string, to: string, toStatus: PresenceStatus, now: number): { ok: true } | { ok: false; reason: KnockRefusal } {
    if (from === to) return { ok: false, reason: "self" };
    const policy = knockPolicy(toStatus);
    if (policy !== "knock") return { ok: false, reason: policy };
    const key = keyOf(from, to);
    if (this.waiting.has(key)) return { ok: false, reason: "pending" };
    const until = this.cooldownUntil.get(key);
    if (until !== undefined && now < until) return { ok: false, reason: "cooldown" };
    if (this.waitingFor(to).length >= MAX_WAITING_KNOCKS) return { ok: false, reason: "busy-door" };
    this.cooldownUntil.delete(key);
    this.waiting.set(key, { from, to, at: now });
    return { ok: true };
  }

  /** `to` answers `from`'s knock; null when there is no such knock (answered, lapsed or withdrawn). */
  answer(to: string, from: string, accept: boolean, now: number): KnockAnswer | null {
    const key = keyOf(from, to);
    const knock = this.waiting.get(key);
    if (!knock || now >= knock.at + KNOCK_TTL_MS) {
      this.waiting.delete(key);
      return null;
    }
    this.waiting.delete(key);
    if (!accept) this.cooldownUntil.set(key, now + KNOCK_DECLINE_COOLDOWN_MS);
    return accept ? "accepted" : "declined";
  }

  /** Removes and returns the knocks that lapsed by `now`. */
  expire(now: number): Knock[] {
    const lapsed: Knock[] = [];
    for (const [key, knock] of this.waiting) {
      if (now >= knock.at + KNOCK_TTL_MS) {
        this.waiting.delete(key);
        lapsed.push(knock);
      }
    }
    for (const [key, until] of this.cooldownUntil) if (now >= until) this.cooldownUntil.delete(key);
    return lapsed;
  }

  /** Someone left: drops every knock by or on them and returns those. */
  forget(id: string): Knock[] {
    const dropped: Knock[] = [];
    for (const [key, knock] of this.waiting) {
      if (knock.from === id || knock.to === id) {
        this.waiting.delete(key);
        dropped.push(knock);
      }
    }
    for (const key of this.cooldownUntil.keys()) {
      const [to, from] = key.split("\n");
      if (to === id || from === id) this.cooldownUntil.delete(key);
    }
    return dropped;
  }

  /** Knocks waiting on `to`'s door, oldest first. */
  waitingFor(to: string): Knock[] {
    return [...this.waiting.values()].filter((k) => k.to === to).sort((a, b) => a.at - b.at);
  }

  get size(): number {
    return this.waiting.size;
  }
}

function keyOf(from: string, to: string): string {
  return `${to}\n${from}`;
}
