import { EMOTES, EMOTE_SHOW_MS, type EmoteKind } from "../../shared/chat/emotes";
import type { Point } from "../../shared/map/types";
import { ServerMessage } from "../../shared/protocol/names";
import type { OfficeConnection } from "../net/OfficeConnection";
import { Disposables } from "../util/Emitter";

/** The emote's bottom edge above the feet, in map pixels: over the name tag (avatar ~48 px, tag above it), not on it. */
const HEAD_ABOVE_FEET = 80;

export interface EmoteView {
  clientPointOf(point: Point): Point;
  selfPosition(): Point | null;
}

/**
 * Emotes above avatars, drawn as page elements over the canvas (crisp at any
 * zoom and readable by the announcer). Alt+1…5 come through the keymap.
 */
export class Emotes {
  private readonly disposables = new Disposables();
  private readonly shown = new Map<string, { el: HTMLElement; until: number }>();
  private frame = 0;

  constructor(
    private readonly layer: HTMLElement,
    private readonly connection: OfficeConnection,
    private readonly view: () => EmoteView | null,
    private readonly announce: (text: string) => void,
  ) {
    layer.classList.add("emote-layer");
    layer.setAttribute("aria-hidden", "true");
    this.disposables.add(connection.messages.on(ServerMessage.Emote, ({ id, kind }) => this.show(id, kind)));
    const loop = () => {
      this.place();
      this.frame = requestAnimationFrame(loop);
    };
    this.frame = requestAnimationFrame(loop);
    this.disposables.add(() => cancelAnimationFrame(this.frame));
  }

  dispose(): void {
    this.disposables.dispose();
    this.layer.replaceChildren();
  }

  private show(id: string, kind: EmoteKind): void {
    this.shown.get(id)?.el.remove();
    const el = document.createElement("span");
    el.className = "emote";
    el.dataset.emote = kind;
    el.dataset.member = id;
    // Art as images: an emoji font is not installed everywhere (it would draw an empty box).
    const img = document.createElement("img");
    img.src = emoteImage(kind);
    img.alt = "";
    img.width = img.height = 32;
    el.append(img);
    this.layer.append(el);
    this.shown.set(id, { el, until: performance.now() + EMOTE_SHOW_MS });
    const name = id === this.connection.selfId ? "You" : (this.connection.member(id)?.name ?? "Someone");
    this.announce(`${name}: ${EMOTES[kind].label}`);
    this.place();
  }

  private place(): void {
    const view = this.view();
    const now = performance.now();
    const origin = this.layer.getBoundingClientRect();
    for (const [id, entry] of this.shown) {
      const member = this.connection.member(id);
      const feet = id === this.connection.selfId ? (view?.selfPosition() ?? member) : member;
      const located = feet && Number.isFinite(feet.x) && Number.isFinite(feet.y);
      if (now > entry.until || !member) {
        entry.el.remove();
        this.shown.delete(id);
        continue;
      }
      if (!view || !located) {
        entry.el.hidden = true;
        continue;
      }
      const at = view.clientPointOf({ x: feet.x, y: feet.y - HEAD_ABOVE_FEET });
      entry.el.hidden = false;
      entry.el.style.transform = `translate(${Math.round(at.x - origin.left)}px, ${Math.round(at.y - origin.top)}px) translate(-50%, -100%)`;
    }
  }
}

/** The picture of an emote (served from /assets/emotes). */
export function emoteImage(kind: EmoteKind): string {
  return `/assets/emotes/${kind}.svg`;
}
