import { Disposables } from "../../util/Emitter";
import type { LocalMedia } from "../../media/LocalMedia";

/**
 * Microphone and camera toggles (buttons with aria-pressed, and the M and V
 * keys outside text fields). They only flip `track.enabled`, so nothing is
 * renegotiated and toggling quickly is harmless. The M and V keys come
 * through the page's keymap.
 */
export class CallControls {
  private readonly disposables = new Disposables();
  readonly mic: HTMLButtonElement;
  readonly camera: HTMLButtonElement;

  constructor(
    root: HTMLElement,
    private readonly media: LocalMedia,
    private readonly onChange: () => void = () => undefined,
  ) {
    this.mic = button("Microphone", "M");
    this.camera = button("Camera", "V");
    root.append(this.mic, this.camera);
    this.disposables.add(() => {
      this.mic.remove();
      this.camera.remove();
    });
    this.disposables.listen(this.mic, "click", () => this.toggleMic());
    this.disposables.listen(this.camera, "click", () => this.toggleCamera());
    this.disposables.add(media.events.on("changed", () => this.render()));
    this.render();
  }

  toggleMic(): void {
    if (!this.media.hasAudio) return;
    this.media.setMicOn(!this.media.micOn);
  }

  toggleCamera(): void {
    if (!this.media.hasVideo) return;
    this.media.setCameraOn(!this.media.cameraOn);
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private render(): void {
    const { hasAudio, hasVideo, micOn, cameraOn } = this.media;
    this.mic.disabled = !hasAudio;
    this.mic.setAttribute("aria-pressed", String(hasAudio && micOn));
    this.mic.title = hasAudio ? `Microphone ${micOn ? "on" : "muted"} (M)` : "No microphone";
    this.camera.disabled = !hasVideo;
    this.camera.setAttribute("aria-pressed", String(hasVideo && cameraOn));
    this.camera.title = hasVideo ? `Camera ${cameraOn ? "on" : "off"} (V)` : "No camera";
    this.onChange();
  }
}

function button(label: string, key: string): HTMLButtonElement {
  const el = document.createElement("button");
  el.type = "button";
  el.className = "call-button";
  el.textContent = label;
  el.setAttribute("aria-keyshortcuts", key);
  el.dataset.sends = "";
  return el;
}
