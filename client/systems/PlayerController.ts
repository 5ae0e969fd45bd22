import type * as Phaser from "phaser";
import type { OfficeMap, Point } from "../../shared/map/types";
import { TICK_MS } from "../../shared/rules/constants";
import type { MoveInput } from "../../shared/rules/movement";
import { findPath } from "../../shared/map/findPath";
import { nextInputToward } from "../../shared/rules/followPath";
import type { OfficeConnection } from "../net/OfficeConnection";
import type { MemberSnapshot } from "../net/types";
import type { AvatarFactory } from "./AvatarFactory";
import type { AvatarSprite } from "./AvatarSprite";
import type { KeyboardIntent } from "./KeyboardIntent";
import { PathFollower } from "./PathFollower";
import { Predictor } from "./Predictor";
import { DEPTH } from "./depths";

/**
 * The local person: turns keyboard and click-to-walk into one move input per
 * fixed 50 ms tick, predicts the result with the shared movement rule, sends
 * the input, and reconciles whenever the server reports our state.
 */

/** Longest frame gap we simulate; after a stall we drop time rather than fast-forward. */
const MAX_FRAME_MS = 250;

export class PlayerController {
  private predictor: Predictor | null = null;
  /** The session the predictor belongs to; a fresh join after a drop gets a new one. */
  private predictedId = "";
  private avatar: AvatarSprite | null = null;
  /** The look the avatar sprite was made with; a change in settings makes a new sprite. */
  private look = "";
  private accumulator = 0;
  private lastFrameAt: number | null = null;
  private readonly follower = new PathFollower(nextInputToward);
  private readonly marker: Phaser.GameObjects.Ellipse;
  private readonly disposers: Array<() => void> = [];

  constructor(
    scene: Phaser.Scene,
    private readonly factory: AvatarFactory,
    private readonly connection: OfficeConnection,
    private readonly map: OfficeMap,
    private readonly keyboard: KeyboardIntent,
  ) {
    this.marker = scene.add.ellipse(0, 0, 14, 7).setStrokeStyle(2, 0xfde68a, 0.9).setDepth(DEPTH.marker).setVisible(false);
    keyboard.onPress = () => this.cancelWalk();
    const self = connection.member(connection.selfId);
    if (self?.located) this.spawn(self);
    this.disposers.push(
      connection.events.on("memberAdded", (m) => this.onSelfUpdate(m)),
      connection.events.on("memberChanged", (m) => this.onSelfUpdate(m)),
    );
  }

  /** The predicted feet position (what you see), or null before the server placed you. */
  position(): Point | null {
    return this.predictor ? { x: this.predictor.renderX, y: this.predictor.renderY } : null;
  }

  /** The avatar sprite the camera follows. */
  get sprite(): Phaser.GameObjects.Sprite | null {
    return this.avatar?.sprite ?? null;
  }

  /** Click/tap: walk along the shortest free path to that spot, if there is one. */
  walkTo(target: Point): boolean {
    if (!this.predictor) return false;
    const from = { x: this.predictor.body.x, y: this.predictor.body.y };
    const path = findPath(this.map, from, target);
    if (!path || path.length === 0) {
      this.cancelWalk();
      return false;
    }
    this.follower.start(path, from);
    const end = path[path.length - 1];
    this.marker.setPosition(end.x, end.y - 2).setVisible(true);
    return true;
  }

  /**
   * Advances the fixed 50 ms simulation by the wall-clock time since the last
   * frame. Phaser's own frame delta is smoothed and clamped (to 16.7 ms while
   * the window is unfocused), which would make walking slower than the server's clock.
   */
  update(now: number = performance.now()): void {
    const predictor = this.predictor;
    const deltaMs = this.lastFrameAt === null ? 0 : now - this.lastFrameAt;
    this.lastFrameAt = now;
    if (!predictor || !this.avatar) return;
    this.accumulator += Math.min(Math.max(0, deltaMs), MAX_FRAME_MS);
    while (this.accumulator >= TICK_MS) {
      this.accumulator -= TICK_MS;
      this.tick(predictor);
    }
    predictor.smooth(deltaMs);
    const body = predictor.body;
    this.avatar.setPose(predictor.renderX, predictor.renderY, body.facing, body.moving);
  }

  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.keyboard.onPress = null;
    this.marker.destroy();
    if (this.avatar) this.factory.release(this.avatar);
    this.avatar = null;
  }

  private tick(predictor: Predictor): void {
    if (this.connection.connectionStatus !== "connected") {
      // Inputs cannot reach the server now; walking on locally would only be undone.
      this.cancelWalk();
      predictor.idle();
      return;
    }
    let input: MoveInput | null = this.keyboard.current();
    if (input.dx === 0 && input.dy === 0) {
      input = this.follower.next(predictor.body);
      if (!input) this.marker.setVisible(false);
    }
    if (!input || (input.dx === 0 && input.dy === 0)) {
      predictor.idle();
      return;
    }
    const { seq } = predictor.step(input);
    this.connection.sendMove({ seq, dx: input.dx, dy: input.dy });
  }

  private cancelWalk(): void {
    this.follower.cancel();
    this.marker.setVisible(false);
  }

  private spawn(self: MemberSnapshot): void {
    this.predictor = new Predictor(this.map, self);
    this.predictedId = self.id;
    this.avatar ??= this.factory.create(self.id, self.avatar, self.name, true);
    this.look = self.avatar;
    this.avatar.setPose(self.x, self.y, self.facing, false);
    this.avatar.setStatus(self);
  }

  private onSelfUpdate(member: MemberSnapshot): void {
    if (member.id !== this.connection.selfId) return;
    // Our own position arrives in the first position frame, a moment after the state that lists us.
    if (!member.located) return;
    if (!this.predictor || member.id !== this.predictedId) {
      this.spawn(member);
      return;
    }
    this.predictor.reconcile(member);
    if (this.avatar && member.avatar !== this.look) {
      this.factory.release(this.avatar);
      this.avatar = this.factory.create(member.id, member.avatar, member.name, true);
      this.look = member.avatar;
    }
    this.avatar?.setName(member.name);
    this.avatar?.setStatus(member);
  }
}
