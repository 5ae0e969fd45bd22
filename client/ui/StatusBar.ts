import type { ConnectionStatus } from "../net/types";

/** Connection state and the controls help line. */
const LABELS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  disconnected: "Disconnected",
};

export const CONTROLS_HELP =
  "Move: arrow keys or WASD · Click or tap a spot to walk there · P: people list · Esc: back to the map";

export class StatusBar {
  constructor(
    private readonly statusEl: HTMLElement,
    helpEl: HTMLElement,
  ) {
    helpEl.textContent = CONTROLS_HELP;
    this.statusEl.textContent = "";
  }

  show(status: ConnectionStatus, detail?: string): void {
    const text = detail ? `${LABELS[status]} — ${detail}` : LABELS[status];
    if (this.statusEl.textContent !== text) this.statusEl.textContent = text;
    this.statusEl.dataset.state = status;
  }

  clear(): void {
    this.statusEl.textContent = "";
    delete this.statusEl.dataset.state;
  }
}
