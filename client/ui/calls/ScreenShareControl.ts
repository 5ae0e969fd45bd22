import { effect, signal } from "@preact/signals";
import type { ClientMessages } from "../../../shared/protocol/messages";
import { ClientMessage } from "../../../shared/protocol/names";
import type { MediaPath } from "../../media/MediaPath";
import type { OfficeState } from "../../state/OfficeState";
import { Disposables } from "../../util/Emitter";

/**
 * The "Share screen" toggle beside the microphone and camera. It captures a
 * screen, window or tab (getDisplayMedia), hands the track to the media path
 * and tells the room; "Stop sharing", the browser's own stop button (the
 * track ends) or the room ending the share (we left the conversation or the
 * zone, or it refused) turn it off. Shown only where the browser can capture
 * a screen; usable only in a conversation, and on a stage only by speakers.
 */

export type SharePhase = "off" | "starting" | "on";

export interface ScreenShareControlOptions {
  root: HTMLElement;
  state: OfficeState;
  path: Pick<MediaPath, "setScreen" | "screenStream">;
  send(payload: ClientMessages[typeof ClientMessage.ShareScreen]): void;
  announce(text: string): void;
  mediaDevices?: MediaDevices | undefined;
}

/** A screen's text is small: favour sharpness over motion, and keep the frame rate low for every link. */
const DISPLAY_CONSTRAINTS: DisplayMediaStreamOptions = { video: { frameRate: { ideal: 10, max: 15 } }, audio: false };

export class ScreenShareControl {
  readonly button: HTMLButtonElement;
  readonly phase = signal<SharePhase>("off");
  private readonly disposables = new Disposables();
  private track: MediaStreamTrack | null = null;
  /** The room has listed our share: from then on, a list without us means it ended it. */
  private confirmed = false;
  private disposed = false;
  private readonly mediaDevices: MediaDevices | undefined;

  constructor(private readonly options: ScreenShareControlOptions) {
    this.mediaDevices = "mediaDevices" in options ? options.mediaDevices : navigator.mediaDevices;
    const button = (this.button = document.createElement("button"));
    button.type = "button";
    button.className = "call-button";
    // Listeners on a stage send nothing: the page hides what would send (styles.css).
    button.dataset.sends = "";
    button.dataset.shareScreen = "";
    button.hidden = typeof this.mediaDevices?.getDisplayMedia !== "function";
    options.root.append(button);
    this.disposables.add(() => button.remove());
    this.disposables.listen(button, "click", () => this.toggle());
    const { state } = options;
    this.disposables.add(effect(() => this.render()));
    // The room's word on our share: listed = confirmed; missing after that = ended there.
    this.disposables.add(
      effect(() => {
        const listed = state.screenShares.value.some((s) => s.id === state.selfId.value);
        if (this.phase.peek() !== "on") return;
        if (listed) this.confirmed = true;
        else if (this.confirmed) this.end(false, "Your screen share ended: you left the conversation.");
      }),
    );
    this.disposables.add(
      effect(() => {
        if (state.conversation.value?.groupId == null && this.phase.peek() === "on") this.end(false, "Your screen share ended: you left the conversation.");
      }),
    );
    this.disposables.add(
      effect(() => {
        const refusal = state.rejected.value.get(ClientMessage.ShareScreen);
        if (!refusal) return;
        state.clearRejected(ClientMessage.ShareScreen);
        if (this.phase.peek() !== "off") this.end(false, `Your screen is not shared: ${refusal.reason}`);
      }),
    );
  }

  toggle(): void {
    if (this.phase.peek() === "on") this.end(true, "You stopped sharing your screen.");
    else if (this.phase.peek() === "off" && this.mayShare()) void this.start();
  }

  dispose(): void {
    if (this.disposed) return;
    if (this.phase.peek() === "on") this.end(true, null);
    this.disposed = true;
    this.disposables.dispose();
  }

  private mayShare(): boolean {
    const conversation = this.options.state.conversation.peek();
    return conversation?.groupId != null && conversation.stage?.role !== "listener";
  }

  private async start(): Promise<void> {
    const { path, announce } = this.options;
    this.phase.value = "starting";
    let stream: MediaStream;
    try {
      stream = await this.mediaDevices!.getDisplayMedia(DISPLAY_CONSTRAINTS);
    } catch (error) {
      this.phase.value = "off";
      const name = (error as { name?: unknown } | null)?.name;
      announce(name === "NotAllowedError" ? "Screen sharing was cancelled." : "This browser could not capture a screen.");
      return;
    }
    const track = stream.getVideoTracks()[0];
    // The picker can stay open a long time: we may have walked away (or closed the calls) meanwhile.
    if (!track || this.disposed || !this.mayShare() || !path.screenStream) {
      for (const t of stream.getTracks()) t.stop();
      this.phase.value = "off";
      if (track && !this.disposed) announce("Your screen is not shared: you are no longer in a conversation.");
      return;
    }
    track.contentHint = "detail";
    // The browser's own "Stop sharing" ends the track.
    track.addEventListener("ended", () => {
      if (this.track === track) this.end(true, "You stopped sharing your screen.");
    });
    this.track = track;
    this.confirmed = false;
    path.setScreen(track);
    this.options.send({ on: true, stream: path.screenStream.id });
    this.phase.value = "on";
    announce("You are sharing your screen.");
  }

  /** Stops capturing; `tellRoom` false when the room already ended (or refused) the share. */
  private end(tellRoom: boolean, announcement: string | null): void {
    const track = this.track;
    this.track = null;
    this.confirmed = false;
    track?.stop();
    this.options.path.setScreen(null);
    if (tellRoom) this.options.send({ on: false });
    this.phase.value = "off";
    if (announcement) this.options.announce(announcement);
  }

  private render(): void {
    const conversation = this.options.state.conversation.value;
    const phase = this.phase.value;
    const on = phase === "on";
    const listener = conversation?.stage?.role === "listener";
    const inConversation = conversation?.groupId != null;
    this.button.textContent = on ? "Stop sharing" : "Share screen";
    this.button.setAttribute("aria-pressed", String(on));
    this.button.disabled = !on && (phase === "starting" || !inConversation || listener);
    this.button.title = on
      ? "Stop sharing your screen"
      : listener
        ? "On a stage only the speakers can share their screen"
        : inConversation
          ? "Share a screen, window or tab with this conversation"
          : "Walk up to someone to share your screen with them";
  }
}
