import type { ConversationPeer, SignalData } from "../../shared/protocol/conversationMessages";
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
 * side waits for the new offer) and owns each partner's audio tap.
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
  peerStream: [id: string, stream: MediaStream];
  peerState: [id: string, state: PeerState];
  peerLeft: [id: string];
  /** The nearby conversation is at its cap (null when no longer relevant). */
  full: [info: { size: number } | null];
};

/** The part of PeerLink the manager uses (tests substitute their own). */
export type Link = Pick<PeerLink, "isConnected" | "needsFreshLinkFor" | "signal" | "replaceTrack" | "destroy">;

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
    this.events.emit("peerState", id, "connecting");
    const createLink = this.options.createLink ?? ((options: PeerLinkOptions) => new PeerLink(options));
    const link: Link = createLink({
      peerId: id,
      initiator: partner.peer.initiator,
      // A stage listener's links carry nothing of ours: receive-only.
      stream: partner.peer.send === false ? null : this.media.stream,
      iceServers: this.iceServers,
      send: (data) => this.transport.sendSignal(id, data),
      onStream: (stream) => {
        if (partner.link !== link) return;
        partner.tap?.dispose();
        partner.tap = this.mixer.attach(stream, true);
        this.events.emit("peerStream", id, stream);
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

  private onFailed(partner: Partner, reason: string): void {
    const id = partner.peer.id;
    partner.link = null;
    partner.tap?.dispose();
    partner.tap = null;
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
    this.events.emit("peerLeft", id);
  }
}
