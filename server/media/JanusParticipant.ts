import type { MediaKind } from "../../shared/protocol/mediaMessages";
import type { HandleEvent, JanusHandle, JanusSession, Jsep } from "./JanusSession";
import type { VideoRoomAccess } from "./VideoRooms";

/**
 * One person's handles in one VideoRoom: a publisher per kind (their camera
 * and microphone; their shared screen while the room has accepted the share,
 * a second VideoRoom participant of its own, since one handle publishes one
 * feed) and a subscriber per feed they may see. The handles are the server's;
 * the browser reaches them only through the room's media messages. Detaching
 * a handle is how access ends: Janus closes that PeerConnection and, for a
 * publisher, leaves the room.
 */

export const VIDEOROOM = "janus.plugin.videoroom";

/** How the router and tests name a feed: the owner's session id for a camera, `<id>/screen` for a screen. */
export function feedKey(owner: string, kind: MediaKind): string {
  return kind === "camera" ? owner : `${owner}/screen`;
}

export interface ParticipantEvents {
  /** A handle's PeerConnection went away on Janus's side (hangup, detached); owner null = one of our publishers. */
  ended(owner: string | null, kind: MediaKind, reason: string): void;
  /** One of our publishers' PeerConnection is up in Janus (webrtcup): subscribers can have its media now. */
  live(kind: MediaKind, feedId: number): void;
}

interface Publisher {
  handle: JanusHandle;
  feedId: Promise<number>;
}

export interface Subscription {
  owner: string;
  kind: MediaKind;
  handle: JanusHandle;
  ready: Promise<Jsep>;
}

export class JanusParticipant {
  private readonly publishers = new Map<MediaKind, Publisher>();
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

  /** Janus's feed id of our publisher of that kind, once published. */
  async feedId(kind: MediaKind = "camera"): Promise<number | undefined> {
    return this.publishers.get(kind)?.feedId.catch(() => undefined);
  }

  isPublishing(kind: MediaKind): boolean {
    return this.publishers.has(kind);
  }

  /** Joins as a publisher of that kind and publishes the browser's offer; resolves with Janus's answer. Replaces an earlier one. */
  async publish(offer: string, kind: MediaKind = "camera"): Promise<string> {
    await this.unpublish(kind);
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
    const publisher = { handle, feedId };
    this.publishers.set(kind, publisher);
    handle.onEvent((event) => this.onPublisherEvent(kind, publisher, event));
    const display = (kind === "screen" ? `${this.display.slice(0, 48)} (screen)` : this.display).slice(0, 64);
    try {
      const reply = await handle.request(
        { request: "joinandconfigure", ptype: "publisher", room: this.access.room, pin: this.access.pin, display, audio: kind === "camera", video: true },
        { type: "offer", sdp: offer },
      );
      const id = reply.data.id;
      if (typeof id !== "number" || !reply.jsep) throw new Error("Janus did not accept the publisher");
      // Subscriptions name the camera's publisher (Janus ties a subscriber to it for moderation and pvtid checks).
      if (kind === "camera") this.publisherPrivateId = typeof reply.data.private_id === "number" ? reply.data.private_id : undefined;
      resolveFeed(id);
      return reply.jsep.sdp;
    } catch (error) {
      rejectFeed(error as Error);
      if (this.publishers.get(kind) === publisher) this.publishers.delete(kind);
      await handle.detach();
      throw error;
    }
  }

  async unpublish(kind: MediaKind = "camera"): Promise<void> {
    const publisher = this.publishers.get(kind);
    this.publishers.delete(kind);
    await publisher?.handle.detach();
  }

  /** Subscribes to a publisher's feed; resolves with Janus's offer for the browser to answer. */
  async subscribe(owner: string, kind: MediaKind, feedId: number): Promise<string> {
    const key = feedKey(owner, kind);
    await this.unsubscribe(key);
    const handle = await this.session.attach(VIDEOROOM);
    if (this.disposed) {
      await handle.detach();
      throw new Error("left the media room");
    }
    handle.onEvent((event) => this.onSubscriberEvent(key, handle, event));
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
    this.subscriptions.set(key, { owner, kind, handle, ready });
    try {
      return (await ready).sdp;
    } catch (error) {
      await this.unsubscribe(key);
      throw error;
    }
  }

  /** The browser's answer to a feed's offer: media starts flowing. */
  async answer(key: string, sdp: string): Promise<void> {
    const subscription = this.subscriptions.get(key);
    if (!subscription) throw new Error("no such subscription");
    await subscription.ready;
    await subscription.handle.request({ request: "start" }, { type: "answer", sdp });
  }

  /** A candidate for our publisher of that kind (key null) or a subscription. */
  async trickle(key: string | null, kind: MediaKind, candidate: Parameters<JanusHandle["trickle"]>[0]): Promise<void> {
    const handle = key === null ? this.publishers.get(kind)?.handle : this.subscriptions.get(key)?.handle;
    if (!handle) throw new Error(key === null ? "not publishing" : "no such subscription");
    await handle.trickle(candidate);
  }

  /** The feed keys we subscribe to (see feedKey). */
  subscribedFeeds(): string[] {
    return [...this.subscriptions.keys()];
  }

  subscribed(): Array<Pick<Subscription, "owner" | "kind">> {
    return [...this.subscriptions.values()].map(({ owner, kind }) => ({ owner, kind }));
  }

  async unsubscribe(key: string): Promise<void> {
    const subscription = this.subscriptions.get(key);
    this.subscriptions.delete(key);
    await subscription?.handle.detach();
  }

  /** Ends everything of this person in this room. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const keys = [...this.subscriptions.keys()];
    await Promise.all([this.unpublish("camera"), this.unpublish("screen"), ...keys.map((k) => this.unsubscribe(k))]);
  }

  private onPublisherEvent(kind: MediaKind, publisher: Publisher, event: HandleEvent): void {
    if (this.publishers.get(kind) !== publisher) return;
    if (event.janus === "webrtcup") {
      void publisher.feedId.then((id) => {
        if (this.publishers.get(kind) === publisher) this.events.live(kind, id);
      }, () => undefined);
      return;
    }
    if (event.janus !== "hangup" && event.janus !== "detached") return;
    this.publishers.delete(kind);
    void publisher.handle.detach();
    this.events.ended(null, kind, event.reason ?? event.janus);
  }

  private onSubscriberEvent(key: string, handle: JanusHandle, event: HandleEvent): void {
    if (event.janus !== "hangup" && event.janus !== "detached") return;
    const subscription = this.subscriptions.get(key);
    if (subscription?.handle !== handle) return;
    this.subscriptions.delete(key);
    void handle.detach();
    this.events.ended(subscription.owner, subscription.kind, event.reason ?? event.janus);
  }
}
