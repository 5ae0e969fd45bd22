import type { HandleEvent, JanusHandle, JanusSession, Jsep } from "./JanusSession";
import type { VideoRoomAccess } from "./VideoRooms";

/**
 * One person's handles in one VideoRoom: a publisher (their camera and
 * microphone, published once) and a subscriber per feed they may see. The
 * handles are the server's; the browser reaches them only through the room's
 * media messages. Detaching a handle is how access ends: Janus closes that
 * PeerConnection and, for the publisher, leaves the room.
 */

export const VIDEOROOM = "janus.plugin.videoroom";

export interface ParticipantEvents {
  /** A handle's PeerConnection went away on Janus's side (hangup, detached). */
  ended(feed: string | null, reason: string): void;
  /** Our publisher's PeerConnection is up in Janus (webrtcup): subscribers can have its media now. */
  live(feedId: number): void;
}

interface Subscription {
  handle: JanusHandle;
  ready: Promise<Jsep>;
}

export class JanusParticipant {
  private publisher: { handle: JanusHandle; feedId: Promise<number> } | null = null;
  private readonly subscriptions = new Map<string, Subscription>();
  private publisherPrivateId: number | undefined;
  private disposed = false;

  constructor(
    private readonly session: JanusSession,
    readonly roomKey: string,
    private readonly access: VideoRoomAccess,
    private readonly display: string,
    private readonly events: ParticipantEvents,
  ) {}

  /** Janus's feed id of our publisher, once published. */
  async feedId(): Promise<number | undefined> {
    return this.publisher ? this.publisher.feedId.catch(() => undefined) : undefined;
  }

  get publishing(): boolean {
    return this.publisher !== null;
  }

  /** Joins as publisher and publishes the browser's offer; resolves with Janus's answer. Replaces an earlier publisher. */
  async publish(offer: string): Promise<string> {
    await this.unpublish();
    const handle = await this.session.attach(VIDEOROOM);
    if (this.disposed) {
      await handle.detach();
      throw new Error("left the media room");
    }
    let resolveFeed!: (id: number) => void;
    let rejectFeed!: (error: Error) => void;
    const feedId = new Promise<number>((resolve, reject) => {
      resolveFeed = resolve;
      rejectFeed = reject;
    });
    feedId.catch(() => undefined);
    this.publisher = { handle, feedId };
    handle.onEvent((event) => this.onHandleEvent(null, handle, event));
    try {
      const reply = await handle.request(
        { request: "joinandconfigure", ptype: "publisher", room: this.access.room, pin: this.access.pin, display: this.display.slice(0, 64), audio: true, video: true },
        { type: "offer", sdp: offer },
      );
      const id = reply.data.id;
      if (typeof id !== "number" || !reply.jsep) throw new Error("Janus did not accept the publisher");
      this.publisherPrivateId = typeof reply.data.private_id === "number" ? reply.data.private_id : undefined;
      resolveFeed(id);
      return reply.jsep.sdp;
    } catch (error) {
      rejectFeed(error as Error);
      if (this.publisher?.handle === handle) this.publisher = null;
      await handle.detach();
      throw error;
    }
  }

  async unpublish(): Promise<void> {
    const publisher = this.publisher;
    this.publisher = null;
    await publisher?.handle.detach();
  }

  /** Subscribes to a publisher's feed; resolves with Janus's offer for the browser to answer. */
  async subscribe(feed: string, feedId: number): Promise<string> {
    await this.unsubscribe(feed);
    const handle = await this.session.attach(VIDEOROOM);
    if (this.disposed) {
      await handle.detach();
      throw new Error("left the media room");
    }
    handle.onEvent((event) => this.onHandleEvent(feed, handle, event));
    const ready = handle
      .request({
        request: "join",
        ptype: "subscriber",
        room: this.access.room,
        pin: this.access.pin,
        streams: [{ feed: feedId }],
        ...(this.publisherPrivateId !== undefined ? { private_id: this.publisherPrivateId } : {}),
      })
      .then((reply) => {
        if (!reply.jsep) throw new Error("Janus sent no offer for the feed");
        return reply.jsep;
      });
    ready.catch(() => undefined);
    this.subscriptions.set(feed, { handle, ready });
    try {
      return (await ready).sdp;
    } catch (error) {
      await this.unsubscribe(feed);
      throw error;
    }
  }

  /** The browser's answer to a feed's offer: media starts flowing. */
  async answer(feed: string, sdp: string): Promise<void> {
    const subscription = this.subscriptions.get(feed);
    if (!subscription) throw new Error("no such subscription");
    await subscription.ready;
    await subscription.handle.request({ request: "start" }, { type: "answer", sdp });
  }

  async trickle(feed: string | null, candidate: Parameters<JanusHandle["trickle"]>[0]): Promise<void> {
    const handle = feed === null ? this.publisher?.handle : this.subscriptions.get(feed)?.handle;
    if (!handle) throw new Error(feed === null ? "not publishing" : "no such subscription");
    await handle.trickle(candidate);
  }

  subscribedFeeds(): string[] {
    return [...this.subscriptions.keys()];
  }

  async unsubscribe(feed: string): Promise<void> {
    const subscription = this.subscriptions.get(feed);
    this.subscriptions.delete(feed);
    await subscription?.handle.detach();
  }

  /** Ends everything of this person in this room. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const feeds = [...this.subscriptions.keys()];
    await Promise.all([this.unpublish(), ...feeds.map((f) => this.unsubscribe(f))]);
  }

  private onHandleEvent(feed: string | null, handle: JanusHandle, event: HandleEvent): void {
    if (event.janus === "webrtcup" && feed === null && this.publisher?.handle === handle) {
      const publisher = this.publisher;
      void publisher.feedId.then((id) => {
        if (this.publisher === publisher) this.events.live(id);
      }, () => undefined);
      return;
    }
    if (event.janus !== "hangup" && event.janus !== "detached") return;
    const current = feed === null ? this.publisher?.handle : this.subscriptions.get(feed)?.handle;
    if (current !== handle) return;
    if (feed === null) this.publisher = null;
    else this.subscriptions.delete(feed);
    void handle.detach();
    this.events.ended(feed, event.reason ?? event.janus);
  }
}
