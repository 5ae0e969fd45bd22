import type { SignalData } from "../../shared/protocol/conversationMessages";
import type { ScreenSharer } from "../../shared/protocol/screenMessages";
import { Emitter } from "../util/Emitter";
import type { CallEvents, CallManager, ConversationUpdate } from "./CallManager";
import type { JanusPath, MediaRoute } from "./JanusPath";
import type { MediaPath } from "./MediaPath";

/**
 * The MediaPath the page uses: peer to peer (CallManager) or through the
 * media server (JanusPath), as the room's MediaRoute says for our
 * conversation. A server without a media server sends no routes, and
 * everything is peer to peer at once. With one, a new conversation's
 * peer-to-peer calls wait for its route (it follows in the same tick), so a
 * meeting room does not start a mesh it would tear down again.
 */
export class RoutedMediaPath implements MediaPath {
  readonly events = new Emitter<CallEvents>();
  private conversation: ConversationUpdate = { groupId: null, peers: [] };
  private route: MediaRoute | null = null;
  private routed = false;
  private readonly offs: Array<() => void> = [];

  constructor(
    readonly mesh: CallManager,
    readonly janus: JanusPath,
  ) {
    for (const source of [mesh.events, janus.events]) {
      this.offs.push(
        source.on("peerJoined", (...a) => this.events.emit("peerJoined", ...a)),
        source.on("peerStream", (...a) => this.events.emit("peerStream", ...a)),
        source.on("peerState", (...a) => this.events.emit("peerState", ...a)),
        source.on("peerLeft", (...a) => this.events.emit("peerLeft", ...a)),
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

  peerIds(): string[] {
    return [...this.mesh.peerIds(), ...this.janus.peerIds()];
  }

  level(id: string): number {
    return Math.max(this.mesh.level(id), this.janus.level(id));
  }

  setGain(id: string, gain: number): void {
    this.mesh.setGain(id, gain);
    this.janus.setGain(id, gain);
  }

  isConnected(id: string): boolean {
    return this.mesh.isConnected(id) || this.janus.isConnected(id);
  }

  dispose(): void {
    for (const off of this.offs) off();
    this.mesh.dispose();
    this.janus.dispose();
  }

  private apply(): void {
    const groupId = this.conversation.groupId;
    const known = this.route && this.route.groupId === groupId;
    if (!this.routed || (known && this.route!.via === "mesh") || groupId === null) {
      this.janus.route(null);
      this.mesh.update(this.conversation);
    } else if (known) {
      this.mesh.update({ groupId: null, peers: [], full: this.conversation.full, stage: this.conversation.stage });
      // Everyone the room lists gets a tile through Janus too, publishing or not (as peer to peer).
      this.janus.route(this.route, this.conversation.peers);
    }
    // Otherwise the route for this conversation is on its way: change nothing yet.
  }
}
