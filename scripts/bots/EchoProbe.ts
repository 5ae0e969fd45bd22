import { Bot } from "./Bot";
import type { BotWorld } from "./BotWorld";
import { SampleRing } from "./stats";

/**
 * Echo latency as people experience it: one bot takes a step, another one
 * standing next to it sees the step arrive. Both live in this process, so one
 * clock times both ends. The mover steps back and forth once a second.
 */
export class EchoProbe {
  readonly echoMs = new SampleRing(512);
  readonly mover: Bot;
  readonly observer: Bot;
  private sentAt = 0;
  private lastStep = 0;
  private direction: -1 | 1 = 1;
  visible = false;

  constructor(
    private readonly world: BotWorld,
    index: number,
  ) {
    this.mover = new Bot(world, `Probe mover ${index}`, "ada", true);
    this.observer = new Bot(world, `Probe observer ${index}`, "bo", true);
  }

  async start(): Promise<void> {
    await this.mover.join();
    await this.observer.join();
  }

  /**
   * Once the observer knows the mover (they spawn side by side, in view of
   * each other), start listening to its steps. Looking the mover up is what
   * makes the observer follow its number in position frames.
   */
  private checkVisible(): void {
    const id = this.mover.sessionId;
    if (!id || !this.observer.member(id)) return;
    this.visible = true;
    this.observer.watchPosition(id, () => {
      if (this.sentAt === 0) return;
      this.echoMs.push(this.world.now() - this.sentAt);
      this.sentAt = 0;
    });
  }

  tick(now: number): void {
    if (!this.visible) this.checkVisible();
    if (!this.visible || now - this.lastStep < 1000) return;
    this.lastStep = now;
    this.sentAt = this.mover.step(this.direction, 0);
    this.direction = this.direction === 1 ? -1 : 1;
  }

  async stop(): Promise<void> {
    await Promise.all([this.mover.leave(), this.observer.leave()]);
  }
}
