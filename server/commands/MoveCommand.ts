import type { Client } from "@colyseus/core";
import type { ClientMessages } from "../../shared/protocol/messages";
import type { ClientMessage } from "../../shared/protocol/names";
import type { Reject } from "../net/MessageGuard";
import type { MovementSystem } from "../systems/MovementSystem";

/**
 * A client's move input: queued for the movement system, which applies it on
 * a later tick. Stale inputs (seq not increasing) are dropped silently: they
 * are normal after a resend and say nothing the client needs to hear.
 */
export function moveCommand(
  movement: MovementSystem,
  client: Client,
  input: ClientMessages[typeof ClientMessage.Move],
  reject: Reject,
): void {
  const result = movement.enqueue(client.sessionId, input);
  if (result === "full") reject("too many moves");
}
