import type { ServerMediaMessages } from "../shared/protocol/mediaMessages";
import { ClientMessage, ServerMessage } from "../shared/protocol/names";
import type { TestClient } from "../server/test/harness";
import { peerConnection, subscriberAnswer, type MediaRoute, type RTCPeerConnection } from "../server/test/mediaHarness";

type Offer = ServerMediaMessages[typeof ServerMessage.MediaOffer];

/**
 * A light stage listener for benchmarks: a colyseus.js room client that does
 * what a listener's page does through the media server (client/media/JanusPath.ts),
 * with werift (pure TypeScript WebRTC) instead of a browser. It waits for the
 * room's media-route, asks the room for each feed the route lists, answers the
 * offer the room relays from Janus with every candidate in the SDP, and counts
 * the RTP bytes that arrive. It never talks to Janus's API: the room decides
 * what it may see. It decodes nothing, so it costs far less than a page.
 */
export class JanusListener {
  private readonly pcs = new Map<string, RTCPeerConnection>();
  private readonly asked = new Set<string>();
  /** RTP bytes received (headers and payload), over all feeds. */
  bytes = 0;

  constructor(readonly client: TestClient) {
    const room = client.room;
    room.onMessage(ServerMessage.MediaRoute, (route: MediaRoute) => this.route(route));
    room.onMessage(ServerMessage.MediaOffer, (offer: Offer) => void this.offered(offer));
    room.onMessage(ServerMessage.MediaEnded, ({ feed }: { feed: string | null }) => feed && this.drop(feed));
    // A route the room sent before these handlers existed went to the client's catch-all list.
    const early = client.messages<MediaRoute>(ServerMessage.MediaRoute).at(-1);
    if (early) this.route(early);
  }

  async close(): Promise<void> {
    await Promise.all([...this.pcs.values()].map((pc) => pc.close().catch(() => undefined)));
    this.pcs.clear();
    await this.client.leave().catch(() => undefined);
  }

  private route(route: MediaRoute): void {
    const wanted = route.via === "janus" ? new Set(route.feeds.map((f) => f.id)) : new Set<string>();
    for (const feed of [...this.pcs.keys()]) if (!wanted.has(feed)) this.drop(feed);
    for (const feed of wanted) {
      if (this.pcs.has(feed) || this.asked.has(feed)) continue;
      this.asked.add(feed);
      this.client.room.send(ClientMessage.MediaSubscribe, { feed });
    }
  }

  private async offered({ feed, sdp }: Offer): Promise<void> {
    this.asked.delete(feed);
    this.drop(feed);
    const pc = peerConnection();
    this.pcs.set(feed, pc);
    pc.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe((rtp) => (this.bytes += rtp.serializeSize));
    });
    const answer = await subscriberAnswer(pc, sdp);
    if (this.pcs.get(feed) === pc) this.client.room.send(ClientMessage.MediaAnswer, { feed, sdp: answer });
  }

  private drop(feed: string): void {
    const pc = this.pcs.get(feed);
    this.pcs.delete(feed);
    void pc?.close().catch(() => undefined);
  }
}
