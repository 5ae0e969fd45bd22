import type { ConversationPeer, SignalData } from "../../shared/protocol/conversationMessages";
import type { ScreenSharer } from "../../shared/protocol/screenMessages";
import { Emitter } from "../util/Emitter";
import type { AudioMixer, AudioTap } from "./AudioMixer";
import { diffConversation } from "./conversationDiff";
import type { LocalMedia } from "./LocalMedia";
import { PeerLink, type PeerLinkOptions } from "./PeerLink";
import type { MediaPath } from "./MediaPath";
import { RetryPolicy } from "./RetryPolicy";
import { limitVideoSenders, upstreamBudget } from "./stageUpstream";

/**
 * Auto-talk in the browser: keeps one PeerLink per conversation partner in
 * step with the room's Conversation messages, routes signalling, retries
 * failed connections (the initiator recreates them with backoff; the other
 * side waits for the new offer) and owns each partner's audio tap. It also
 * carries our shared screen on every link we send on, and tells a partner's
 * screen from their camera by the stream id the room's ScreenShares names.
 */

export interface ConversationUpdate {
  groupId: string | null;
  peers: ConversationPeer[];
  full?: { groupId: string; size: number };
  stage?: { role: "speaker" | "listener"; note?: string };
}

/** What the call needs from the room connection (kept narrow so media never touches the transport). */
export interface CallTransport {
  selfId(): string;
  sendSignal(to: string, data: SignalData): void;
}

export type PeerState = "connecting" | "connected" | "retrying" | "failed";

export type CallEvents = {
  peerJoined: [id: string, name: string];
  /** A partner's camera and microphone (an empty stream when they send none). */
  peerStream: [id: string, stream: MediaStream];
  /** A partner's shared screen arrived (or, null, is no longer on the link). */
  peerScreen: [id: string, stream: MediaStream | null];
  peerState: [id: string, state: PeerState];
  peerLeft: [id: string];
  /** The nearby conversation is at its cap (null when no longer relevant). */
  full: [info: { size: number } | null];
};

/** The part of PeerLink the manager uses (tests substitute their own). */
export type Link = Pick<PeerLink, "isConnected" | "needsFreshLinkFor" | "signal" | "replaceTrack" | "setScreen" | "destroy">;

export interface CallManagerOptions {
  retryDelays?: readonly number[];
  createLink?: (options: PeerLinkOptions) => Link;
}

interface Partner {
  peer: ConversationPeer;
  link: Link | null;
  retry: RetryPolicy;
  retryTimer: ReturnType<typeof setTimeout> | null;
  tap: AudioTap | null;
  /** performance.now() when this partner entered our conversation. */
  enteredAt: number;
  /** Every stream the current link brought, in arrival order. */
  streams: MediaStream[];
  /** Which of them is the camera (its audio is tapped) and which the shared screen. */
  camera: MediaStream | null;
  screen: MediaStream | null;
}

/** Signalling that arrives before its Conversation message is held briefly (bounded). */
const MAX_EARLY_SIGNALS = 64;

export class CallManager implements MediaPath {
  readonly events = new Emitter<CallEvents>();
  private readonly partners = new Map<string, Partner>();
  private readonly early = new Map<string, SignalData[]>();
  private groupId: string | null = null;
  /** Outgoing links while we speak on a stage (0 otherwise): bounds each link's video. */
  private stageLinks = 0;
  private iceServers: RTCIceServer[] = [];
  /** Our shared screen's track (null: not sharing), in a stream kept for the whole call so its id stays known. */
  private screenTrack: MediaStreamTrack | null = null;
  readonly screenStream: MediaStream | null = typeof MediaStream === "function" ? new MediaStream() : null;
  /** Partner session id → the id of the stream their screen arrives in, from the room. */
  private screenIds = new Map<string, string>();
  private disposed = false;
  private readonly offMedia: () => void;

  constructor(
    private readonly transport: CallTransport,
    private readonly media: Pick<LocalMedia, "stream" | "events">,
    private readonly mixer: Pick<AudioMixer, "attach">,
    private readonly options: CallManagerOptions = {},
  ) {
    this.offMedia = media.events.on("trackReplaced", (previous, next, stream) => {
      for (const partner of this.partners.values()) partner.link?.replaceTrack(previous, next, stream);
    });
  }

  setIceServers(servers: RTCIceServer[]): void {
    this.iceServers = servers;
  }

  /** Applies a Conversation message: opens, keeps and closes connections. */
  update(conversation: ConversationUpdate): void {
    if (this.disposed) return;
    const changedGroup = conversation.groupId !== this.groupId;
    this.groupId = conversation.groupId;
    const current = new Map([...this.partners].map(([id, p]) => [id, { initiator: p.peer.initiator, send: p.peer.send }]));
    const change = diffConversation(current, conversation.groupId === null ? null : conversation.peers, this.transport.selfId());
    for (const id of change.close) this.close(id);
    for (const peer of change.keep) {
      const partner = this.partners.get(peer.id)!;
      partner.peer = peer;
      // Tries are counted per conversation: a new one brings a given-up partner another round.
      if (changedGroup) {
        partner.retry.reset();
        if (!partner.link && !partner.retryTimer) this.connect(partner);
      }
    }
    for (const peer of change.open) this.open(peer);
    this.stageLinks = conversation.stage?.role === "speaker" ? conversation.peers.filter((p) => p.send !== false).length : 0;
    if (this.stageLinks > 0) for (const partner of this.partners.values()) this.bound(partner);
    for (const id of [...this.early.keys()]) if (!this.partners.has(id)) this.early.delete(id);
    this.events.emit("full", conversation.full ? { size: conversation.full.size } : null);
  }

  /** Signalling relayed from a partner. */
  receive(from: string, data: SignalData): void {
    if (this.disposed) return;
    const partner = this.partners.get(from);
    if (!partner) {
      const queue = this.early.get(from) ?? [];
      if (queue.length < MAX_EARLY_SIGNALS) queue.push(data);
      this.early.set(from, queue);
      return;
    }
    if (!partner.link || partner.link.needsFreshLinkFor(data)) {
      // The other side recreated the connection: answer it with a fresh one.
      if (partner.peer.initiator) return; // we make the offers; stray signals for a link we tore down
      this.connect(partner);
    }
    partner.link!.signal(data);
  }

  /** Shares our screen on every link we send on (null: stops sharing). */
  setScreen(track: MediaStreamTrack | null): void {
    if (this.disposed || !this.screenStream) return;
    const previous = this.screenTrack;
    this.screenTrack = track;
    if (previous) this.screenStream.removeTrack(previous);
    if (track) this.screenStream.addTrack(track);
    for (const partner of this.partners.values()) {
      if (partner.peer.send === false) continue;
      partner.link?.setScreen(track, this.screenStream);
      // A stage speaker's screen shares the link's budget with the camera.
      if (track) this.bound(partner);
    }
  }

  /** The room's list of who shares in our conversation: which partner stream is a screen. */
  setScreenShares(sharers: readonly ScreenSharer[]): void {
    if (this.disposed) return;
    this.screenIds = new Map(sharers.map((s) => [s.id, s.stream]));
    for (const partner of this.partners.values()) this.sortStreams(partner);
  }

  /** Audio level of a partner (0 when none), for the speaking indicator. */
  level(id: string): number {
    return this.partners.get(id)?.tap?.level() ?? 0;
  }

  setGain(id: string, gain: number): void {
    this.partners.get(id)?.tap?.setGain(gain);
  }

  peerIds(): string[] {
    return [...this.partners.keys()];
  }

  enteredAt(id: string): number | null {
    return this.partners.get(id)?.enteredAt ?? null;
  }

  isInitiator(id: string): boolean {
    return this.partners.get(id)?.peer.initiator ?? false;
  }

  isConnected(id: string): boolean {
    return this.partners.get(id)?.link?.isConnected ?? false;
  }

  dispose(): void {
    if (this.disposed) return;
    for (const id of [...this.partners.keys()]) this.close(id);
    this.disposed = true;
    this.early.clear();
    this.screenTrack = null;
    this.offMedia();
    this.events.clear();
  }

  private open(peer: ConversationPeer): void {
    const partner: Partner = {
      peer,
      link: null,
      retry: new RetryPolicy(this.options.retryDelays),
      retryTimer: null,
      tap: null,
      enteredAt: performance.now(),
      streams: [],
      camera: null,
      screen: null,
    };
    this.partners.set(peer.id, partner);
    this.events.emit("peerJoined", peer.id, peer.name);
    this.connect(partner);
    const early = this.early.get(peer.id);
    this.early.delete(peer.id);
    for (const data of early ?? []) this.receive(peer.id, data);
  }

  private connect(partner: Partner): void {
    partner.link?.destroy();
    partner.tap?.dispose();
    partner.tap = null;
    const id = partner.peer.id;
    this.dropStreams(partner);
    const sends = partner.peer.send !== false;
    this.events.emit("peerState", id, "connecting");
    const createLink = this.options.createLink ?? ((options: PeerLinkOptions) => new PeerLink(options));
    const link: Link = createLink({
      peerId: id,
      initiator: partner.peer.initiator,
      // A stage listener's links carry nothing of ours: receive-only.
      stream: sends ? this.media.stream : null,
      screen: sends && this.screenTrack && this.screenStream ? { track: this.screenTrack, stream: this.screenStream } : null,
      iceServers: this.iceServers,
      send: (data) => this.transport.sendSignal(id, data),
      onStream: (stream) => {
        if (partner.link !== link) return;
        if (!partner.streams.some((s) => s.id === stream.id)) partner.streams.push(stream);
        this.sortStreams(partner);
      },
      onConnect: () => {
        if (partner.link !== link) return;
        partner.retry.reset();
        this.bound(partner);
        this.events.emit("peerState", id, "connected");
      },
      onFailed: (reason) => {
        if (partner.link !== link) return;
        this.onFailed(partner, reason);
      },
    });
    partner.link = link;
  }

  /** Applies the stage's upstream budget to a link we send on. */
  private bound(partner: Partner): void {
    // Test links have no RTCPeerConnection; only a real PeerLink does.
    const pc = (partner.link as Partial<Pick<PeerLink, "connection">> | null)?.connection;
    if (!pc || this.stageLinks === 0 || partner.peer.send === false) return;
    void limitVideoSenders(pc, upstreamBudget(this.stageLinks));
  }

  /**
   * Sorts a partner's streams into camera and screen: the screen is the one
   * the room names; the camera is the first other one. Either may arrive
   * before or after the room's word, so this runs on both.
   */
  private sortStreams(partner: Partner): void {
    const id = partner.peer.id;
    const screenId = this.screenIds.get(id);
    const screen = partner.streams.find((s) => s.id === screenId) ?? null;
    const camera = partner.streams.find((s) => s.id !== screenId) ?? null;
    if (camera !== partner.camera) {
      partner.camera = camera;
      partner.tap?.dispose();
      partner.tap = camera ? this.mixer.attach(camera, true) : null;
      this.events.emit("peerStream", id, camera ?? new MediaStream());
    }
    if (screen !== partner.screen) {
      partner.screen = screen;
      this.events.emit("peerScreen", id, screen);
    }
  }

  /** The link that brought a partner's streams is gone: so are they. */
  private dropStreams(partner: Partner): void {
    partner.streams = [];
    partner.camera = null;
    if (partner.screen) {
      partner.screen = null;
      this.events.emit("peerScreen", partner.peer.id, null);
    }
  }

  private onFailed(partner: Partner, reason: string): void {
    const id = partner.peer.id;
    partner.link = null;
    partner.tap?.dispose();
    partner.tap = null;
    this.dropStreams(partner);
    if (!partner.peer.initiator) {
      // Wait, with a fresh connection, for the initiator's next offer.
      this.events.emit("peerState", id, "retrying");
      this.connect(partner);
      return;
    }
    const delay = partner.retry.next();
    if (delay === null) {
      console.warn(`[deskmap] call with ${partner.peer.name} failed (${reason}); giving up until the conversation changes`);
      this.events.emit("peerState", id, "failed");
      return;
    }
    this.events.emit("peerState", id, "retrying");
    partner.retryTimer = setTimeout(() => {
      partner.retryTimer = null;
      if (this.partners.get(id) === partner) this.connect(partner);
    }, delay);
  }

  private close(id: string): void {
    const partner = this.partners.get(id);
    if (!partner) return;
    this.partners.delete(id);
    if (partner.retryTimer) clearTimeout(partner.retryTimer);
    partner.link?.destroy();
    partner.tap?.dispose();
    this.dropStreams(partner);
    this.events.emit("peerLeft", id);
  }
}
