import { effect, type ReadonlySignal } from "@preact/signals";
import type { OfficeState } from "../../state/OfficeState";
import { Disposables } from "../../util/Emitter";

/**
 * Other people's shared screens, large, beside the video strip (it takes room
 * from the map like the strip, never covers it). Renders from the room's list
 * of sharers (state.screenShares), the names in the state (a rename shows at
 * once) and the screen streams the calls received. Each share is a labelled
 * group, "<name> is sharing their screen", with a full-screen button, in a
 * region screen readers can jump to; starts and ends are announced.
 */

interface ShareTile {
  root: HTMLElement;
  video: HTMLVideoElement;
  caption: HTMLElement;
  full: HTMLButtonElement;
  stream: MediaStream | null;
}

export class ScreenShareView {
  private readonly tiles = new Map<string, ShareTile>();
  private readonly disposables = new Disposables();
  /** Who was sharing at the last render, with their names, to announce the difference. */
  private shown = new Map<string, string>();

  constructor(
    private readonly root: HTMLElement,
    state: OfficeState,
    /** Session id → the screen stream their link brought. */
    streams: ReadonlySignal<ReadonlyMap<string, MediaStream>>,
    private readonly announce: (text: string) => void,
  ) {
    root.classList.add("screen-shares");
    root.setAttribute("aria-label", "Shared screens");
    root.hidden = true;
    this.disposables.add(
      effect(() => {
        const selfId = state.selfId.value;
        const people = state.people.value;
        const sharers = state.screenShares.value.filter((s) => s.id !== selfId);
        const names = new Map(sharers.map((s) => [s.id, people.get(s.id)?.name ?? "Someone"]));
        this.render(names, streams.value);
      }),
    );
  }

  dispose(): void {
    this.disposables.dispose();
    for (const tile of this.tiles.values()) tile.video.srcObject = null;
    this.tiles.clear();
    this.root.replaceChildren();
    this.root.hidden = true;
  }

  private render(names: ReadonlyMap<string, string>, streams: ReadonlyMap<string, MediaStream>): void {
    const layoutBefore = this.tiles.size;
    for (const [id, tile] of this.tiles) {
      if (names.has(id)) continue;
      tile.video.srcObject = null;
      tile.root.remove();
      this.tiles.delete(id);
      this.announce(`${this.shown.get(id) ?? names.get(id) ?? "Someone"} stopped sharing their screen`);
    }
    for (const [id, name] of names) {
      let tile = this.tiles.get(id);
      if (!tile) {
        tile = this.makeTile(id);
        this.tiles.set(id, tile);
        this.root.append(tile.root);
        this.announce(`${name} is sharing their screen`);
      }
      const label = `${name} is sharing their screen`;
      tile.root.setAttribute("aria-label", label);
      const stream = streams.get(id) ?? null;
      tile.caption.textContent = stream ? label : `${label} (connecting…)`;
      tile.full.setAttribute("aria-label", `Show ${name}'s screen full screen`);
      if (stream !== tile.stream) {
        tile.stream = stream;
        tile.video.srcObject = stream;
        tile.root.dataset.video = String(stream !== null);
        // Muted autoplay is always allowed; play() settles races with srcObject changes.
        if (stream) void tile.video.play().catch(() => undefined);
      }
    }
    this.shown = new Map(names);
    this.root.hidden = this.tiles.size === 0;
    // The map canvas sizes itself on resize: it gives up or takes back the room the shares use.
    if (this.tiles.size !== layoutBefore) window.dispatchEvent(new Event("resize"));
  }

  private makeTile(id: string): ShareTile {
    const root = document.createElement("figure");
    root.className = "screen-share";
    root.setAttribute("role", "group");
    root.dataset.sharer = id;
    const video = document.createElement("video");
    video.autoplay = true;
    video.playsInline = true;
    video.muted = true;
    video.setAttribute("aria-hidden", "true");
    const caption = document.createElement("figcaption");
    const full = document.createElement("button");
    full.type = "button";
    full.className = "call-strip-toggle screen-share-full";
    full.textContent = "Full screen";
    this.disposables.listen(full, "click", () => {
      if (document.fullscreenElement === root) void document.exitFullscreen().catch(() => undefined);
      else void root.requestFullscreen?.().catch(() => undefined);
    });
    root.append(video, caption, full);
    return { root, video, caption, full, stream: null };
  }
}
