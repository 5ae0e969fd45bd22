import { EMOTES, EMOTE_SHOW_MS, type EmoteKind } from "../../shared/chat/emotes";
import { ServerMessage } from "../../shared/protocol/names";
import type { OfficeConnection } from "../net/OfficeConnection";
import { Disposables } from "../util/Emitter";
import type { TagRect } from "./AvatarFactory";
import { declutterEmotes, type EmotePlace, type Person } from "./declutterEmotes";

/** An emote's picture is this many page pixels square at any zoom. */
const EMOTE_PX = 32;

export interface EmoteView {
  /** Name tags and figures as drawn this frame, in page pixels, by owner. */
  tagRects(): TagRect[];
}

/**
 * Emotes above avatars, drawn as page elements over the canvas (crisp at any
 * zoom and readable by the announcer). Alt+1…5 come through the keymap.
 * Each frame, after the scene has stacked the name tags, the showing emotes
 * are placed clear of every tag, figure and other emote and nearest their
 * owners (declutterEmotes): side by side, an emote over its own tag would
 * land on a neighbour's lifted tag.
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
    img.width = img.height = EMOTE_PX;
    el.append(img);
    this.layer.append(el);
    this.shown.set(id, { el, until: performance.now() + EMOTE_SHOW_MS });
    const name = id === this.connection.selfId ? "You" : (this.connection.member(id)?.name ?? "Someone");
    this.announce(`${name}: ${EMOTES[kind].label}`);
    this.place();
  }

  private place(): void {
    const now = performance.now();
    for (const [id, entry] of this.shown) {
      if (now <= entry.until && this.connection.member(id)) continue;
      entry.el.remove();
      this.shown.delete(id);
    }
    if (this.shown.size === 0) return;
    const people: Person[] = [];
    const personOf = new Map<string, Person>();
    for (const r of this.view()?.tagRects() ?? []) {
      const person = { tag: r, body: r.body, self: r.self };
      people.push(person);
      personOf.set(r.id, person);
    }
    const emotes: EmotePlace[] = [];
    const elementOf = new Map<EmotePlace, HTMLElement>();
    for (const [id, entry] of this.shown) {
      const owner = personOf.get(id);
      // No tag drawn (off screen, not located, the map still loading): nothing to stand by.
      entry.el.hidden = !owner;
      if (!owner) continue;
      const place = { owner, width: EMOTE_PX, height: EMOTE_PX, x: 0, y: 0 };
      emotes.push(place);
      elementOf.set(place, entry.el);
    }
    declutterEmotes(people, emotes);
    const origin = this.layer.getBoundingClientRect();
    for (const place of emotes) {
      elementOf.get(place)!.style.transform = `translate(${Math.round(place.x - origin.left)}px, ${Math.round(place.y - origin.top)}px)`;
    }
  }
}

/** The picture of an emote (served from /assets/emotes). */
export function emoteImage(kind: EmoteKind): string {
  return `/assets/emotes/${kind}.svg`;
}
