import type { MoveInput } from "../../shared/rules/movement";
import type { KeyboardIntent } from "../systems/KeyboardIntent";
import { Disposables } from "../util/Emitter";

/** Pixels the knob may travel from the centre; beyond a fifth of it counts as a direction. */
const RADIUS = 40;
const DEAD_ZONE = RADIUS / 3;

/**
 * An on-screen joystick for touch screens (pointer events). It sets the
 * walking direction on the same intent the keymap's arrow keys feed, so
 * walking has one input path whatever the device.
 * Tap-to-walk on the map works through the scene's pointer handler.
 */
export class TouchJoystick {
  readonly element: HTMLElement;
  private readonly knob: HTMLElement;
  private readonly disposables = new Disposables();
  private pointer: number | null = null;

  constructor(
    host: HTMLElement,
    private readonly intent: KeyboardIntent,
  ) {
    this.element = document.createElement("div");
    this.element.className = "joystick";
    this.element.setAttribute("aria-hidden", "true"); // keyboard users have the arrow keys
    this.knob = document.createElement("div");
    this.knob.className = "joystick-knob";
    this.element.append(this.knob);
    host.append(this.element);
    this.disposables.listen(this.element, "pointerdown", (e: PointerEvent) => {
      this.pointer = e.pointerId;
      this.element.setPointerCapture(e.pointerId);
      this.move(e);
    });
    this.disposables.listen(this.element, "pointermove", (e: PointerEvent) => {
      if (e.pointerId === this.pointer) this.move(e);
    });
    for (const type of ["pointerup", "pointercancel", "lostpointercapture"]) {
      this.disposables.listen(this.element, type, (e: PointerEvent) => {
        if (e.pointerId === this.pointer) this.release();
      });
    }
  }

  dispose(): void {
    this.release();
    this.disposables.dispose();
    this.element.remove();
  }

  private move(e: PointerEvent): void {
    e.preventDefault();
    const rect = this.element.getBoundingClientRect();
    let dx = e.clientX - (rect.left + rect.width / 2);
    let dy = e.clientY - (rect.top + rect.height / 2);
    const length = Math.hypot(dx, dy);
    if (length > RADIUS) {
      dx = (dx / length) * RADIUS;
      dy = (dy / length) * RADIUS;
    }
    this.knob.style.transform = `translate(${dx}px, ${dy}px)`;
    const axis = (d: number): MoveInput["dx"] => (d < -DEAD_ZONE ? -1 : d > DEAD_ZONE ? 1 : 0);
    this.intent.setStick({ dx: axis(dx), dy: axis(dy) });
  }

  private release(): void {
    this.pointer = null;
    this.knob.style.transform = "";
    this.intent.setStick({ dx: 0, dy: 0 });
  }
}
