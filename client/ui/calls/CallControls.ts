import { isTypingTarget } from "../../systems/KeyboardIntent";
import { Disposables } from "../../util/Emitter";
import type { LocalMedia } from "../../media/LocalMedia";

/**
 * Microphone and camera toggles (buttons with aria-pressed, and the M and V
 * keys outside text fields). They only flip `track.enabled`, so nothing is
 * renegotiated and toggling quickly is harmless.
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
    this.disposables.listen(window, "keydown", (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.repeat || isTypingTarget(event.target)) return;
      if (event.code === "KeyM") {
        event.preventDefault();
        this.toggleMic();
      } else if (event.code === "KeyV") {
        event.preventDefault();
        this.toggleCamera();
      }
    });
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
  return el;
}
