import type { Direction, OfficeMap } from "../../shared/map/types";
import { stepMovement, type Body, type MoveInput } from "../../shared/rules/movement";
import type { MemberState } from "../schema/MemberState";
import { TICK_MS } from "../../shared/rules/constants";
import type { MovementBlocks } from "./movementBlocks";

export interface QueuedMove extends MoveInput {
  seq: number;
}

export type EnqueueResult = "queued" | "stale" | "full" | "unknown";

export interface MovementOptions {
  /** Inputs waiting per member; more are refused. 30 = 1.5 s of walking. */
  maxQueue: number;
  /** Inputs a member may apply in one tick after falling behind (jitter absorption). */
  burst: number;
  /** Ticks without input before a member counts as standing still (hides 1-tick gaps). */
  idleTicks: number;
}

const DEFAULTS: MovementOptions = { maxQueue: 30, burst: 3, idleTicks: 2 };

interface Mover {
  state: MemberState;
  queue: QueuedMove[];
  lastSeq: number;
  /** Inputs this member may apply now: +1 per TICK_MS of time that passed, at most `burst`. */
  budget: number;
  idle: number;
}

/**
 * Applies queued move inputs once per tick with the shared stepMovement rule.
 * The per-member budget means nobody walks faster than one step per TICK_MS
 * over time, however fast inputs arrive; clients never send positions. The
 * budget follows the clock, not the tick count: when a busy server ticks
 * late, the next tick applies more of the queue, so input does not pile up
 * behind a slow loop.
 */
export class MovementSystem {
  private readonly movers = new Map<string, Mover>();
  private readonly options: MovementOptions;
  private readonly body: Body = { x: 0, y: 0, facing: "down", moving: false };

  constructor(
    private readonly map: OfficeMap,
    options: Partial<MovementOptions> = {},
    /** Areas features keep people out of (locked zones); a step into one is undone. */
    private readonly blocks?: Pick<MovementBlocks, "blocked">,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  add(id: string, state: MemberState): void {
    this.movers.set(id, { state, queue: [], lastSeq: -1, budget: this.options.burst, idle: 0 });
  }

  /**
   * Forgets pending input and the sequence (after a dropped connection the
   * client may count from 1 again); the avatar stands still where it is.
   */
  resetInput(id: string): void {
    const mover = this.movers.get(id);
    if (!mover) return;
    mover.queue.length = 0;
    mover.lastSeq = -1;
    if (mover.state.moving) mover.state.moving = false;
    if (mover.state.ack !== 0) mover.state.ack = 0;
  }

  remove(id: string): void {
    this.movers.delete(id);
  }

  /** Queues one input. A seq that does not increase is stale (a duplicate or reordered resend). */
  enqueue(id: string, move: QueuedMove): EnqueueResult {
    const mover = this.movers.get(id);
    if (!mover) return "unknown";
    if (move.seq <= mover.lastSeq) return "stale";
    if (mover.queue.length >= this.options.maxQueue) return "full";
    mover.lastSeq = move.seq;
    mover.queue.push(move);
    return "queued";
  }

  /** `elapsedMs`: time since the previous tick (TICK_MS when on time). */
  tick(elapsedMs: number = TICK_MS): void {
    const earned = Math.max(0, elapsedMs) / TICK_MS;
    for (const mover of this.movers.values()) this.advance(mover, earned);
  }

  private advance(mover: Mover, earned: number): void {
    const { state, queue } = mover;
    mover.budget = Math.min(this.options.burst, mover.budget + earned);
    if (queue.length === 0) {
      mover.idle++;
      if (state.moving && mover.idle >= this.options.idleTicks) state.moving = false;
      return;
    }
    mover.idle = 0;
    const body = this.body;
    body.x = state.x;
    body.y = state.y;
    body.facing = state.facing as Direction;
    body.moving = state.moving;
    let applied = 0;
    let seq = state.ack;
    // A little slack for timer jitter: a tick 1 ms early still earns its step.
    while (applied + 0.95 <= mover.budget && queue.length > 0) {
      const move = queue.shift()!;
      const fromX = body.x;
      const fromY = body.y;
      stepMovement(this.map, body, move, body);
      if (this.blocks && (body.x !== fromX || body.y !== fromY) && this.blocks.blocked(state.id, body.x, body.y)) {
        // Only entering is refused: whoever is already inside a blocked area may walk out of it.
        if (!this.blocks.blocked(state.id, fromX, fromY)) {
          body.x = fromX;
          body.y = fromY;
        }
      }
      seq = move.seq;
      applied++;
    }
    mover.budget = Math.max(0, mover.budget - applied);
    // Assign only what changed: each assignment marks the field for the next patch.
    if (state.x !== body.x) state.x = body.x;
    if (state.y !== body.y) state.y = body.y;
    if (state.facing !== body.facing) state.facing = body.facing;
    if (state.moving !== body.moving) state.moving = body.moving;
    if (state.ack !== seq) state.ack = seq;
  }
}
