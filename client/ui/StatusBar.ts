import type { ConnectionStatus } from "../net/types";

/** Connection state in the top bar (the help line comes from the keymap). */
const LABELS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  disconnected: "Disconnected",
};

export class StatusBar {
  constructor(
    private readonly statusEl: HTMLElement,
  ) {
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
