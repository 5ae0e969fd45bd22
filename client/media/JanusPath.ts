import type { MediaFeed, ServerMediaMessages } from "../../shared/protocol/mediaMessages";
import type { ServerMessage } from "../../shared/protocol/names";
import { Emitter } from "../util/Emitter";
import type { AudioMixer, AudioTap } from "./AudioMixer";
import type { CallEvents } from "./CallManager";
import { iceGathered } from "./iceGathered";
import type { LocalMedia } from "./LocalMedia";
import { RetryPolicy } from "./RetryPolicy";

/**
 * Media through Janus: publish our camera and microphone once, and receive
 * each feed the room lists for us on its own connection. All signalling goes
 * through the room (`signals`), which checks it and talks to Janus; the page
 * knows no Janus address, room, pin or secret. SDPs are sent once ICE
 * gathering is complete (Janus takes candidates inside the SDP), so no
 * candidate messages are needed.
 *
 * The room sends a route only when it changes, so whatever breaks without the
 * route changing (a refused request, a connection that failed, a handle Janus
 * hung up) is tried again here on a backoff, from the last route.
 */

export type MediaRoute = ServerMediaMessages[typeof ServerMessage.MediaRoute];

export interface JanusSignals {
  publish(sdp: string): void;
  subscribe(feed: string): void;
  answer(feed: string, sdp: string): void;
}

/** The requests the room may refuse (its Rejected message names only the kind). */
export type JanusRequest = "publish" | "subscribe" | "answer";

interface Feed {
  name: string;
  pc: RTCPeerConnection | null;
  tap: AudioTap | null;
  connected: boolean;
  /** Subscribe sent, offer not yet here. */
  asked: boolean;
}

export class JanusPath {
  readonly events = new Emitter<CallEvents>();
  private readonly feeds = new Map<string, Feed>();
  private publisher: RTCPeerConnection | null = null;
  /** Our offer is with the room and Janus; its answer has not come back. */
  private publishPending = false;
  private current: MediaRoute | null = null;
  private iceServers: RTCIceServer[] = [];
  private readonly retry: RetryPolicy;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly offMedia: () => void;
  private disposed = false;
  /** Kept as it is while another path takes over (see hold): nothing new is asked for, nothing broken tried again. */
  private holding = false;

  constructor(
    private readonly signals: JanusSignals,
    private readonly media: Pick<LocalMedia, "stream" | "events">,
    private readonly mixer: Pick<AudioMixer, "attach">,
    retryDelays?: readonly number[],
  ) {
    this.retry = new RetryPolicy(retryDelays);
    // A device switch: the publisher sends the new track without renegotiating.
    this.offMedia = media.events.on("trackReplaced", (previous, next) => {
      const sender = this.publisher?.getSenders().find((s) => s.track === previous);
      void sender?.replaceTrack(next).catch((error) => console.warn("[deskmap] media server: could not switch the device", error));
    });
  }

  setIceServers(servers: RTCIceServer[]): void {
    this.iceServers = servers;
  }

  /** The room's route for our conversation; null or mesh = nothing through Janus. */
  route(route: MediaRoute | null): void {
    if (this.disposed) return;
    this.holding = false;
    const active = route?.via === "janus" ? route : null;
    if ((active?.groupId ?? null) !== (this.current?.groupId ?? null)) {
      this.clear();
      this.retry.reset();
    }
    this.current = active;
    this.apply();
  }

  /**
   * Our conversation no longer goes through Janus, but its handles are kept
   * a while (the room's drain): keep publishing and keep these feeds, so their
   * audio plays until the peer-to-peer links carry it (make before break).
   * Nothing new is subscribed and nothing that breaks is tried again; a later
   * `route` ends the hold.
   */
  hold(keep: ReadonlySet<string>): void {
    if (this.disposed) return;
    this.holding = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.publishPending) this.stopPublishing();
    for (const [id, entry] of [...this.feeds]) if (!keep.has(id) || !entry.connected) this.dropFeed(id);
  }

  /** Janus's answer to our publish offer. */
  published(sdp: string): void {
    const pc = this.publisher;
    if (!pc || !this.publishPending) return;
    this.publishPending = false;
    void pc.setRemoteDescription({ type: "answer", sdp }).catch((error) => {
      console.warn("[deskmap] media server answer refused", error);
      if (this.publisher === pc) this.failed(null);
    });
  }

  /** A feed's offer: answer it on a fresh receive-only connection. */
  async offered(feed: string, sdp: string): Promise<void> {
    const entry = this.feeds.get(feed);
    if (!entry || this.disposed) return;
    entry.asked = false;
    this.closeFeedConnection(entry);
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    entry.pc = pc;
    pc.addEventListener("track", (event) => {
      if (entry.pc !== pc || this.feeds.get(feed) !== entry) return;
      const stream = event.streams[0] ?? new MediaStream([event.track]);
      if (event.track.kind === "audio") {
        entry.tap?.dispose();
        entry.tap = this.mixer.attach(stream, true);
      }
      this.events.emit("peerStream", feed, stream);
    });
    pc.addEventListener("connectionstatechange", () => {
      if (entry.pc !== pc || this.feeds.get(feed) !== entry) return;
      entry.connected = pc.connectionState === "connected";
      if (pc.connectionState === "connected") {
        this.retry.reset();
        this.events.emit("peerState", feed, "connected");
      }
      if (pc.connectionState === "failed") this.failed(feed);
    });
    try {
      await pc.setRemoteDescription({ type: "offer", sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      await iceGathered(pc);
    } catch (error) {
      console.warn("[deskmap] media server: could not answer a feed", error);
      if (entry.pc === pc) this.failed(feed);
      return;
    }
    if (entry.pc === pc && this.feeds.get(feed) === entry && pc.localDescription) this.signals.answer(feed, pc.localDescription.sdp);
  }

  /** The room ended a feed or our publishing: tried again if the route still grants it. */
  ended(feed: string | null): void {
    if (feed === null && !this.publisher) return;
    if (feed !== null && !this.feeds.has(feed)) return;
    this.failed(feed);
  }

  /** The room refused one of our requests (it names only the kind). */
  refused(request: JanusRequest): void {
    if (request === "publish") {
      if (this.publishPending) this.failed(null);
      return;
    }
    if (request !== "subscribe") return;
    let waiting = false;
    for (const entry of this.feeds.values()) {
      if (!entry.asked) continue;
      entry.asked = false;
      waiting = true;
    }
    if (waiting) this.scheduleRetry();
  }

  peerIds(): string[] {
    return [...this.feeds.keys()];
  }

  level(id: string): number {
    return this.feeds.get(id)?.tap?.level() ?? 0;
  }

  setGain(id: string, gain: number): void {
    this.feeds.get(id)?.tap?.setGain(gain);
  }

  isConnected(id: string): boolean {
    return this.feeds.get(id)?.connected ?? false;
  }

  /** Whether our camera and microphone are being published (or about to be). */
  get publishing(): boolean {
    return this.publisher !== null;
  }

  dispose(): void {
    if (this.disposed) return;
    this.clear();
    this.disposed = true;
    this.offMedia();
    this.events.clear();
  }

  /** Brings publishing and subscriptions in line with the current route. */
  private apply(): void {
    const active = this.current;
    if (!active || this.holding) return;
    if (active.publish && !this.publisher && this.media.stream) void this.publish(this.media.stream);
    if (!active.publish && this.publisher) this.stopPublishing();
    const wanted = new Map(active.feeds.map((f: MediaFeed) => [f.id, f.name]));
    for (const id of [...this.feeds.keys()]) if (!wanted.has(id)) this.dropFeed(id);
    for (const [id, name] of wanted) {
      let entry = this.feeds.get(id);
      if (!entry) {
        entry = { name, pc: null, tap: null, connected: false, asked: false };
        this.feeds.set(id, entry);
        this.events.emit("peerJoined", id, name);
        this.events.emit("peerState", id, "connecting");
      }
      if (entry.pc || entry.asked) continue;
      entry.asked = true;
      this.signals.subscribe(id);
    }
  }

  private async publish(stream: MediaStream): Promise<void> {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.publisher = pc;
    this.publishPending = false;
    pc.addEventListener("connectionstatechange", () => {
      if (this.publisher !== pc) return;
      if (pc.connectionState === "connected") this.retry.reset();
      if (pc.connectionState === "failed") this.failed(null);
    });
    for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly", streams: [stream] });
    try {
      await pc.setLocalDescription(await pc.createOffer());
      await iceGathered(pc);
    } catch (error) {
      console.warn("[deskmap] media server: could not make the publish offer", error);
      if (this.publisher === pc) this.failed(null);
      return;
    }
    if (this.publisher !== pc || !pc.localDescription) return;
    this.publishPending = true;
    this.signals.publish(pc.localDescription.sdp);
  }

  /** Something of ours broke (null: publishing): close it, keep the tile, and try again later. */
  private failed(feed: string | null): void {
    if (this.holding) {
      if (feed === null) this.stopPublishing();
      else this.dropFeed(feed);
      return;
    }
    if (feed === null) this.stopPublishing();
    else {
      const entry = this.feeds.get(feed);
      if (!entry) return;
      entry.asked = false;
      this.closeFeedConnection(entry);
      this.events.emit("peerState", feed, "retrying");
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.disposed || this.holding) return;
    const delay = this.retry.next();
    if (delay === null) {
      for (const [id, entry] of this.feeds) if (!entry.pc) this.events.emit("peerState", id, "failed");
      console.warn("[deskmap] media server: giving up until the conversation changes");
      return;
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.apply();
    }, delay);
  }

  private stopPublishing(): void {
    this.publisher?.close();
    this.publisher = null;
    this.publishPending = false;
  }

  private closeFeedConnection(entry: Feed): void {
    entry.pc?.close();
    entry.pc = null;
    entry.connected = false;
    entry.tap?.dispose();
    entry.tap = null;
  }

  private dropFeed(id: string): void {
    const entry = this.feeds.get(id);
    if (!entry) return;
    this.feeds.delete(id);
    this.closeFeedConnection(entry);
    this.events.emit("peerLeft", id);
  }

  private clear(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopPublishing();
    for (const id of [...this.feeds.keys()]) this.dropFeed(id);
  }
}
