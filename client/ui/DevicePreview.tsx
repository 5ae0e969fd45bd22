import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { AUDIO_CONSTRAINTS, VIDEO_CONSTRAINTS } from "../media/LocalMedia";

/**
 * "Check your camera and microphone" on the join page: a mirrored preview and
 * a microphone level, before anyone can see or hear you. Everything it opens
 * is released when it closes or when you join (the office asks again).
 */
export function mountDevicePreview(host: HTMLElement): () => void {
  render(<DevicePreview />, host);
  return () => render(null, host);
}

function DevicePreview() {
  const [open, setOpen] = useState(false);
  return (
    <details class="device-preview" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Check your camera and microphone</summary>
      {open && <Preview />}
    </details>
  );
}

function Preview() {
  const video = useRef<HTMLVideoElement>(null);
  const [level, setLevel] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let context: AudioContext | null = null;
    let frame = 0;
    let stopped = false;
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: AUDIO_CONSTRAINTS, video: VIDEO_CONSTRAINTS });
      } catch (error) {
        const denied = (error as { name?: string }).name === "NotAllowedError";
        setProblem(
          denied
            ? "The browser refused the camera and microphone: allow them for this site (the camera icon or padlock in the address bar), then open this again."
            : "No camera or microphone found: you can still join, see and hear others.",
        );
        return;
      }
      if (stopped) return stream.getTracks().forEach((t) => t.stop());
      if (video.current) video.current.srcObject = stream;
      if (stream.getAudioTracks().length === 0) return;
      context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 1024;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const meter = () => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const v of samples) sum += v * v;
        setLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
        frame = requestAnimationFrame(meter);
      };
      frame = requestAnimationFrame(meter);
    })();
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((t) => t.stop());
      void context?.close().catch(() => undefined);
    };
  }, []);
  if (problem) return <p role="status" class="field-hint">{problem}</p>;
  return (
    <div class="device-preview-body">
      <video ref={video} autoPlay playsInline muted aria-label="Your camera preview" data-device-preview="" />
      <label class="field-hint">
        Microphone level <meter min={0} max={1} value={level} aria-label="Microphone level" data-mic-level="" />
      </label>
    </div>
  );
}
