import { ClientMessage } from "../../../shared/protocol/names";
import { FOCUS_TIMER_MAX_MINUTES, FOCUS_TIMER_MIN_MINUTES, FOCUS_TIMER_PRESETS_MINUTES } from "../../../shared/status/focusTimer";
import { PRESENCE_STATUSES, STATUS_LABELS, STATUS_TEXT_MAX, type PresenceStatus } from "../../../shared/status/statusKinds";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables } from "../../util/Emitter";
import { button, el } from "../dom";
import { statusPhrase, timeLeft } from "./statusLabel";

/**
 * Your status: the menu (Available, Busy, Focus, Away), a custom text, and the
 * focus timer. Shows what everyone sees now, which may differ from the choice
 * (Away while idle, Focus at a focus desk).
 */
export class StatusMenu {
  readonly root: HTMLElement;
  private readonly kind: HTMLSelectElement;
  private readonly text: HTMLInputElement;
  private readonly minutes: HTMLInputElement;
  private readonly shown: HTMLElement;
  private readonly disposables = new Disposables();
  /** The menu starts from the status the room restored (saved on the member), once. */
  private primed = false;

  constructor(private readonly connection: OfficeConnection) {
    this.kind = el("select", { "data-status-kind": "", "aria-label": "Your status" });
    for (const status of PRESENCE_STATUSES) this.kind.append(el("option", { value: status }, STATUS_LABELS[status]));
    this.kind.addEventListener("change", () => this.sendStatus());
    this.text = el("input", { type: "text", maxlength: String(STATUS_TEXT_MAX), placeholder: "What are you up to?", "data-status-text": "", "aria-label": "Status text" });
    this.text.addEventListener("keydown", (e) => {
      if (e.key === "Enter") this.sendStatus();
    });
    this.minutes = el("input", {
      type: "number",
      min: String(FOCUS_TIMER_MIN_MINUTES),
      max: String(FOCUS_TIMER_MAX_MINUTES),
      value: "30",
      "aria-label": "Focus minutes",
      "data-timer-minutes": "",
    });
    this.shown = el("p", { class: "status-shown", "data-status-shown": "", "aria-live": "polite" });
    const presets = FOCUS_TIMER_PRESETS_MINUTES.map((m) => button(`${m} min`, () => this.startTimer(m), { "data-timer-start": String(m) }));
    this.root = el(
      "section",
      { class: "status-menu", "aria-label": "Your status" },
      el("div", { class: "status-row" }, this.kind, this.text, button("Set", () => this.sendStatus(), { "data-status-set": "" })),
      el(
        "div",
        { class: "status-row", role: "group", "aria-label": "Focus timer" },
        el("span", {}, "Focus timer"),
        ...presets,
        this.minutes,
        button("Start", () => this.startTimer(Number(this.minutes.value)), { "data-timer-custom": "" }),
        button("Stop", () => this.connection.send(ClientMessage.FocusTimer, { action: "cancel" }), { "data-timer-cancel": "" }),
      ),
      this.shown,
    );
    this.disposables.add(connection.events.on("memberChanged", (m) => m.id === connection.selfId && this.refresh()));
    this.disposables.add(connection.events.on("memberAdded", (m) => m.id === connection.selfId && this.refresh()));
    const timer = setInterval(() => this.refresh(), 1000);
    this.disposables.add(() => clearInterval(timer));
    this.refresh();
  }

  dispose(): void {
    this.disposables.dispose();
    this.root.remove();
  }

  private sendStatus(): void {
    this.connection.send(ClientMessage.SetStatus, { kind: this.kind.value as PresenceStatus, text: this.text.value.trim().slice(0, STATUS_TEXT_MAX) });
  }

  private startTimer(minutes: number): void {
    if (!Number.isInteger(minutes) || minutes < FOCUS_TIMER_MIN_MINUTES || minutes > FOCUS_TIMER_MAX_MINUTES) {
      this.shown.textContent = `A focus timer lasts ${FOCUS_TIMER_MIN_MINUTES}–${FOCUS_TIMER_MAX_MINUTES} whole minutes.`;
      return;
    }
    this.connection.send(ClientMessage.FocusTimer, { action: "start", minutes });
  }

  private refresh(): void {
    const me = this.connection.member(this.connection.selfId);
    if (!me) return;
    if (!this.primed) {
      this.primed = true;
      if (me.status && (PRESENCE_STATUSES as readonly string[]).includes(me.status) && !me.seat && !me.focusEnd) this.kind.value = me.status;
      this.text.value = me.statusText ?? "";
    }
    const parts = [`You appear as: ${statusPhrase({ status: me.status }) || "Available"}`];
    if (me.seat) parts.push(`seated at ${me.seat}`);
    if (me.focusStart && me.focusEnd) parts.push(`focus timer ${timeLeft(me.focusEnd - Date.now())} left`);
    const text = `${parts.join(", ")}.`;
    if (this.shown.textContent !== text) this.shown.textContent = text;
  }
}
