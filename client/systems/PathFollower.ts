import type { Point } from "../../shared/map/types";
import { STEP_PX } from "../../shared/rules/constants";
import type { Body, MoveInput } from "../../shared/rules/movement";

/**
 * Turns a click-to-walk path into one input per tick. Gives up (rather than
 * pushing into a wall forever) when the avatar stops making progress or the
 * walk takes far longer than the path is long.
 */

export type InputToward = (body: Body, waypoint: Point) => MoveInput;

/** Ticks without moving before we decide something (or someone) is in the way. */
const STUCK_TICKS = 4;
const SLACK_TICKS = 12;

export class PathFollower {
  private path: Point[] = [];
  private stuckTicks = 0;
  private budget = 0;
  private last: Point | null = null;

  constructor(private readonly inputToward: InputToward) {}

  get destination(): Point | null {
    return this.path.length ? this.path[this.path.length - 1] : null;
  }

  start(path: readonly Point[], from: Point): void {
    this.path = path.map((p) => ({ x: p.x, y: p.y }));
    this.stuckTicks = 0;
    this.last = null;
    let length = 0;
    let prev = from;
    for (const p of this.path) {
      length += Math.abs(p.x - prev.x) + Math.abs(p.y - prev.y);
      prev = p;
    }
    this.budget = Math.ceil(length / STEP_PX) * 2 + SLACK_TICKS;
  }

  cancel(): void {
    this.path = [];
    this.last = null;
  }

  /** The input for this tick, or null when there is nowhere (left) to go. */
  next(body: Body): MoveInput | null {
    while (this.path.length > 0) {
      const input = this.inputToward(body, this.path[0]);
      if (input.dx === 0 && input.dy === 0) {
        this.path.shift();
        continue;
      }
      if (this.last && this.last.x === body.x && this.last.y === body.y) this.stuckTicks++;
      else this.stuckTicks = 0;
      if (this.stuckTicks >= STUCK_TICKS || --this.budget < 0) {
        this.cancel();
        return null;
      }
      this.last = { x: body.x, y: body.y };
      return input;
    }
    this.last = null;
    return null;
  }
}
