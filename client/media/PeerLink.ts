import type { SignalData } from "../../shared/protocol/conversationMessages";
import { isStaleCandidate, startsNewSession, ufragOfCandidate, ufragOfSdp } from "./iceUfrag";
import { createSimplePeer, type PeerInstance, type PeerSignal } from "./simplePeer";

/**
 * One WebRTC connection to one conversation partner (a simple-peer instance).
 * It reports each remote stream (the camera's, and a shared screen's) and,
 * once, failure: an error, ICE staying disconnected too long, or no
 * connection within the setup time. Whoever owns it decides about retrying.
 *
 * A shared screen is one more video track, in a stream of its own. The first
 * share on a link adds it and renegotiates (simple-peer: the initiator offers
 * again; the other side asks it for a video transceiver its track can take);
 * stopping only sets the sender's track to null and sharing again puts the
 * new track on that sender, so a link renegotiates at most once for screens
 * and its SDP never grows past one extra video section per side.
 */

export interface PeerLinkOptions {
  peerId: string;
  initiator: boolean;
  /** Our camera/microphone; null = receive-only. */
  stream: MediaStream | null;
  /** Our shared screen, when we share as the link is made. */
  screen?: ScreenSource | null;
  iceServers: RTCIceServer[];
  send(data: SignalData): void;
  onStream(stream: MediaStream): void;
  onConnect(): void;
  onFailed(reason: string): void;
  /** Overridable for tests. */
  disconnectGraceMs?: number;
  setupTimeoutMs?: number;
}

/** A shared screen's track and the stream it travels in (its id tells the receivers it is the screen). */
export interface ScreenSource {
  track: MediaStreamTrack;
  stream: MediaStream;
}

/** ICE "disconnected" often heals by itself within a few seconds. */
export const DISCONNECT_GRACE_MS = 5000;
/** Software rendering on slow machines can take a while to set up a call. */
export const SETUP_TIMEOUT_MS = 30_000;

export class PeerLink {
  readonly peerId: string;
  readonly initiator: boolean;
  private readonly peer: PeerInstance;
  private remoteUfrag: string | null = null;
  private gotOffer = false;
  private connected = false;
  private ended = false;
  private disconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private setupTimer: ReturnType<typeof setTimeout> | null = null;
  private remoteStream: MediaStream | null = null;
  /** The sender our screen goes out on, once a share added it. */
  private screenSender: RTCRtpSender | null = null;

  constructor(private readonly options: PeerLinkOptions) {
    this.peerId = options.peerId;
    this.initiator = options.initiator;
    this.peer = createSimplePeer({
      initiator: options.initiator,
      trickle: true,
      stream: options.stream ?? undefined,
      config: { iceServers: options.iceServers },
      // Receive both kinds even when we send neither (no devices) or only one.
      offerOptions: { offerToReceiveAudio: true, offerToReceiveVideo: true },
    });
    this.peer.on("signal", (data: PeerSignal) => {
      if (!this.ended) options.send(data as SignalData);
    });
    this.peer.on("stream", (stream: MediaStream) => {
      if (this.ended) return;
      this.remoteStream = stream;
      options.onStream(stream);
    });
    this.peer.on("connect", () => {
      if (this.ended) return;
      this.connected = true;
      this.clearSetupTimer();
      options.onConnect();
    });
    this.peer.on("iceStateChange", (state: RTCIceConnectionState) => this.onIceState(state));
    this.peer.on("error", (error: Error & { code?: string }) => this.fail(error.code ?? error.message));
    this.peer.on("close", () => this.fail("closed"));
    // A non-initiator waits for an offer as long as it takes; the clock starts with the offer.
    if (options.initiator) this.startSetupTimer();
    // After the listeners: a non-initiator's request for a transceiver is a signal of its own.
    if (options.screen) this.setScreen(options.screen.track, options.screen.stream);
  }

  get isConnected(): boolean {
    return this.connected;
  }

  get stream(): MediaStream | null {
    return this.remoteStream;
  }

  /**
   * A second offer to a non-initiator with another ICE username fragment means
   * the other side recreated its connection; the owner must answer it with a
   * fresh link. One with the same fragment renegotiates this connection (a
   * screen share) and is this link's to answer.
   */
  needsFreshLinkFor(data: SignalData): boolean {
    return !this.initiator && data.type === "offer" && this.gotOffer && startsNewSession(data.sdp, this.remoteUfrag);
  }

  /** Shows our screen on this link (`track` null: stops showing it, without renegotiating). */
  setScreen(track: MediaStreamTrack | null, stream: MediaStream): void {
    if (this.ended) return;
    if (this.screenSender) {
      this.screenSender.replaceTrack(track).catch((error: unknown) => this.fail(`screen: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    if (!track) return;
    try {
      // Only the initiator's offer can add a media section; ask it for one our track can take (it receives, we send).
      if (!this.initiator) this.peer.addTransceiver("video", { direction: "recvonly" });
      this.peer.addTrack(track, stream);
      this.screenSender = this.connection?.getSenders().find((sender) => sender.track === track) ?? null;
    } catch (error) {
      this.fail(`screen: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  signal(data: SignalData): void {
    if (this.ended) return;
    if (data.type === "offer" || data.type === "answer") {
      this.remoteUfrag = ufragOfSdp(data.sdp);
      if (data.type === "offer" && !this.gotOffer) {
        this.gotOffer = true;
        this.startSetupTimer();
      }
    } else if (data.type === "candidate") {
      // In flight from a connection the other side has since replaced.
      if (isStaleCandidate(ufragOfCandidate(data.candidate.candidate), this.remoteUfrag)) return;
    }
    try {
      this.peer.signal(data as PeerSignal);
    } catch (error) {
      this.fail(error instanceof Error ? error.message : "bad signal");
    }
  }

  /** The underlying RTCPeerConnection (simple-peer keeps it as `_pc`), for bounding senders; null once ended. */
  get connection(): RTCPeerConnection | null {
    if (this.ended) return null;
    return (this.peer as unknown as { _pc?: RTCPeerConnection })._pc ?? null;
  }

  replaceTrack(previous: MediaStreamTrack, next: MediaStreamTrack, stream: MediaStream): void {
    if (this.ended) return;
    try {
      this.peer.replaceTrack(previous, next, stream);
    } catch (error) {
      this.fail(`replaceTrack: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  destroy(): void {
    if (this.ended) return;
    this.ended = true;
    this.clearTimers();
    this.peer.removeAllListeners();
    // simple-peer may still emit an error while closing; keep it from becoming an uncaught one.
    this.peer.on("error", () => undefined);
    this.peer.destroy();
  }

  private onIceState(state: RTCIceConnectionState): void {
    if (this.ended) return;
    if (state === "disconnected") {
      this.disconnectTimer ??= setTimeout(
        () => this.fail("ICE disconnected"),
        this.options.disconnectGraceMs ?? DISCONNECT_GRACE_MS,
      );
    } else if (state === "connected" || state === "completed") {
      if (this.disconnectTimer) clearTimeout(this.disconnectTimer);
      this.disconnectTimer = null;
    }
  }

  private fail(reason: string): void {
    if (this.ended) return;
    this.destroy();
    this.options.onFailed(reason);
  }

  private startSetupTimer(): void {
    this.setupTimer ??= setTimeout(() => this.fail("no connection in time"), this.options.setupTimeoutMs ?? SETUP_TIMEOUT_MS);
  }

  private clearSetupTimer(): void {
    if (this.setupTimer) clearTimeout(this.setupTimer);
    this.setupTimer = null;
  }

  private clearTimers(): void {
    this.clearSetupTimer();
    if (this.disconnectTimer) clearTimeout(this.disconnectTimer);
    this.disconnectTimer = null;
  }
}
