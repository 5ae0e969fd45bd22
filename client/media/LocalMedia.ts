import { Emitter } from "../util/Emitter";

/**
 * This person's camera and microphone, captured once and shared by every peer
 * connection. Muting flips `track.enabled` (no renegotiation); switching a
 * device swaps the track in the same MediaStream and tells the peers to
 * `replaceTrack`. Without devices (denied or missing) it holds no stream and
 * calls run receive-only.
 */

export type DeviceKind = "audioinput" | "videoinput";

export type LocalMediaEvents = {
  /** A device switch: every peer must replace `previous` by `next` (same stream object). */
  trackReplaced: [previous: MediaStreamTrack, next: MediaStreamTrack, stream: MediaStream];
  /** Mute/camera state or available tracks changed. */
  changed: [];
};

export const VIDEO_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 480 },
  frameRate: { ideal: 15, max: 24 },
};
export const AUDIO_CONSTRAINTS: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

export class LocalMedia {
  readonly events = new Emitter<LocalMediaEvents>();
  private disposed = false;

  private constructor(
    readonly stream: MediaStream | null,
    /** Why some or all devices are missing, in words for people; null when both work. */
    readonly problem: string | null,
    /** The browser refused permission (rather than having no device): the page offers a retry and a how-to. */
    readonly denied = false,
  ) {}

  /** Asks for camera and microphone, falling back to microphone only, camera only, then nothing. */
  static async acquire(mediaDevices: MediaDevices | undefined = navigator.mediaDevices): Promise<LocalMedia> {
    if (!mediaDevices?.getUserMedia) {
      return new LocalMedia(null, "This browser cannot use a camera or microphone here: you can still see and hear others.");
    }
    const attempts: Array<[MediaStreamConstraints, string | null]> = [
      [{ audio: AUDIO_CONSTRAINTS, video: VIDEO_CONSTRAINTS }, null],
      [{ audio: AUDIO_CONSTRAINTS }, "No camera: others can hear you but not see you."],
      [{ video: VIDEO_CONSTRAINTS }, "No microphone: others can see you but not hear you."],
    ];
    let denied = false;
    for (const [constraints, problem] of attempts) {
      try {
        const stream = await mediaDevices.getUserMedia(constraints);
        return new LocalMedia(stream, problem, denied);
      } catch (error) {
        // Denied or missing: try with fewer devices.
        denied ||= (error as { name?: unknown } | null)?.name === "NotAllowedError";
      }
    }
    return new LocalMedia(null, "No camera or microphone: you can still see and hear others.", denied);
  }

  get hasAudio(): boolean {
    return (this.stream?.getAudioTracks().length ?? 0) > 0;
  }

  get hasVideo(): boolean {
    return (this.stream?.getVideoTracks().length ?? 0) > 0;
  }

  get micOn(): boolean {
    return this.stream?.getAudioTracks().some((t) => t.enabled) ?? false;
  }

  get cameraOn(): boolean {
    return this.stream?.getVideoTracks().some((t) => t.enabled) ?? false;
  }

  setMicOn(on: boolean): void {
    this.setEnabled(this.stream?.getAudioTracks() ?? [], on);
  }

  setCameraOn(on: boolean): void {
    this.setEnabled(this.stream?.getVideoTracks() ?? [], on);
  }

  /** The id of the device currently used for `kind`, if any. */
  currentDeviceId(kind: DeviceKind): string | null {
    const track = kind === "audioinput" ? this.stream?.getAudioTracks()[0] : this.stream?.getVideoTracks()[0];
    return track?.getSettings().deviceId ?? null;
  }

  /**
   * Switches to another camera or microphone. Only a kind we already send can
   * be switched (adding a new kind would need renegotiation).
   */
  async useDevice(kind: DeviceKind, deviceId: string, mediaDevices: MediaDevices = navigator.mediaDevices): Promise<void> {
    const stream = this.stream;
    const previous = kind === "audioinput" ? stream?.getAudioTracks()[0] : stream?.getVideoTracks()[0];
    if (!stream || !previous) throw new Error(`no ${kind === "audioinput" ? "microphone" : "camera"} in use to switch from`);
    if (previous.getSettings().deviceId === deviceId) return;
    const base = kind === "audioinput" ? AUDIO_CONSTRAINTS : VIDEO_CONSTRAINTS;
    const constraints = { ...base, deviceId: { exact: deviceId } };
    const fresh = await mediaDevices.getUserMedia(kind === "audioinput" ? { audio: constraints } : { video: constraints });
    const next = kind === "audioinput" ? fresh.getAudioTracks()[0] : fresh.getVideoTracks()[0];
    if (this.disposed) {
      next.stop();
      return;
    }
    next.enabled = previous.enabled;
    // Peers look their senders up by the old track and this stream, so replace before changing the stream.
    this.events.emit("trackReplaced", previous, next, stream);
    stream.removeTrack(previous);
    stream.addTrack(next);
    previous.stop();
    this.events.emit("changed");
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.events.clear();
  }

  private setEnabled(tracks: MediaStreamTrack[], on: boolean): void {
    for (const track of tracks) track.enabled = on;
    this.events.emit("changed");
  }
}
