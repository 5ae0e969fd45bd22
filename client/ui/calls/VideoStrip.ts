import { Disposables } from "../../util/Emitter";

/**
 * The strip of video tiles over the top edge of the map: our own preview
 * (muted, mirrored) and one tile per conversation partner, each a labelled
 * group with the person's name. Collapsible, so it never has to hide the map.
 * Remote <video> elements stay muted: their sound plays through Web Audio.
 */

export type TileState = "connecting" | "connected" | "retrying" | "failed";

interface Tile {
  root: HTMLElement;
  video: HTMLVideoElement;
  caption: HTMLElement;
  name: string;
  firstFrameAt: number | null;
}

const STATE_TEXT: Record<TileState, string> = {
  connecting: "connecting…",
  connected: "",
  retrying: "reconnecting…",
  failed: "could not connect",
};

export class VideoStrip {
  private readonly tiles = new Map<string, Tile>();
  private readonly list: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly disposables = new Disposables();
  private self: Tile | null = null;

  constructor(
    private readonly root: HTMLElement,
    /** Told once per stream when its first frame is on screen. */
    private readonly onFirstFrame: (id: string, at: number) => void = () => undefined,
  ) {
    root.classList.add("call-strip");
    root.setAttribute("aria-label", "Video call");
    this.toggle = document.createElement("button");
    this.toggle.type = "button";
    this.toggle.className = "call-strip-toggle";
    this.list = document.createElement("div");
    this.list.className = "call-tiles";
    this.list.id = "call-tiles";
    this.toggle.setAttribute("aria-controls", this.list.id);
    this.disposables.listen(this.toggle, "click", () => this.setCollapsed(!this.collapsed));
    root.prepend(this.toggle, this.list);
    this.setCollapsed(false);
    this.updateVisibility();
  }

  get collapsed(): boolean {
    return this.root.dataset.collapsed === "true";
  }

  setCollapsed(collapsed: boolean): void {
    this.root.dataset.collapsed = String(collapsed);
    this.toggle.setAttribute("aria-expanded", String(!collapsed));
    this.toggle.textContent = collapsed ? "Show videos" : "Hide videos";
  }

  setSelf(stream: MediaStream | null): void {
    this.self?.root.remove();
    this.self = this.makeTile("self", "You", true);
    this.self.root.dataset.self = "true";
    if (stream) this.attach(this.self, "self", stream);
    else this.self.root.dataset.video = "false";
    this.list.prepend(this.self.root);
    this.updateVisibility();
  }

  addPeer(id: string, name: string): void {
    if (this.tiles.has(id)) return;
    const tile = this.makeTile(id, name, false);
    this.tiles.set(id, tile);
    this.list.append(tile.root);
    this.updateVisibility();
  }

  setStream(id: string, stream: MediaStream): void {
    const tile = this.tiles.get(id);
    if (tile) this.attach(tile, id, stream);
  }

  setState(id: string, state: TileState): void {
    const tile = this.tiles.get(id);
    if (!tile) return;
    tile.root.dataset.state = state;
    const note = STATE_TEXT[state];
    tile.caption.textContent = note ? `${tile.name} (${note})` : tile.name;
  }

  setSpeaking(id: string, speaking: boolean): void {
    const tile = id === "self" ? this.self : this.tiles.get(id);
    if (tile) tile.root.dataset.speaking = String(speaking);
  }

  setCameraOff(off: boolean): void {
    if (this.self) this.self.root.dataset.cameraOff = String(off);
  }

  removePeer(id: string): void {
    const tile = this.tiles.get(id);
    if (!tile) return;
    this.tiles.delete(id);
    tile.video.srcObject = null;
    tile.root.remove();
    this.updateVisibility();
  }

  dispose(): void {
    for (const id of [...this.tiles.keys()]) this.removePeer(id);
    if (this.self) this.self.video.srcObject = null;
    this.disposables.dispose();
    this.root.replaceChildren();
    this.root.hidden = true;
  }

  private makeTile(id: string, name: string, self: boolean): Tile {
    const root = document.createElement("figure");
    root.className = "call-tile";
    root.setAttribute("role", "group");
    root.setAttribute("aria-label", self ? "You (your camera preview)" : name);
    root.dataset.peer = id;
    const video = document.createElement("video");
    video.autoplay = true;
    video.playsInline = true;
    video.muted = true; // sound goes through Web Audio (remote) or nowhere (own)
    video.setAttribute("aria-hidden", "true");
    const caption = document.createElement("figcaption");
    caption.textContent = name;
    root.append(video, caption);
    return { root, video, caption, name, firstFrameAt: null };
  }

  private attach(tile: Tile, id: string, stream: MediaStream): void {
    tile.video.srcObject = stream;
    tile.root.dataset.video = String(stream.getVideoTracks().length > 0);
    tile.firstFrameAt = null;
    tile.root.dataset.firstFrame = "false";
    // Autoplay of a muted element is always allowed; play() settles races with srcObject changes.
    void tile.video.play().catch(() => undefined);
    if (typeof tile.video.requestVideoFrameCallback === "function") {
      tile.video.requestVideoFrameCallback((now) => {
        if (tile.video.srcObject !== stream || tile.firstFrameAt !== null) return;
        tile.firstFrameAt = now;
        tile.root.dataset.firstFrame = "true";
        this.onFirstFrame(id, now);
      });
    }
  }

  private updateVisibility(): void {
    // The strip shows only while talking with someone (the preview alone would just cover the map).
    this.root.hidden = this.tiles.size === 0;
  }
}
