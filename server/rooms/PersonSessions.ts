import { Protocol, type Client, type Deferred } from "@colyseus/core";
import type { ServerMessages } from "../../shared/protocol/messages";
import { ServerMessage } from "../../shared/protocol/names";

/** What the replaced connection is told before it is closed (4000: the page does not come back by itself). */
export const REPLACED_REASON = "You opened this office in another tab or window, so this one was closed.";
/** A replaced session that has not finished leaving by then is not waited for any longer. */
const LEAVE_WAIT_MS = 5000;

/**
 * One connection per person per space: a newer connection of the same person
 * replaces the earlier one, connected or held for a reconnection. The room
 * waits for the earlier session to finish leaving (its spot saved, its seat
 * freed) before placing the newer one, so the person is never in the room twice.
 */
export class PersonSessions {
  private readonly held = new Map<string, Deferred<Client>>();
  private readonly departures = new Map<string, Array<() => void>>();

  constructor(private readonly connected: (sessionId: string) => Client | undefined) {}

  /** A dropped session's pending reconnection, which a newer connection may cancel. */
  hold(sessionId: string, reconnection: Deferred<Client>): Deferred<Client> {
    this.held.set(sessionId, reconnection);
    return reconnection;
  }

  /** The reconnection came back or lapsed. */
  unhold(sessionId: string): void {
    this.held.delete(sessionId);
  }

  /** Ends `sessionId`, telling it why; resolves once its leave has been handled (or after LEAVE_WAIT_MS). */
  replace(sessionId: string): Promise<void> {
    const gone = new Promise<void>((resolve) => {
      const list = this.departures.get(sessionId) ?? [];
      list.push(resolve);
      this.departures.set(sessionId, list);
      setTimeout(resolve, LEAVE_WAIT_MS).unref?.();
    });
    const client = this.connected(sessionId);
    if (client) {
      const notice: ServerMessages[typeof ServerMessage.Removed] = { banned: false, reason: REPLACED_REASON };
      client.send(ServerMessage.Removed, notice);
      client.leave(Protocol.WS_CLOSE_CONSENTED);
    } else {
      this.held.get(sessionId)?.reject(new Error("replaced by a newer connection"));
    }
    return gone;
  }

  /** The room finished the leave of `sessionId`. */
  left(sessionId: string): void {
    this.held.delete(sessionId);
    for (const resolve of this.departures.get(sessionId) ?? []) resolve();
    this.departures.delete(sessionId);
  }
}
