import type { Point } from "../../shared/map/types";
import { STEP_PX } from "../../shared/rules/constants";
import type { Body, MoveInput } from "../../shared/rules/movement";

/**
 * Turns a click-to-walk path into one input per tick. Gives up (rather than
 * pushing into a wall forever) when the avatar stops moving, or when it has
 * not come any nearer the destination for a while (circling a corner). A
 * server that lags and pulls the avatar back costs time, not the walk: each
 * new closest approach restarts the clock.
 */

export type InputToward = (body: Body, waypoint: Point) => MoveInput;

/** Ticks without moving before we decide something (or someone) is in the way. */
const STUCK_TICKS = 4;
/** Ticks (2 s) without a new closest approach to the destination before we give up. */
const NO_PROGRESS_TICKS = 40;

export class PathFollower {
  private path: Point[] = [];
  private stuckTicks = 0;
  private sinceProgress = 0;
  private closest = Infinity;
  private last: Point | null = null;

  constructor(private readonly inputToward: InputToward) {}

  get destination(): Point | null {
    return this.path.length ? this.path[this.path.length - 1] : null;
  }

  start(path: readonly Point[], from: Point): void {
    this.path = path.map((p) => ({ x: p.x, y: p.y }));
    this.stuckTicks = 0;
    this.sinceProgress = 0;
    this.last = null;
    this.closest = this.remaining(from);
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
      const remaining = this.remaining(body);
      // Within a step counts as no nearer: sliding along a wall by a pixel is not progress.
      if (remaining < this.closest - STEP_PX / 2) {
        this.closest = remaining;
        this.sinceProgress = 0;
      } else this.sinceProgress++;
      if (this.stuckTicks >= STUCK_TICKS || this.sinceProgress >= NO_PROGRESS_TICKS) {
        this.cancel();
        return null;
      }
      this.last = { x: body.x, y: body.y };
      return input;
    }
    this.last = null;
    return null;
  }

  /** How far is left to walk along the path (Manhattan, as the steps are). */
  private remaining(from: Point): number {
    let length = 0;
    let prev = from;
    for (const p of this.path) {
      length += Math.abs(p.x - prev.x) + Math.abs(p.y - prev.y);
      prev = p;
    }
    return length;
  }
}
