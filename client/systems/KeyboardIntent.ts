import type { MoveInput } from "../../shared/rules/movement";
import { Disposables } from "../util/Emitter";

/**
 * Which way the keyboard asks to walk (arrows or WASD, by physical key).
 * Listens on the window rather than through Phaser so that typing in a form
 * field, or arrowing through a radio group, never moves the avatar.
 */

const DIRECTIONS: Record<string, [dx: number, dy: number]> = {
  ArrowLeft: [-1, 0],
  KeyA: [-1, 0],
  ArrowRight: [1, 0],
  KeyD: [1, 0],
  ArrowUp: [0, -1],
  KeyW: [0, -1],
  ArrowDown: [0, 1],
  KeyS: [0, 1],
};

/** True when a key event belongs to a control that uses keys itself. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return el.type !== "button" && el.type !== "submit" && el.type !== "reset";
  return false;
}

export class KeyboardIntent {
  private readonly held = new Set<string>();
  private readonly disposables = new Disposables();
  /** Called when a movement key goes down (e.g. to cancel click-to-walk). */
  onPress: (() => void) | null = null;

  constructor(target: Window = window) {
    this.disposables.listen(target, "keydown", (event: KeyboardEvent) => {
      if (!(event.code in DIRECTIONS)) return;
      if (event.ctrlKey || event.altKey || event.metaKey || isTypingTarget(event.target)) return;
      event.preventDefault(); // arrows would otherwise scroll the page
      if (!this.held.has(event.code)) {
        this.held.add(event.code);
        this.onPress?.();
      }
    });
    // Key-up always releases, wherever focus went meanwhile, so keys never stick.
    this.disposables.listen(target, "keyup", (event: KeyboardEvent) => this.held.delete(event.code));
    this.disposables.listen(target, "blur", () => this.held.clear());
    this.disposables.listen(target.document, "visibilitychange", () => this.held.clear());
  }

  current(): MoveInput {
    let dx = 0;
    let dy = 0;
    for (const code of this.held) {
      const [x, y] = DIRECTIONS[code];
      dx += x;
      dy += y;
    }
    return { dx: Math.sign(dx) as MoveInput["dx"], dy: Math.sign(dy) as MoveInput["dy"] };
  }

  get active(): boolean {
    const { dx, dy } = this.current();
    return dx !== 0 || dy !== 0;
  }

  dispose(): void {
    this.disposables.dispose();
    this.held.clear();
  }
}
