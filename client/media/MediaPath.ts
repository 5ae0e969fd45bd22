import type { ConversationPeer, SignalData } from "../../shared/protocol/conversationMessages";
import type { ScreenSharer } from "../../shared/protocol/screenMessages";
import type { Emitter } from "../util/Emitter";
import type { CallEvents } from "./CallManager";

/**
 * How media reaches the people of our conversation, whatever carries it.
 * Today: peer-to-peer (CallManager, one simple-peer link per partner, one-way
 * links on a stage). A media server (Janus VideoRoom: publish once, subscribe
 * to the speakers) can implement the same interface later; the room's
 * Conversation messages, zones and meetups stay as they are.
 */
export interface MediaPath {
  readonly events: Emitter<CallEvents>;
  setIceServers(servers: RTCIceServer[]): void;
  /** The room's Conversation message: whom we exchange media with, and which way. */
  update(conversation: {
    groupId: string | null;
    peers: ConversationPeer[];
    full?: { groupId: string; size: number };
    stage?: { role: "speaker" | "listener"; note?: string };
  }): void;
  /** Signalling relayed by the room (peer-to-peer only; a media server path may ignore it). */
  receive(from: string, data: SignalData): void;
  /**
   * Our shared screen (null: stop sharing) for everyone we send to. The room
   * is told separately (ShareScreen, naming `screenStream`'s id); the media
   * server path publishes it as a second feed once the room accepted it.
   */
  setScreen(track: MediaStreamTrack | null): void;
  /** The stream our screen travels in; its id is what the room tells the others. */
  readonly screenStream: MediaStream | null;
  /** The room's ScreenShares: whose screens to show, told apart from cameras (events: peerScreen). */
  setScreenShares(sharers: readonly ScreenSharer[]): void;
  peerIds(): string[];
  level(id: string): number;
  setGain(id: string, gain: number): void;
  isConnected(id: string): boolean;
  dispose(): void;
}
