import type { MoveInput } from "../../shared/rules/movement";

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

/**
 * Which way the person asks to walk: movement keys held (the keymap presses
 * and releases them) or the touch joystick's direction. Passive: it listens
 * to nothing itself.
 */
export class KeyboardIntent {
  private readonly held = new Set<string>();
  private stick: MoveInput = { dx: 0, dy: 0 };
  /** Called when a movement key goes down (e.g. to cancel click-to-walk). */
  onPress: (() => void) | null = null;
  private readonly pressListeners = new Set<() => void>();

  /** Also told when walking by hand starts (following someone ends then). */
  addPressListener(listener: () => void): () => void {
    this.pressListeners.add(listener);
    return () => this.pressListeners.delete(listener);
  }

  private pressed(): void {
    this.onPress?.();
    for (const listener of [...this.pressListeners]) listener();
  }

  press(code: string): void {
    if (!(code in DIRECTIONS) || this.held.has(code)) return;
    this.held.add(code);
    this.pressed();
  }

  release(code: string): void {
    this.held.delete(code);
  }

  /** The joystick's direction (0,0 when let go). */
  setStick(input: MoveInput): void {
    const starting = this.stick.dx === 0 && this.stick.dy === 0 && (input.dx !== 0 || input.dy !== 0);
    this.stick = input;
    if (starting) this.pressed();
  }

  clear(): void {
    this.held.clear();
    this.stick = { dx: 0, dy: 0 };
  }

  current(): MoveInput {
    let dx = this.stick.dx as number;
    let dy = this.stick.dy as number;
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
    this.clear();
  }
}
