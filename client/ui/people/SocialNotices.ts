import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables } from "../../util/Emitter";
import { chime } from "./chime";

/** How long a wave notice stays. */
const WAVE_NOTICE_MS = 6000;

/**
 * Notices for waves (a message and a soft sound) and rings (Accept walks you
 * to the caller, Decline tells them no), plus what became of your own rings.
 * Each is also said through the polite announcer.
 */
export class SocialNotices {
  private readonly disposables = new Disposables();
  private readonly rings = new Map<string, HTMLElement>();

  constructor(
    private readonly host: HTMLElement,
    private readonly connection: OfficeConnection,
    private readonly announce: (text: string) => void,
  ) {
    host.classList.add("social-notices");
    const messages = connection.messages;
    this.disposables.add(
      messages.on(ServerMessage.Waved, ({ name }) => {
        chime();
        this.note(`${name} waved at you`, WAVE_NOTICE_MS);
      }),
    );
    this.disposables.add(messages.on(ServerMessage.Ring, ({ from, name }) => this.showRing(from, name)));
    this.disposables.add(
      messages.on(ServerMessage.RingClosed, ({ from }) => {
        this.rings.get(from)?.remove();
        this.rings.delete(from);
      }),
    );
    this.disposables.add(
      messages.on(ServerMessage.RingResult, ({ name, outcome }) => {
        const text =
          outcome === "accepted" ? `${name} is on the way` : outcome === "declined" ? `${name} declined` : `${name} did not answer`;
        this.note(text, WAVE_NOTICE_MS);
      }),
    );
  }

  dispose(): void {
    this.disposables.dispose();
    this.host.replaceChildren();
  }

  private note(text: string, ms: number): void {
    const p = document.createElement("p");
    p.className = "social-note";
    p.textContent = text;
    this.host.append(p);
    this.announce(text);
    const timer = setTimeout(() => p.remove(), ms);
    this.disposables.add(() => clearTimeout(timer));
  }

  private showRing(from: string, name: string): void {
    this.rings.get(from)?.remove();
    const box = document.createElement("div");
    box.className = "social-note ring-note";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", `${name} is ringing`);
    const text = document.createElement("p");
    text.textContent = `${name} asks you to come over`;
    const accept = document.createElement("button");
    accept.type = "button";
    accept.textContent = "Accept";
    const decline = document.createElement("button");
    decline.type = "button";
    decline.textContent = "Decline";
    const answer = (yes: boolean) => {
      this.connection.send(ClientMessage.RingAnswer, { from, accept: yes });
      box.remove();
      this.rings.delete(from);
    };
    accept.addEventListener("click", () => answer(true));
    decline.addEventListener("click", () => answer(false));
    box.append(text, accept, decline);
    this.host.append(box);
    this.rings.set(from, box);
    this.announce(`${name} asks you to come over. Accept or decline in the notices.`);
  }
}
