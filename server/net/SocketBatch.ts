import type { Client } from "@colyseus/core";

/** The part of a net.Socket a batch needs. */
interface Corkable {
  cork(): void;
  uncork(): void;
}

/**
 * Holds each client's socket writes from the start of a patch until its
 * position frame has been queued too, then lets them go: the state patch and
 * the frame leave in one system call per client instead of two. (A crowded
 * room spends more time in socket writes than in anything it computes.)
 * Clients on a transport without a plain socket are simply left alone.
 */
export class SocketBatch {
  private readonly corked: Corkable[] = [];

  hold(clients: Iterable<Client>): void {
    for (const client of clients) {
      const socket = socketOf(client);
      if (!socket) continue;
      socket.cork();
      this.corked.push(socket);
    }
  }

  release(): void {
    for (let i = 0; i < this.corked.length; i++) this.corked[i].uncork();
    this.corked.length = 0;
  }
}

function socketOf(client: Client): Corkable | null {
  // @colyseus/ws-transport keeps the `ws` WebSocket in `ref`; `ws` keeps its net.Socket in `_socket`.
  const socket = (client as unknown as { ref?: { _socket?: Partial<Corkable> } }).ref?._socket;
  return socket && typeof socket.cork === "function" && typeof socket.uncork === "function" ? (socket as Corkable) : null;
}
