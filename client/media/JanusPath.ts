import type { MediaFeed, MediaKind, ServerMediaMessages } from "../../shared/protocol/mediaMessages";
import type { ServerMessage } from "../../shared/protocol/names";
import { Emitter } from "../util/Emitter";
import type { AudioMixer, AudioTap } from "./AudioMixer";
import type { CallEvents } from "./CallManager";
import { iceGathered } from "./iceGathered";
import { JanusPublisher } from "./JanusPublisher";
import type { LocalMedia } from "./LocalMedia";
import { RetryPolicy } from "./RetryPolicy";

/**
 * Media through Janus: publish our camera and microphone once (and our
 * shared screen, on a connection of its own, while the room's route says it
 * accepted the share), and receive each feed the room lists for us on its own
 * connection: a camera feed is a person's tile, a screen feed their shared
 * screen (peerScreen). All signalling goes through the room (`signals`),
 * which checks it and talks to Janus; the page knows no Janus address, room,
 * pin or secret. SDPs are sent once ICE gathering is complete (Janus takes
 * candidates inside the SDP), so no candidate messages are needed.
 *
 * Tiles follow the conversation, not the feeds: everyone the room lists in
 * our conversation has a tile (peerJoined) from the start, as peer to peer,
 * whether or not they publish (no camera or microphone, a stage listener seen
 * by a speaker); their camera feed's stream fills it when one arrives.
 *
 * The room sends a route only when it changes, so whatever breaks without the
 * route changing (a refused request, a connection that failed, a handle Janus
 * hung up) is tried again here on a backoff, from the last route.
 */

export type MediaRoute = ServerMediaMessages[typeof ServerMessage.MediaRoute];

export interface JanusSignals {
  publish(sdp: string, kind: MediaKind): void;
  subscribe(feed: string, kind: MediaKind): void;
  answer(feed: string, kind: MediaKind, sdp: string): void;
}

/** Someone of our conversation, as the room's Conversation message lists them. */
export interface ConversationPerson {
  id: string;
  name: string;
}

/** The requests the room may refuse (its Rejected message names only the kind). */
export type JanusRequest = "publish" | "subscribe" | "answer";

interface Feed {
  id: string;
  kind: MediaKind;
  name: string;
  pc: RTCPeerConnection | null;
  tap: AudioTap | null;
  connected: boolean;
  /** Subscribe sent, offer not yet here. */
  asked: boolean;
}

const keyOf = (id: string, kind: MediaKind) => `${kind}:${id}`;

export class JanusPath {
  readonly events = new Emitter<CallEvents>();
  /** By keyOf(owner, kind). */
  private readonly feeds = new Map<string, Feed>();
  /** The people of our conversation while it goes through Janus (by id: name). */
  private people = new Map<string, string>();
  /** Whom we told peerJoined (and not yet peerLeft). */
  private readonly tiles = new Set<string>();
  private readonly publishers: Record<MediaKind, JanusPublisher>;
  private screenTrack: MediaStreamTrack | null = null;
  private current: MediaRoute | null = null;
  private iceServers: RTCIceServer[] = [];
  private readonly retry: RetryPolicy;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly offMedia: () => void;
  private disposed = false;
  /** See `hold`: the route moved to peer to peer and the room keeps our handles a while. */
  private holding = false;

  constructor(
    private readonly signals: JanusSignals,
    private readonly media: Pick<LocalMedia, "stream" | "events">,
    private readonly mixer: Pick<AudioMixer, "attach">,
    retryDelays?: readonly number[],
  ) {
    this.retry = new RetryPolicy(retryDelays);
    const publisher = (kind: MediaKind, what: string) =>
      new JanusPublisher(what, {
        offer: (sdp) => this.signals.publish(sdp, kind),
        connected: () => this.retry.reset(),
        failed: () => this.failed(null, kind),
      });
    this.publishers = { camera: publisher("camera", "publish"), screen: publisher("screen", "screen") };
    // A device switch: the publisher sends the new track without renegotiating.
    this.offMedia = media.events.on("trackReplaced", (previous, next) => this.publishers.camera.replaceTrack(previous, next));
  }

  setIceServers(servers: RTCIceServer[]): void {
    this.iceServers = servers;
  }

  /**
   * The room's route for our conversation (null or mesh = nothing through
   * Janus) and the people the room lists in it (each gets a tile, with or
   * without a feed).
   */
  route(route: MediaRoute | null, people: readonly ConversationPerson[] = []): void {
    if (this.disposed) return;
    this.holding = false;
    const active = route?.via === "janus" ? route : null;
    if ((active?.groupId ?? null) !== (this.current?.groupId ?? null)) {
      this.clear();
      this.retry.reset();
    }
    this.current = active;
    this.people = new Map(active ? people.map((p) => [p.id, p.name]) : []);
    this.apply();
    if (!active) this.syncTiles([]);
  }

  /** Our shared screen (null: stopped); published once the room's route says it accepted the share. */
  setScreen(track: MediaStreamTrack | null): void {
    if (this.disposed || track === this.screenTrack) return;
    this.screenTrack = track;
    this.publishers.screen.stop();
    this.apply();
  }

  /**
   * Our conversation no longer goes through Janus, but its handles are kept
   * a while (the room's drain): keep publishing and keep these people's
   * connected feeds and tiles, so their audio plays until the peer-to-peer
   * links carry it (make before break). Nothing new is subscribed and nothing
   * that breaks is tried again; a later `route` ends the hold.
   */
  hold(keep: ReadonlySet<string>): void {
    if (this.disposed) return;
    this.holding = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    for (const kind of ["camera", "screen"] as const) if (this.publishers[kind].pending) this.publishers[kind].stop();
    this.people = new Map([...this.people].filter(([id]) => keep.has(id)));
    for (const [key, entry] of [...this.feeds]) if (!keep.has(entry.id) || !entry.connected) this.dropFeed(key);
    this.syncTiles([...this.feeds.values()].map((f) => ({ id: f.id, kind: f.kind, name: f.name })));
  }

  /** Janus's answer to our publish offer of that kind. */
  published(kind: MediaKind, sdp: string): void {
    this.publishers[kind].answered(sdp);
  }

  /** A feed's offer: answer it on a fresh receive-only connection. */
  async offered(id: string, kind: MediaKind, sdp: string): Promise<void> {
    const key = keyOf(id, kind);
    const entry = this.feeds.get(key);
    if (!entry || this.disposed) return;
    entry.asked = false;
    this.closeFeedConnection(entry);
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    entry.pc = pc;
    const current = () => entry.pc === pc && this.feeds.get(key) === entry;
    pc.addEventListener("track", (event) => {
      if (!current()) return;
      const stream = event.streams[0] ?? new MediaStream([event.track]);
      if (kind === "screen") {
        if (event.track.kind === "video") this.events.emit("peerScreen", id, stream);
        return;
      }
      if (event.track.kind === "audio") {
        entry.tap?.dispose();
        entry.tap = this.mixer.attach(stream, true);
      }
      this.events.emit("peerStream", id, stream);
    });
    pc.addEventListener("connectionstatechange", () => {
      if (!current()) return;
      entry.connected = pc.connectionState === "connected";
      if (pc.connectionState === "connected") {
        this.retry.reset();
        if (kind === "camera") this.events.emit("peerState", id, "connected");
      }
      if (pc.connectionState === "failed") this.failed(id, kind);
    });
    try {
      await pc.setRemoteDescription({ type: "offer", sdp });
      await pc.setLocalDescription(await pc.createAnswer());
      await iceGathered(pc);
    } catch (error) {
      console.warn("[deskmap] media server: could not answer a feed", error);
      if (entry.pc === pc) this.failed(id, kind);
      return;
    }
    if (current() && pc.localDescription) this.signals.answer(id, kind, pc.localDescription.sdp);
  }

  /** The room ended a feed or our publishing of that kind: tried again if the route still grants it. */
  ended(feed: string | null, kind: MediaKind): void {
    if (feed === null && !this.publishers[kind].active) return;
    if (feed !== null && !this.feeds.has(keyOf(feed, kind))) return;
    this.failed(feed, kind);
  }

  /** The room refused one of our requests (it names only the kind of request, not which publisher or feed). */
  refused(request: JanusRequest): void {
    if (request === "publish") {
      let waiting = false;
      for (const kind of ["camera", "screen"] as const) {
        if (!this.publishers[kind].pending) continue;
        this.publishers[kind].stop();
        waiting = true;
      }
      if (waiting) this.scheduleRetry();
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

  /** The people whose camera feeds we receive. */
  peerIds(): string[] {
    return [...this.feeds.values()].filter((f) => f.kind === "camera").map((f) => f.id);
  }

  level(id: string): number {
    return this.feeds.get(keyOf(id, "camera"))?.tap?.level() ?? 0;
  }

  setGain(id: string, gain: number): void {
    this.feeds.get(keyOf(id, "camera"))?.tap?.setGain(gain);
  }

  isConnected(id: string): boolean {
    return this.feeds.get(keyOf(id, "camera"))?.connected ?? false;
  }

  /** Whether our camera and microphone are being published (or about to be). */
  get publishing(): boolean {
    return this.publishers.camera.active;
  }

  /** Whether our shared screen is being published (or about to be). */
  get publishingScreen(): boolean {
    return this.publishers.screen.active;
  }

  dispose(): void {
    if (this.disposed) return;
    this.clear();
    this.disposed = true;
    this.screenTrack = null;
    this.offMedia();
    this.events.clear();
  }

  /** Brings publishing and subscriptions in line with the current route. */
  private apply(): void {
    const active = this.current;
    if (!active || this.holding) return;
    const { camera, screen } = this.publishers;
    if (active.publish && !camera.active && this.media.stream) void camera.start(this.media.stream, this.iceServers);
    if (!active.publish && camera.active) camera.stop();
    const shareScreen = active.publishScreen && this.screenTrack !== null && this.screenTrack.readyState === "live";
    if (shareScreen && !screen.active) void screen.start(new MediaStream([this.screenTrack!]), this.iceServers);
    if (!shareScreen && screen.active) screen.stop();
    const wanted = new Map(active.feeds.map((f: MediaFeed) => [keyOf(f.id, f.kind), f]));
    for (const key of [...this.feeds.keys()]) if (!wanted.has(key)) this.dropFeed(key);
    this.syncTiles(active.feeds);
    for (const [key, feed] of wanted) {
      let entry = this.feeds.get(key);
      if (!entry) {
        entry = { id: feed.id, kind: feed.kind, name: feed.name, pc: null, tap: null, connected: false, asked: false };
        this.feeds.set(key, entry);
        if (feed.kind === "camera") this.events.emit("peerState", feed.id, "connecting");
      }
      if (entry.pc || entry.asked) continue;
      entry.asked = true;
      this.signals.subscribe(feed.id, feed.kind);
    }
  }

  /** Something of ours broke (feed null: our publisher of that kind): close it, keep the tile, and try again later. */
  private failed(feed: string | null, kind: MediaKind): void {
    if (this.holding) {
      // Held only until the peer-to-peer links carry everyone: what breaks now is let go.
      if (feed === null) this.publishers[kind].stop();
      else this.dropFeed(keyOf(feed, kind));
      return;
    }
    if (feed === null) this.publishers[kind].stop();
    else {
      const entry = this.feeds.get(keyOf(feed, kind));
      if (!entry) return;
      entry.asked = false;
      this.closeFeedConnection(entry);
      if (kind === "camera") this.events.emit("peerState", feed, "retrying");
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.disposed || this.holding) return;
    const delay = this.retry.next();
    if (delay === null) {
      for (const entry of this.feeds.values()) if (!entry.pc && entry.kind === "camera") this.events.emit("peerState", entry.id, "failed");
      console.warn("[deskmap] media server: giving up until the conversation changes");
      return;
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.apply();
    }, delay);
  }

  private closeFeedConnection(entry: Feed): void {
    const hadScreen = entry.kind === "screen" && entry.pc !== null;
    entry.pc?.close();
    entry.pc = null;
    entry.connected = false;
    entry.tap?.dispose();
    entry.tap = null;
    if (hadScreen) this.events.emit("peerScreen", entry.id, null);
  }

  private dropFeed(key: string): void {
    const entry = this.feeds.get(key);
    if (!entry) return;
    this.feeds.delete(key);
    this.closeFeedConnection(entry);
    // Still in the conversation (stopped publishing): the tile stays, without video, as for someone who never published.
    if (entry.kind === "camera" && this.people.has(entry.id) && typeof MediaStream !== "undefined") {
      this.events.emit("peerStream", entry.id, new MediaStream());
    }
  }

  /**
   * Tiles = the conversation's people plus anyone whose camera feed the route
   * lists (told before their feed's "connecting", so it lands on the tile);
   * anyone in neither leaves.
   */
  private syncTiles(feeds: readonly MediaFeed[]): void {
    const wanted = new Map(this.people);
    for (const f of feeds) if (f.kind === "camera" && !wanted.has(f.id)) wanted.set(f.id, f.name);
    for (const [id, name] of wanted) {
      if (this.tiles.has(id)) continue;
      this.tiles.add(id);
      this.events.emit("peerJoined", id, name);
    }
    for (const id of [...this.tiles]) {
      if (wanted.has(id)) continue;
      this.tiles.delete(id);
      this.events.emit("peerLeft", id);
    }
  }

  private clear(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.publishers.camera.stop();
    this.publishers.screen.stop();
    this.people = new Map();
    for (const key of [...this.feeds.keys()]) this.dropFeed(key);
    this.syncTiles([]);
  }
}
