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
  /** Badges: "Muted", "Camera off". */
  badges: HTMLElement;
  name: string;
  state: TileState | null;
  firstFrameAt: number | null;
}

export type StripView = "strip" | "grid" | "spotlight";

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
  private readonly viewButton: HTMLButtonElement;
  private readonly moveButton: HTMLButtonElement;
  private readonly disposables = new Disposables();
  private self: Tile | null = null;
  private chosenView: "strip" | "grid" = "strip";
  private spotlit: string | null = null;
  /** A stage speaker's listeners: they send nothing, so their tiles are small name cards. */
  private audience: ReadonlySet<string> = new Set();

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
    this.viewButton = document.createElement("button");
    this.viewButton.type = "button";
    this.viewButton.className = "call-strip-toggle";
    this.disposables.listen(this.viewButton, "click", () => {
      this.chosenView = this.chosenView === "grid" ? "strip" : "grid";
      this.applyView();
    });
    this.moveButton = document.createElement("button");
    this.moveButton.type = "button";
    this.moveButton.className = "call-strip-toggle";
    this.disposables.listen(this.moveButton, "click", () => this.setPosition(this.position === "top" ? "bottom" : "top"));
    const bar = document.createElement("div");
    bar.className = "call-strip-bar";
    bar.append(this.toggle, this.viewButton, this.moveButton);
    root.prepend(bar, this.list);
    this.setPosition("top");
    this.applyView();
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

  /** Where the strip sits: above or below the map (it takes room from the map, never covers it). */
  get position(): "top" | "bottom" {
    return this.root.parentElement?.dataset.strip === "bottom" ? "bottom" : "top";
  }

  setPosition(position: "top" | "bottom"): void {
    if (this.root.parentElement) this.root.parentElement.dataset.strip = position;
    this.moveButton.textContent = position === "top" ? "Move below the map" : "Move above the map";
    window.dispatchEvent(new Event("resize"));
  }

  /** Pins a speaker large (a meetup host's spotlight); null returns to the chosen view. */
  setSpotlight(id: string | null): void {
    this.spotlit = id;
    this.applyView();
  }

  /** Whose tiles are a stage speaker's audience (the room's Conversation: peers who send us nothing). */
  setAudience(ids: ReadonlySet<string>): void {
    this.audience = ids;
    for (const [id, tile] of this.tiles) tile.root.dataset.audience = String(ids.has(id));
  }

  /** Someone's name changed: their tile says so at once. */
  rename(id: string, name: string): void {
    const tile = this.tiles.get(id);
    if (!tile || tile.name === name) return;
    tile.name = name;
    tile.root.setAttribute("aria-label", name);
    this.setState(id, tile.state ?? "connected");
  }

  /** Our own microphone and camera, shown as badges on our preview. */
  setSelfMedia(micOn: boolean, cameraOn: boolean): void {
    if (!this.self) return;
    this.self.root.dataset.cameraOff = String(!cameraOn);
    this.setBadges(this.self, !micOn, !cameraOn);
  }

  /** A partner's microphone and camera as their page reports them: "Muted", and their name instead of a black video. */
  setPeerMedia(id: string, micOn: boolean, cameraOn: boolean): void {
    const tile = this.tiles.get(id);
    if (!tile) return;
    // Called on every change to anyone in the office: only a real change touches the tile.
    if (tile.root.dataset.cameraOff === String(!cameraOn) && tile.root.dataset.muted === String(!micOn)) return;
    tile.root.dataset.cameraOff = String(!cameraOn);
    tile.root.dataset.muted = String(!micOn);
    this.setBadges(tile, !micOn, !cameraOn);
  }

  private setBadges(tile: Tile, muted: boolean, cameraOff: boolean): void {
    const badges: string[] = [];
    if (muted) badges.push("Muted");
    if (cameraOff) badges.push("Camera off");
    tile.badges.replaceChildren(
      ...badges.map((text) => {
        const span = document.createElement("span");
        span.textContent = text;
        return span;
      }),
    );
    tile.root.setAttribute("aria-description", badges.join(", "));
  }

  private applyView(): void {
    const view: StripView = this.spotlit !== null && this.tiles.has(this.spotlit) ? "spotlight" : this.chosenView;
    this.root.dataset.view = view;
    this.root.dataset.spotlight = this.spotlit ?? "";
    for (const [id, tile] of this.tiles) tile.root.dataset.spotlit = String(view === "spotlight" && id === this.spotlit);
    this.viewButton.textContent = this.chosenView === "grid" ? "Show as a strip" : "Show as a grid";
    this.viewButton.setAttribute("aria-pressed", String(this.chosenView === "grid"));
    window.dispatchEvent(new Event("resize"));
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
    // No stream yet (through a media server, someone who publishes nothing may never send one): their name, not an empty video.
    tile.root.dataset.video = "false";
    tile.root.dataset.audience = String(this.audience.has(id));
    this.tiles.set(id, tile);
    this.list.append(tile.root);
    this.updateVisibility();
    this.applyView();
  }

  setStream(id: string, stream: MediaStream): void {
    const tile = this.tiles.get(id);
    if (tile) this.attach(tile, id, stream);
  }

  setState(id: string, state: TileState): void {
    const tile = this.tiles.get(id);
    if (!tile) return;
    tile.root.dataset.state = state;
    tile.state = state;
    const note = STATE_TEXT[state];
    tile.caption.textContent = note ? `${tile.name} (${note})` : tile.name;
  }

  setSpeaking(id: string, speaking: boolean): void {
    const tile = id === "self" ? this.self : this.tiles.get(id);
    if (tile) tile.root.dataset.speaking = String(speaking);
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
    // Without video (a listener on a stage, a camera that is off) the tile still says who it is.
    const placeholder = document.createElement("div");
    placeholder.className = "call-tile-placeholder";
    placeholder.textContent = self ? "Your camera is off" : name;
    const badges = document.createElement("div");
    badges.className = "call-tile-state";
    root.append(placeholder, video, caption, badges);
    return { root, video, caption, badges, name, state: null, firstFrameAt: null };
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
