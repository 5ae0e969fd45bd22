import { effect, signal, type ReadonlySignal } from "@preact/signals";
import type { ClientMessages } from "../../../shared/protocol/messages";
import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeUi } from "../officeUi";

export type StatusRequest = ClientMessages[typeof ClientMessage.SetStatus];

/**
 * What the person chose in the status menu. A choice made while the page is
 * reconnecting cannot be sent (the connection drops what it cannot deliver),
 * so it waits here and goes out as soon as the page is connected again; until
 * then the menu shows it as pending. Without this, the menu showed the new
 * status while the name tag (the room's state) kept the old one for good.
 */
export interface StatusChoice {
  /** A choice not yet sent (made while disconnected), or null. */
  readonly pending: ReadonlySignal<StatusRequest | null>;
  choose(request: StatusRequest): void;
  dispose(): void;
}

export function statusChoice(ui: OfficeUi): StatusChoice {
  const pending = signal<StatusRequest | null>(null);
  const connected = () => ui.state.connection.peek().status === "connected";
  // Runs when the connection state or a pending choice changes: deliver it once there is a socket.
  const dispose = effect(() => {
    const waiting = pending.value;
    if (!waiting || ui.state.connection.value.status !== "connected") return;
    pending.value = null;
    ui.send(ClientMessage.SetStatus, waiting);
  });
  return {
    pending,
    choose(request) {
      if (connected()) {
        pending.value = null;
        ui.send(ClientMessage.SetStatus, request);
      } else {
        pending.value = request;
      }
    },
    dispose,
  };
}
