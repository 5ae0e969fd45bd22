import type { MediaFeed, ServerMediaMessages } from "../../shared/protocol/mediaMessages";
import type { ServerMessage } from "../../shared/protocol/names";
import { Emitter } from "../util/Emitter";
import type { AudioMixer, AudioTap } from "./AudioMixer";
import type { CallEvents } from "./CallManager";
import type { LocalMedia } from "./LocalMedia";

/**
 * Media through Janus: publish our camera and microphone once, and receive
 * each feed the room lists for us on its own connection. All signalling goes
 * through the room (`send`), which checks it and talks to Janus; the page
 * knows no Janus address, room, pin or secret. SDPs are sent once ICE
 * gathering is complete (Janus takes candidates inside the SDP), so no
 * candidate messages are needed.
 */

export type MediaRoute = ServerMediaMessages[typeof ServerMessage.MediaRoute];

export interface JanusSignals {
  publish(sdp: string): void;
  subscribe(feed: string): void;
  answer(feed: string, sdp: string): void;
}

interface Feed {
  name: string;
  pc: RTCPeerConnection | null;
  tap: AudioTap | null;
  connected: boolean;
}

const GATHER_TIMEOUT_MS = 5000;

export class JanusPath {
  readonly events = new Emitter<CallEvents>();
  private readonly feeds = new Map<string, Feed>();
  private publisher: RTCPeerConnection | null = null;
  private groupId: string | null = null;
  private iceServers: RTCIceServer[] = [];

  constructor(
    private readonly signals: JanusSignals,
    private readonly media: Pick<LocalMedia, "stream">,
    private readonly mixer: Pick<AudioMixer, "attach">,
  ) {}

  setIceServers(servers: RTCIceServer[]): void {
    this.iceServers = servers;
  }

  /** The room's route for our conversation; null or mesh = nothing through Janus. */
  route(route: MediaRoute | null): void {
    const active = route?.via === "janus" ? route : null;
    if ((active?.groupId ?? null) !== this.groupId) this.clear();
    this.groupId = active?.groupId ?? null;
    if (!active) return;
    if (active.publish && !this.publisher && this.media.stream) void this.publish(this.media.stream);
    if (!active.publish && this.publisher) this.stopPublishing();
    const wanted = new Map(active.feeds.map((f: MediaFeed) => [f.id, f.name]));
    for (const id of [...this.feeds.keys()]) if (!wanted.has(id)) this.dropFeed(id);
    for (const [id, name] of wanted) {
      if (this.feeds.has(id)) continue;
      this.feeds.set(id, { name, pc: null, tap: null, connected: false });
      this.events.emit("peerJoined", id, name);
      this.events.emit("peerState", id, "connecting");
      this.signals.subscribe(id);
    }
  }

  /** Janus's answer to our publish offer. */
  published(sdp: string): void {
    void this.publisher?.setRemoteDescription({ type: "answer", sdp }).catch((error) => console.warn("Deskmap: media server answer refused", error));
  }

  /** A feed's offer: answer it on a fresh receive-only connection. */
  async offered(feed: string, sdp: string): Promise<void> {
    const entry = this.feeds.get(feed);
    if (!entry) return;
    entry.pc?.close();
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    entry.pc = pc;
    pc.addEventListener("track", (event) => {
      const stream = event.streams[0] ?? new MediaStream([event.track]);
      if (this.feeds.get(feed)?.pc !== pc) return;
      if (event.track.kind === "audio") {
        entry.tap?.dispose();
        entry.tap = this.mixer.attach(stream, true);
      }
      this.events.emit("peerStream", feed, stream);
    });
    pc.addEventListener("connectionstatechange", () => {
      if (this.feeds.get(feed)?.pc !== pc) return;
      entry.connected = pc.connectionState === "connected";
      if (pc.connectionState === "connected") this.events.emit("peerState", feed, "connected");
      if (pc.connectionState === "failed") this.events.emit("peerState", feed, "failed");
    });
    await pc.setRemoteDescription({ type: "offer", sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    if (this.feeds.get(feed)?.pc === pc && pc.localDescription) this.signals.answer(feed, pc.localDescription.sdp);
  }

  /** The room ended a feed or our publishing. */
  ended(feed: string | null): void {
    if (feed === null) this.stopPublishing();
    else this.dropFeed(feed);
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

  /** Our publishing connection (tests read its stats). */
  get publishing(): boolean {
    return this.publisher !== null;
  }

  dispose(): void {
    this.clear();
    this.events.clear();
  }

  private async publish(stream: MediaStream): Promise<void> {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    this.publisher = pc;
    for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly", streams: [stream] });
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    if (this.publisher === pc && pc.localDescription) this.signals.publish(pc.localDescription.sdp);
  }

  private stopPublishing(): void {
    this.publisher?.close();
    this.publisher = null;
  }

  private dropFeed(id: string): void {
    const entry = this.feeds.get(id);
    if (!entry) return;
    this.feeds.delete(id);
    entry.pc?.close();
    entry.tap?.dispose();
    this.events.emit("peerLeft", id);
  }

  private clear(): void {
    this.stopPublishing();
    for (const id of [...this.feeds.keys()]) this.dropFeed(id);
  }
}

function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, GATHER_TIMEOUT_MS);
    function done() {
      clearTimeout(timer);
      pc.removeEventListener("icegatheringstatechange", check);
      resolve();
    }
    function check() {
      if (pc.iceGatheringState === "complete") done();
    }
    pc.addEventListener("icegatheringstatechange", check);
  });
}
