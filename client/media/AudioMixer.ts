/**
 * One AudioContext for the call. Remote voices are played through Web Audio
 * (MediaStreamSource → GainNode → speakers) so their volume can follow
 * distance; every stream, our own included, also feeds an AnalyserNode for
 * the speaking indicator.
 */

export interface AudioTap {
  /** Loudness of the last ~170 ms: the RMS of its loudest ~10 ms block, in [0, 1]. */
  level(): number;
  /** Target volume (remote voices only); changes smoothly to avoid clicks. */
  setGain(gain: number): void;
  dispose(): void;
}

const GAIN_SMOOTHING_S = 0.15;

export class AudioMixer {
  private context: AudioContext | null = null;
  private readonly taps = new Set<AudioTap>();
  private readonly unlock = () => void this.context?.resume().catch(() => undefined);

  constructor() {
    // Browsers may start the context suspended until a gesture; resume on the next one.
    document.addEventListener("pointerdown", this.unlock);
    document.addEventListener("keydown", this.unlock);
  }

  /** Taps a stream's audio; with `play` it is also routed to the speakers. Null when the stream has no audio. */
  attach(stream: MediaStream, play: boolean): AudioTap | null {
    if (stream.getAudioTracks().length === 0) return null;
    const context = this.ensureContext();
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    // ~170 ms at 48 kHz: at least the time between two reads, so short sounds are not missed.
    analyser.fftSize = 8192;
    source.connect(analyser);
    let gain: GainNode | null = null;
    if (play) {
      gain = context.createGain();
      source.connect(gain);
      gain.connect(context.destination);
    }
    const samples = new Float32Array(analyser.fftSize);
    const tap: AudioTap = {
      level: () => {
        analyser.getFloatTimeDomainData(samples);
        return loudestBlockRms(samples);
      },
      setGain: (value) => {
        if (!gain || !Number.isFinite(value)) return;
        gain.gain.setTargetAtTime(Math.max(0, value), context.currentTime, GAIN_SMOOTHING_S);
      },
      dispose: () => {
        if (!this.taps.delete(tap)) return;
        source.disconnect();
        analyser.disconnect();
        gain?.disconnect();
      },
    };
    this.taps.add(tap);
    return tap;
  }

  dispose(): void {
    for (const tap of [...this.taps]) tap.dispose();
    document.removeEventListener("pointerdown", this.unlock);
    document.removeEventListener("keydown", this.unlock);
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  /** Plays the call through another output device (a speaker picker); false where the browser cannot choose. */
  async setOutput(deviceId: string): Promise<boolean> {
    this.sinkId = deviceId;
    const context = this.context as (AudioContext & { setSinkId?(id: string): Promise<void> }) | null;
    if (!context) return typeof (AudioContext.prototype as { setSinkId?: unknown }).setSinkId === "function";
    if (typeof context.setSinkId !== "function") return false;
    await context.setSinkId(deviceId);
    return true;
  }

  /** The output device chosen, "" for the system default. */
  get output(): string {
    return this.sinkId;
  }

  private sinkId = "";

  private ensureContext(): AudioContext {
    if (!this.context) {
      this.context = new AudioContext();
      const context = this.context as AudioContext & { setSinkId?(id: string): Promise<void> };
      if (this.sinkId && typeof context.setSinkId === "function") void context.setSinkId(this.sinkId).catch(() => undefined);
    }
    if (this.context.state === "suspended") void this.context.resume().catch(() => undefined);
    return this.context;
  }
}

const BLOCK = 512;

/** Loudest short block: a burst of speech counts, while steady low noise stays low. */
export function loudestBlockRms(samples: Float32Array): number {
  let loudest = 0;
  for (let start = 0; start < samples.length; start += BLOCK) {
    const end = Math.min(samples.length, start + BLOCK);
    let sum = 0;
    for (let i = start; i < end; i++) sum += samples[i] * samples[i];
    loudest = Math.max(loudest, Math.sqrt(sum / (end - start)));
  }
  return loudest;
}
