import { HIDDEN_AWAY_MS, IDLE_MINUTES } from "../../../shared/status/statusKinds";

/**
 * Notices when the person has left the keyboard: no input for IDLE_MINUTES,
 * or the tab hidden for longer than HIDDEN_AWAY_MS. Reports changes only; the
 * server turns idle into Away and restores the chosen status on return.
 */

export interface IdleOptions {
  idleMs?: number;
  hiddenMs?: number;
  checkEveryMs?: number;
  now?: () => number;
}

const INPUT_EVENTS = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart"] as const;

export class IdleWatcher {
  private lastInput: number;
  private hiddenSince: number | null = null;
  private reported: boolean | null = null;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly idleMs: number;
  private readonly hiddenMs: number;
  private readonly now: () => number;
  private readonly onInput = () => {
    this.lastInput = this.now();
    if (this.reported) this.check();
  };
  private readonly onVisibility = () => {
    this.hiddenSince = this.doc.hidden ? this.now() : null;
    if (!this.doc.hidden) this.onInput();
  };

  constructor(
    private readonly report: (idle: boolean) => void,
    private readonly doc: Document = document,
    options: IdleOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.idleMs = options.idleMs ?? IDLE_MINUTES * 60_000;
    this.hiddenMs = options.hiddenMs ?? HIDDEN_AWAY_MS;
    this.lastInput = this.now();
    for (const type of INPUT_EVENTS) doc.addEventListener(type, this.onInput, { passive: true, capture: true });
    doc.addEventListener("visibilitychange", this.onVisibility);
    this.timer = setInterval(() => this.check(), options.checkEveryMs ?? 5000);
  }

  /** After a reconnect the server forgot; say it again. */
  resend(): void {
    this.reported = null;
    this.check();
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const type of INPUT_EVENTS) this.doc.removeEventListener(type, this.onInput, { capture: true });
    this.doc.removeEventListener("visibilitychange", this.onVisibility);
  }

  private check(): void {
    const now = this.now();
    const idle = now - this.lastInput >= this.idleMs || (this.hiddenSince !== null && now - this.hiddenSince >= this.hiddenMs);
    if (idle === this.reported) return;
    // Nothing to say until the first idle: the server starts everyone active.
    if (this.reported === null && !idle) {
      this.reported = false;
      return;
    }
    this.reported = idle;
    this.report(idle);
  }
}
