import type { Client } from "@colyseus/core";

/** The part of a net.Socket a batch needs. */
interface Corkable {
  cork(): void;
  uncork(): void;
}

/**
 * Holds each client's socket writes for the length of a tick, then lets them
 * go: what the tick told a client (conversation changes, notices), the state
 * patch and the position frame leave in one system call per client instead of
 * one each. (A crowded room spends more time in socket writes than in anything
 * it computes.) Holding while held changes nothing, and one release lets
 * everything go: the patch releases what the tick held, so the writes count as
 * sending. Clients on a transport without a plain socket are simply left alone.
 */
export class SocketBatch {
  private readonly corked: Corkable[] = [];
  private holding = false;

  hold(clients: Iterable<Client>): void {
    if (this.holding) return;
    this.holding = true;
    for (const client of clients) {
      const socket = socketOf(client);
      if (!socket) continue;
      socket.cork();
      this.corked.push(socket);
    }
  }

  release(): void {
    this.holding = false;
    for (let i = 0; i < this.corked.length; i++) this.corked[i].uncork();
    this.corked.length = 0;
  }
}

function socketOf(client: Client): Corkable | null {
  // @colyseus/ws-transport keeps the `ws` WebSocket in `ref`; `ws` keeps its net.Socket in `_socket`.
  const socket = (client as unknown as { ref?: { _socket?: Partial<Corkable> } }).ref?._socket;
  return socket && typeof socket.cork === "function" && typeof socket.uncork === "function" ? (socket as Corkable) : null;
}
