import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables } from "../../util/Emitter";
import { button, el } from "../dom";

/**
 * Gentle notifications: someone knocking (accept or decline), what became of
 * your own knock, and the end of your focus timer (stay in focus or be done).
 */

const RESULT_WORDS = {
  accepted: "accepted your knock",
  declined: "cannot talk right now",
  expired: "did not answer your knock",
  gone: "is no longer here",
} as const;
const RESULT_SHOW_MS = 6000;

export class Notices {
  readonly root: HTMLElement;
  private readonly knocks = new Map<string, HTMLElement>();
  private readonly disposables = new Disposables();

  constructor(private readonly connection: OfficeConnection) {
    this.root = el("div", { class: "notices", role: "region", "aria-label": "Notifications", "aria-live": "polite" });
    const events = connection.messages;
    this.disposables.add(events.on(ServerMessage.Knock, ({ from, name }) => this.showKnock(from, name)));
    this.disposables.add(events.on(ServerMessage.KnockClosed, ({ from }) => this.dropKnock(from)));
    this.disposables.add(
      events.on(ServerMessage.KnockResult, ({ name, outcome }) => this.transient(`${name || "They"} ${RESULT_WORDS[outcome]}.`, "knock-result")),
    );
    this.disposables.add(events.on(ServerMessage.FocusTimerEnded, ({ graceSeconds }) => this.showTimerEnded(graceSeconds)));
  }

  dispose(): void {
    this.disposables.dispose();
    this.root.remove();
  }

  private showKnock(from: string, name: string): void {
    this.dropKnock(from);
    const answer = (accept: boolean) => {
      this.connection.send(ClientMessage.KnockAnswer, { from, accept });
      this.dropKnock(from);
    };
    const notice = el(
      "div",
      { class: "notice", role: "alert", "data-knock-from": from },
      el("span", {}, `${name} is knocking.`),
      button("Accept", () => answer(true), { "data-knock-accept": from }),
      button("Decline", () => answer(false), { "data-knock-decline": from }),
    );
    this.knocks.set(from, notice);
    this.root.append(notice);
  }

  private dropKnock(from: string): void {
    this.knocks.get(from)?.remove();
    this.knocks.delete(from);
  }

  private showTimerEnded(graceSeconds: number): void {
    this.root.querySelector("[data-timer-ended]")?.remove();
    const close = () => notice.remove();
    const notice = el(
      "div",
      { class: "notice", "data-timer-ended": "" },
      el("span", {}, `Your focus time is over. You will be Available again in ${graceSeconds} seconds.`),
      button("Stay in focus", () => {
        this.connection.send(ClientMessage.FocusTimer, { action: "stay" });
        close();
      }),
      button("I'm done", () => {
        this.connection.send(ClientMessage.FocusTimer, { action: "done" });
        close();
      }),
    );
    this.root.append(notice);
    const timer = setTimeout(close, graceSeconds * 1000);
    this.disposables.add(() => clearTimeout(timer));
  }

  private transient(text: string, kind: string): void {
    const notice = el("div", { class: "notice", [`data-${kind}`]: "" }, text);
    this.root.append(notice);
    const timer = setTimeout(() => notice.remove(), RESULT_SHOW_MS);
    this.disposables.add(() => clearTimeout(timer));
  }
}
