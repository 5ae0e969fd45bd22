import type { OfficeMap } from "../../shared/map/types";
import { stepMovement, type Body, type MoveInput } from "../../shared/rules/movement";

/**
 * Client-side prediction for the local avatar. Runs the same pure
 * `stepMovement` as the server, remembers inputs the server has not yet
 * acknowledged, and on each authoritative update rewinds to the server's
 * position and replays them. Any remaining difference becomes a visual offset
 * that decays over a few frames, so corrections never snap.
 */

export interface PendingInput {
  seq: number;
  input: MoveInput;
  /** The local tick it was applied on, to expire inputs the server never acknowledges. */
  tick: number;
}

export interface ServerBody extends Body {
  ack: number;
}

/** Beyond this error (px) we teleport instead of gliding: the server moved us on purpose. */
const SNAP_DISTANCE_PX = 96;
/**
 * Inputs still unacknowledged after this many ticks (1 s) were dropped on the
 * way (rate limit, reconnect); replaying them forever would leave us off course.
 */
export const MAX_UNACKED_TICKS = 20;
/** Time constant of the correction's exponential decay. */
const SMOOTHING_MS = 60;

export class Predictor {
  readonly body: Body;
  private pending: PendingInput[] = [];
  private nextSeq: number;
  private tick = 0;
  private offsetX = 0;
  private offsetY = 0;

  constructor(
    private readonly map: OfficeMap,
    start: ServerBody,
  ) {
    this.body = { x: start.x, y: start.y, facing: start.facing, moving: false };
    this.nextSeq = start.ack + 1;
  }

  /** Applies one tick of input locally and returns it numbered for sending. */
  step(input: MoveInput): PendingInput {
    const pending = { seq: this.nextSeq++, input, tick: ++this.tick };
    stepMovement(this.map, this.body, input, this.body);
    this.pending.push(pending);
    return pending;
  }

  /** A tick with no input: the avatar stands still (nothing is sent). */
  idle(): void {
    this.tick++;
    this.body.moving = false;
  }

  /** Rewinds to the server's state and replays the inputs it has not applied yet. */
  reconcile(server: ServerBody): void {
    // A fresh session may start with a higher ack than ours (e.g. after a reconnect).
    if (server.ack >= this.nextSeq) this.nextSeq = server.ack + 1;
    const oldest = this.tick - MAX_UNACKED_TICKS;
    this.pending = this.pending.filter((p) => p.seq > server.ack && p.tick > oldest);
    const beforeX = this.body.x + this.offsetX;
    const beforeY = this.body.y + this.offsetY;
    const wasMoving = this.body.moving;
    this.body.x = server.x;
    this.body.y = server.y;
    this.body.facing = server.facing;
    for (const p of this.pending) stepMovement(this.map, this.body, p.input, this.body);
    // Whether we are walking is the local player's intent, known here first; the server's flag lags a tick.
    this.body.moving = wasMoving;
    this.offsetX = beforeX - this.body.x;
    this.offsetY = beforeY - this.body.y;
    if (Math.hypot(this.offsetX, this.offsetY) > SNAP_DISTANCE_PX) {
      this.offsetX = 0;
      this.offsetY = 0;
    }
  }

  /** Decays the visual correction; call once per rendered frame. */
  smooth(deltaMs: number): void {
    const keep = Math.exp(-Math.max(0, deltaMs) / SMOOTHING_MS);
    this.offsetX *= keep;
    this.offsetY *= keep;
    if (Math.abs(this.offsetX) < 0.25) this.offsetX = 0;
    if (Math.abs(this.offsetY) < 0.25) this.offsetY = 0;
  }

  /** Where to draw the avatar: the predicted position plus the fading correction. */
  get renderX(): number {
    return this.body.x + this.offsetX;
  }

  get renderY(): number {
    return this.body.y + this.offsetY;
  }

  get pendingCount(): number {
    return this.pending.length;
  }
}
