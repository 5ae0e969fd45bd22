import type { Client } from "@colyseus/core";
import type { ClientMessages, ServerMessages } from "../../../shared/protocol/messages";
import { ServerMessage, type ClientMessage } from "../../../shared/protocol/names";
import type { Reject } from "../../net/MessageGuard";

export interface SignalRelayDeps {
  groupOf(sessionId: string): string | undefined;
  client(sessionId: string): Client | undefined;
  /** A further say on who may reach whom within a conversation (a stage's one-way links); absent = everyone. */
  mayRelay?(from: string, to: string, data: unknown): boolean;
}

/**
 * Passes WebRTC signalling (already validated by the guard) to one member of
 * the sender's conversation. Only people the room put in a conversation
 * together may reach each other this way: nobody can ring a stranger.
 */
export function relaySignal(
  deps: SignalRelayDeps,
  sender: Client,
  { to, data }: ClientMessages[typeof ClientMessage.Signal],
  reject: Reject,
): void {
  const group = deps.groupOf(sender.sessionId);
  if (to === sender.sessionId || group === undefined || deps.groupOf(to) !== group) {
    return reject("not in your conversation");
  }
  if (deps.mayRelay && !deps.mayRelay(sender.sessionId, to, data)) return reject("listeners send no media on a stage");
  const target = deps.client(to);
  // A peer whose connection dropped will be told its conversation again on reconnect and renegotiate.
  if (!target) return reject("peer is not connected");
  const message: ServerMessages[typeof ServerMessage.Signal] = { from: sender.sessionId, data };
  target.send(ServerMessage.Signal, message);
}
