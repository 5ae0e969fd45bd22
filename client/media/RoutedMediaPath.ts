import type { SignalData } from "../../shared/protocol/conversationMessages";
import type { ScreenSharer } from "../../shared/protocol/screenMessages";
import { Emitter } from "../util/Emitter";
import type { CallEvents, CallManager, ConversationUpdate, PeerState } from "./CallManager";
import type { JanusPath, MediaRoute } from "./JanusPath";
import type { MediaPath } from "./MediaPath";

/**
 * The MediaPath the page uses: peer to peer (CallManager) or through the
 * media server (JanusPath), as the room's MediaRoute says for our
 * conversation. A server without a media server sends no routes, and
 * everything is peer to peer at once. With one, a new conversation's
 * peer-to-peer calls wait for its route (it follows in the same tick), so a
 * meeting room does not start a mesh it would tear down again.
 *
 * When the route of a conversation we are already in changes (an open-floor
 * conversation grows past the peer-to-peer cap, or shrinks back), the switch
 * is make before break: the old path keeps the people it connects us with
 * while the new path comes up, and each person's tile and sound move to the
 * new path only once its audio arrives there; the old path closes when
 * everyone has moved (2 s later, and no sooner than 6 s after the switch, for
 * the other end of each link to move too) or after HANDOVER_TIMEOUT_MS. Each person is shown once, by the path that
 * carries them now (`carrierOf`).
 */

export type Carrier = "mesh" | "janus";

/** Longest the old path is kept for someone whose audio has not arrived on the new one. */
export const HANDOVER_TIMEOUT_MS = 8000;
/** The old path outlives the last move by this much: the other side of each link moves at about the same time, not the same instant. */
export const HANDOVER_LINGER_MS = 2000;
/**
 * And it is kept at least this long after the switch: closing our end of a
 * link (or stopping our Janus publisher) silences us on the other side of it,
 * whose new path may come up seconds after ours on a busy machine.
 */
export const HANDOVER_MIN_MS = 6000;
const HANDOVER_CHECK_MS = 50;
/**
 * Audio counts as arrived once the new path's tap has heard at least this
 * much for HEARD_FOR_MS without a break (a jitter buffer starting up may play
 * a few packets and stall again); someone silent (muted) moves after
 * SILENT_MOVE_MS of packets instead.
 */
const ARRIVED_LEVEL = 0.001;
const HEARD_FOR_MS = 500;
const SILENT_MOVE_MS = 1500;

interface Seen {
  name: string;
  stream: MediaStream | null;
  state: PeerState | null;
  /** performance.now() when its audio packets were first seen arriving (null: not yet). */
  packetsSince: number | null;
  /** performance.now() since when the new path's tap has heard them without a break (null: not now). */
  heardSince: number | null;
  /**
   * A muted element holding a stream that is not on any tile yet: Chromium
   * plays a remote WebRTC stream into Web Audio only while some media
   * element holds it, and the new path must be audible before it takes over.
   */
  primer: HTMLAudioElement | null;
}

interface Handover {
  from: Carrier;
  /** People still carried by the old path, waiting for their audio on the new one. */
  held: Set<string>;
  startedAt: number;
  check: ReturnType<typeof setInterval>;
  release: ReturnType<typeof setTimeout> | null;
}

export class RoutedMediaPath implements MediaPath {
  readonly events = new Emitter<CallEvents>();
  private conversation: ConversationUpdate = { groupId: null, peers: [] };
  private route: MediaRoute | null = null;
  private routed = false;
  private primary: Carrier = "mesh";
  private handover: Handover | null = null;
  /** Who each path has (as its events said), and who carries each person now. */
  private readonly seen: Record<Carrier, Map<string, Seen>> = { mesh: new Map(), janus: new Map() };
  private readonly carriers = new Map<string, Carrier>();
  private readonly gains = new Map<string, number>();
  private readonly offs: Array<() => void> = [];

  constructor(
    readonly mesh: CallManager,
    readonly janus: JanusPath,
  ) {
    for (const side of ["mesh", "janus"] as const) {
      const source = this.path(side).events;
      this.offs.push(
        source.on("peerJoined", (id, name) => this.joined(side, id, name)),
        source.on("peerStream", (id, stream) => this.streamed(side, id, stream)),
        source.on("peerState", (id, state) => this.stated(side, id, state)),
        source.on("peerLeft", (id) => this.left(side, id)),
        source.on("peerScreen", (...a) => this.events.emit("peerScreen", ...a)),
      );
    }
    this.offs.push(mesh.events.on("full", (info) => this.events.emit("full", info)));
  }

  setIceServers(servers: RTCIceServer[]): void {
    this.mesh.setIceServers(servers);
    this.janus.setIceServers(servers);
  }

  update(conversation: ConversationUpdate): void {
    this.conversation = conversation;
    this.apply();
  }

  /** The room's MediaRoute (only a server with a media server sends them). */
  setRoute(route: MediaRoute): void {
    this.routed = true;
    this.route = route;
    this.apply();
  }

  /** Through the media server right now. */
  get viaJanus(): boolean {
    return this.route?.via === "janus" && this.route.groupId === this.conversation.groupId;
  }

  /** Which path carries this person's media now (the old one until their audio arrives on the new one). */
  carrierOf(id: string): Carrier | null {
    return this.carriers.get(id) ?? null;
  }

  get screenStream(): MediaStream | null {
    return this.mesh.screenStream;
  }

  /** Both paths hold the screen: the mesh sends it on its links, Janus publishes it once the room accepts the share. */
  setScreen(track: MediaStreamTrack | null): void {
    this.mesh.setScreen(track);
    this.janus.setScreen(track);
  }

  setScreenShares(sharers: readonly ScreenSharer[]): void {
    this.mesh.setScreenShares(sharers);
  }

  receive(from: string, data: SignalData): void {
    this.mesh.receive(from, data);
  }

  /** The people whose media reaches us (a link, or a camera feed through Janus), each once, by the path carrying them. */
  peerIds(): string[] {
    const on = { mesh: new Set(this.mesh.peerIds()), janus: new Set(this.janus.peerIds()) };
    return [...this.carriers].filter(([id, side]) => on[side].has(id)).map(([id]) => id);
  }

  level(id: string): number {
    const carrier = this.carriers.get(id);
    return carrier ? this.path(carrier).level(id) : 0;
  }

  /** The carrier plays at `gain`; the other path, if it has them too, is silent (no doubled voice during a switch). */
  setGain(id: string, gain: number): void {
    this.gains.set(id, gain);
    const carrier = this.carriers.get(id);
    for (const side of ["mesh", "janus"] as const) this.path(side).setGain(id, side === carrier ? gain : 0);
  }

  isConnected(id: string): boolean {
    const carrier = this.carriers.get(id);
    return carrier ? this.path(carrier).isConnected(id) : false;
  }

  dispose(): void {
    this.endHandover();
    for (const side of ["mesh", "janus"] as const) for (const seen of this.seen[side].values()) this.prime(seen, null);
    for (const off of this.offs) off();
    this.mesh.dispose();
    this.janus.dispose();
  }

  private path(side: Carrier): CallManager | JanusPath {
    return side === "mesh" ? this.mesh : this.janus;
  }

  private apply(): void {
    const groupId = this.conversation.groupId;
    const known = this.route && this.route.groupId === groupId;
    let want: Carrier;
    if (!this.routed || groupId === null || (known && this.route!.via === "mesh")) want = "mesh";
    else if (known) want = "janus";
    else return; // The route for this conversation is on its way: change nothing yet.
    if (want !== this.primary) this.beginHandover(want);
    this.primary = want;
    // The old path first (what it no longer keeps leaves before the new path joins), then the new one.
    this.applyOld();
    if (want === "mesh") this.mesh.update(this.conversation);
    // Everyone the room lists gets a tile through Janus too, publishing or not (as peer to peer).
    else this.janus.route(this.route, this.conversation.peers);
  }

  /** The path we are leaving: only the people it still carries for us during a handover, otherwise nobody. */
  private applyOld(): void {
    const old: Carrier = this.primary === "mesh" ? "janus" : "mesh";
    const inConversation = new Set(this.conversation.peers.map((p) => p.id));
    const held = this.handover?.from === old ? new Set([...this.handover.held].filter((id) => inConversation.has(id))) : new Set<string>();
    if (old === "mesh") {
      const peers = this.conversation.peers.filter((p) => held.has(p.id));
      this.mesh.update({ groupId: peers.length > 0 ? this.conversation.groupId : null, peers, full: this.conversation.full, stage: this.conversation.stage });
    } else if (held.size > 0) this.janus.hold(held);
    else this.janus.route(null);
  }

  /**
   * The route changed for a conversation we stay in: keep, on the old path,
   * everyone it connects us with who is still in the conversation, until
   * their audio arrives on the new one.
   */
  private beginHandover(to: Carrier): void {
    this.endHandover();
    const from: Carrier = to === "mesh" ? "janus" : "mesh";
    if (this.conversation.groupId === null) return;
    const source = this.path(from);
    const held = new Set(this.conversation.peers.map((p) => p.id).filter((id) => this.carriers.get(id) === from && source.isConnected(id)));
    if (held.size === 0) return;
    const handover: Handover = { from, held, startedAt: performance.now(), check: setInterval(() => this.checkHandover(), HANDOVER_CHECK_MS), release: null };
    this.handover = handover;
  }

  /** Moves whoever's audio arrived on the new path; lets the old path go once nobody waits (or on the timeout). */
  private checkHandover(): void {
    const handover = this.handover;
    if (!handover) return;
    const to: Carrier = handover.from === "mesh" ? "janus" : "mesh";
    const late = performance.now() - handover.startedAt > HANDOVER_TIMEOUT_MS;
    for (const id of [...handover.held]) {
      if (this.carriers.get(id) !== handover.from) handover.held.delete(id);
      else if (this.flowing(to, id) || (late && this.seen[to].has(id))) {
        handover.held.delete(id);
        this.carry(id, to);
      } else if (late) handover.held.delete(id);
    }
    if (handover.held.size > 0 || handover.release) return;
    clearInterval(handover.check);
    const elapsed = performance.now() - handover.startedAt;
    handover.release = setTimeout(() => {
      if (this.handover !== handover) return;
      this.handover = null;
      this.applyOld();
    }, late ? 0 : Math.max(HANDOVER_LINGER_MS, HANDOVER_MIN_MS - elapsed));
  }

  private endHandover(): void {
    if (!this.handover) return;
    clearInterval(this.handover.check);
    if (this.handover.release) clearTimeout(this.handover.release);
    this.handover = null;
  }

  /**
   * The new path brings this person's voice: connected, and its audio tap
   * hears them (or, for someone silent, packets have arrived for a while; or
   * the stream carries no audio at all).
   */
  private flowing(side: Carrier, id: string): boolean {
    const seen = this.seen[side].get(id);
    const stream = seen?.stream;
    if (!seen || !stream || !this.path(side).isConnected(id)) return false;
    const audio = stream.getAudioTracks();
    if (audio.length === 0) return true;
    const now = performance.now();
    if (this.path(side).level(id) >= ARRIVED_LEVEL) {
      seen.heardSince ??= now;
      if (now - seen.heardSince >= HEARD_FOR_MS) return true;
    } else seen.heardSince = null;
    if (!audio.some((t) => t.readyState === "live" && !t.muted)) return false;
    seen.packetsSince ??= now;
    return seen.heardSince === null && now - seen.packetsSince >= SILENT_MOVE_MS;
  }

  private prime(seen: Seen, stream: MediaStream | null): void {
    if (seen.primer) seen.primer.srcObject = null;
    seen.primer = null;
    if (!stream || typeof document === "undefined" || typeof HTMLAudioElement === "undefined") return;
    const primer = document.createElement("audio");
    primer.muted = true;
    primer.srcObject = stream;
    void primer.play().catch(() => undefined);
    seen.primer = primer;
  }

  /** This path carries the person from now on: their tile shows its stream and state, and only it is heard. */
  private carry(id: string, side: Carrier): void {
    this.carriers.set(id, side);
    // Its primer stays while it is on this path: the moment between the primer letting go and the tile taking it could restart its sound.
    const seen = this.seen[side].get(id);
    if (seen?.stream) this.events.emit("peerStream", id, seen.stream);
    if (seen?.state) this.events.emit("peerState", id, seen.state);
    const gain = this.gains.get(id);
    if (gain !== undefined) this.setGain(id, gain);
    else this.path(side === "mesh" ? "janus" : "mesh").setGain(id, 0);
  }

  private joined(side: Carrier, id: string, name: string): void {
    this.seen[side].set(id, { name, stream: null, state: null, packetsSince: null, heardSince: null, primer: null });
    if (this.carriers.has(id)) return;
    this.carriers.set(id, side);
    this.events.emit("peerJoined", id, name);
  }

  private streamed(side: Carrier, id: string, stream: MediaStream): void {
    const seen = this.seen[side].get(id);
    if (seen) {
      seen.stream = stream;
      seen.packetsSince = null;
      seen.heardSince = null;
    }
    if (this.carriers.get(id) === side) this.events.emit("peerStream", id, stream);
    else {
      // Not the carrier yet: silent until it takes over, but playing, so that its arrival can be heard.
      this.path(side).setGain(id, 0);
      if (seen) this.prime(seen, stream);
    }
  }

  private stated(side: Carrier, id: string, state: PeerState): void {
    const seen = this.seen[side].get(id);
    if (seen) seen.state = state;
    if (this.carriers.get(id) !== side) return;
    this.events.emit("peerState", id, state);
    // A link the old path was keeping broke: nothing to wait for on it any more.
    const handover = this.handover;
    if (handover?.from === side && handover.held.has(id) && state !== "connected") {
      handover.held.delete(id);
      const other: Carrier = side === "mesh" ? "janus" : "mesh";
      if (this.seen[other].has(id)) this.carry(id, other);
      // Not from inside the path's own event.
      queueMicrotask(() => {
        if (this.handover === handover) this.applyOld();
      });
    }
  }

  private left(side: Carrier, id: string): void {
    const seen = this.seen[side].get(id);
    if (seen) this.prime(seen, null);
    this.seen[side].delete(id);
    if (this.carriers.get(id) !== side) return;
    const other: Carrier = side === "mesh" ? "janus" : "mesh";
    if (this.seen[other].has(id)) this.carry(id, other);
    else {
      this.carriers.delete(id);
      this.gains.delete(id);
      this.events.emit("peerLeft", id);
    }
  }
}
