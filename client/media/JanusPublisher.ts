import { iceGathered } from "./iceGathered";

/**
 * One publishing connection to Janus (the camera and microphone, or a shared
 * screen): a send-only RTCPeerConnection whose whole offer (candidates
 * inside, Janus takes them there) goes to the room, and Janus's answer back.
 * It knows nothing of retries: it says when it failed or connected, and its
 * owner (JanusPath) decides what comes next.
 */

export interface PublisherEvents {
  /** The offer, with its candidates, for the room. */
  offer(sdp: string): void;
  connected(): void;
  /** The offer could not be made, Janus's answer was refused, or the connection failed. */
  failed(): void;
}

export class JanusPublisher {
  private pc: RTCPeerConnection | null = null;
  /** Our offer is with the room and Janus; its answer has not come back. */
  private waiting = false;

  constructor(
    private readonly what: string,
    private readonly events: PublisherEvents,
  ) {}

  /** Whether publishing (or about to). */
  get active(): boolean {
    return this.pc !== null;
  }

  get pending(): boolean {
    return this.waiting;
  }

  /** Starts publishing these tracks (replacing what was published). */
  async start(stream: MediaStream, iceServers: RTCIceServer[]): Promise<void> {
    this.stop();
    const pc = new RTCPeerConnection({ iceServers });
    this.pc = pc;
    pc.addEventListener("connectionstatechange", () => {
      if (this.pc !== pc) return;
      if (pc.connectionState === "connected") this.events.connected();
      if (pc.connectionState === "failed") this.events.failed();
    });
    for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly", streams: [stream] });
    try {
      await pc.setLocalDescription(await pc.createOffer());
      await iceGathered(pc);
    } catch (error) {
      console.warn(`[deskmap] media server: could not make the ${this.what} offer`, error);
      if (this.pc === pc) this.events.failed();
      return;
    }
    if (this.pc !== pc || !pc.localDescription) return;
    this.waiting = true;
    this.events.offer(pc.localDescription.sdp);
  }

  /** Janus's answer to our offer. */
  answered(sdp: string): void {
    const pc = this.pc;
    if (!pc || !this.waiting) return;
    this.waiting = false;
    void pc.setRemoteDescription({ type: "answer", sdp }).catch((error) => {
      console.warn(`[deskmap] media server: ${this.what} answer refused`, error);
      if (this.pc === pc) this.events.failed();
    });
  }

  /** A device switch: the new track goes out without renegotiating. */
  replaceTrack(previous: MediaStreamTrack, next: MediaStreamTrack | null): void {
    const sender = this.pc?.getSenders().find((s) => s.track === previous);
    void sender?.replaceTrack(next).catch((error) => console.warn("[deskmap] media server: could not switch the device", error));
  }

  stop(): void {
    this.pc?.close();
    this.pc = null;
    this.waiting = false;
  }
}
