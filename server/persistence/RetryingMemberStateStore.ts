import type { DeskClaim, MemberStateStore, SavedStatus } from "../deps";
import type { Logger } from "../log";
import type { DatabaseHealth } from "./DatabaseHealth";
import { RetryQueue } from "./RetryQueue";

type PendingWrite =
  | { kind: "status"; memberId: string; space: string; status: SavedStatus }
  | { kind: "desk"; memberId: string; space: string; deskId: string | null };

/**
 * Chosen statuses and desk releases survive a database outage: they are kept
 * (the latest per member, space and kind) and written in the background with
 * backoff, like positions, and reads see them before they are written, so a
 * person reconnecting meanwhile gets their own status back.
 *
 * Desk claims stay strict: the database decides whether the assignee is a
 * member of the space at all, and a refusal must reach the claimer, so a
 * claim is written in its turn and its caller waits for the answer. While the
 * database is known to be away a claim is refused at once ("try again")
 * instead of hanging until the driver gives up.
 */
export class RetryingMemberStateStore implements MemberStateStore {
  private readonly queue: RetryQueue<PendingWrite, boolean>;

  constructor(
    private readonly inner: MemberStateStore,
    private readonly health: DatabaseHealth,
    log?: Logger,
  ) {
    this.queue = new RetryQueue<PendingWrite, boolean>({
      name: "status and desk changes",
      write: async (w) => {
        if (w.kind === "desk") return inner.setDesk(w.memberId, w.space, w.deskId);
        await inner.saveStatus(w.memberId, w.space, w.status);
        return true;
      },
      health,
      log,
    });
  }

  /** Changes not yet written. */
  get backlog(): number {
    return this.queue.size;
  }

  loadStatus(memberId: string, space: string): Promise<SavedStatus | null> {
    const waiting = this.queue.get(key("status", memberId, space));
    if (waiting?.kind === "status") return Promise.resolve({ ...waiting.status });
    return this.inner.loadStatus(memberId, space);
  }

  async saveStatus(memberId: string, space: string, status: SavedStatus): Promise<void> {
    this.queue.put(key("status", memberId, space), { kind: "status", memberId, space, status: { ...status } });
  }

  async loadDesks(space: string): Promise<{ policy: "anyone" | "admins"; claims: DeskClaim[] }> {
    const stored = await this.inner.loadDesks(space);
    // Releases still waiting are already true in the room: do not bring those desks back.
    const released = new Set(
      this.queue.values().flatMap((w) => (w.kind === "desk" && w.space === space && w.deskId === null ? [w.memberId] : [])),
    );
    return { policy: stored.policy, claims: stored.claims.filter((c) => !released.has(c.memberId)) };
  }

  /**
   * A release (null) is kept and retried and answers true at once: nothing a
   * database could say would make it wrong. A claim waits for the database.
   */
  async setDesk(memberId: string, space: string, deskId: string | null): Promise<boolean> {
    const k = key("desk", memberId, space);
    if (deskId === null) {
      this.queue.put(k, { kind: "desk", memberId, space, deskId });
      return true;
    }
    if (!this.health.healthy) throw new Error("the database is unavailable");
    return this.queue.putAndWait(k, { kind: "desk", memberId, space, deskId });
  }

  /** Writes everything waiting; resolves when the backlog is empty or `timeoutMs` passed. */
  drain(timeoutMs = 8000): Promise<boolean> {
    return this.queue.drain(timeoutMs);
  }

  close(): void {
    this.queue.close();
  }
}

function key(kind: PendingWrite["kind"], memberId: string, space: string): string {
  return `${kind}\u0000${space}\u0000${memberId}`;
}
