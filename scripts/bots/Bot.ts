import { Client, type Room } from "colyseus.js";
import { findPath } from "../../shared/map/findPath";
import type { Point } from "../../shared/map/types";
import { ClientMessage, OFFICE_ROOM, PROTOCOL_VERSION, ServerMessage } from "../../shared/protocol/names";
import { PositionBook } from "../../shared/protocol/PositionBook";
import { advanceWaypoint, nextInputToward } from "../../shared/rules/followPath";
import { stepMovement, type Body } from "../../shared/rules/movement";
import { guestIdentity } from "./guestJoin";
import { SampleRing } from "./stats";
import type { BotWorld } from "./BotWorld";

/** What a member looks like to a bot (positions are absent while out of view). */
export interface SeenMember {
  name: string;
  x?: number;
  y?: number;
  seat?: string;
}

/** The replicated fields a bot reads. */
interface StateMember {
  name: string;
  num: number;
  seat: string;
}



type Phase = "joining" | "pausing" | "walking" | "sitting" | "away";

/** Send times of recent inputs, indexed by seq modulo the size. */
const SENT_SLOTS = 256;

/**
 * One headless person: joins as a guest, then walks (shared findPath and
 * nextInputToward, one Move per 50 ms tick as the browser sends), pauses,
 * gathers with others, sits at desks, and now and then leaves and comes back.
 * `still` bots only stand where they spawned (echo probes).
 */
export class Bot {
  readonly echoMs = new SampleRing(256);
  bytes = 0;
  room: Room | null = null;
  private phase: Phase = "joining";
  private until = 0;
  private path: Point[] = [];
  private waypoint = 0;
  private seq = 0;
  private readonly body: Body = { x: 0, y: 0, facing: "down", moving: false };
  private readonly sentSeq = new Int32Array(SENT_SLOTS).fill(-1);
  private readonly sentAt = new Float64Array(SENT_SLOTS);
  private pendingSit = "";
  private positions = new PositionBook();
  /** Position watchers by member id (echo probes). */
  private readonly watchers = new Map<string, () => void>();
  private readonly notifyWatcher = (id: string) => this.watchers.get(id)?.();
  joinError: string | null = null;

  constructor(
    private readonly world: BotWorld,
    readonly name: string,
    private readonly avatar: string,
    readonly still = false,
  ) {}

  get connected(): boolean {
    return this.room !== null && this.phase !== "joining" && this.phase !== "away";
  }

  get sessionId(): string {
    return this.room?.sessionId ?? "";
  }

  member(id: string): SeenMember | undefined {
    const member = (this.room?.state as { members?: Map<string, StateMember> } | undefined)?.members?.get(id);
    if (!member) return undefined;
    const pose = this.positions.poseOf(id, member.num);
    return { name: member.name, seat: member.seat, x: pose?.x, y: pose?.y };
  }

  async join(): Promise<void> {
    this.phase = "joining";
    const { baseUrl, space } = this.world;
    const identity = await guestIdentity(baseUrl, space, this.name, this.avatar);
    const room = await new Client(baseUrl).joinOrCreate(OFFICE_ROOM, { space, ...identity, protocol: PROTOCOL_VERSION });
    this.room = room;
    this.seq = 0;
    this.sentSeq.fill(-1);
    // Count every byte the server sends this client: state patches and messages alike.
    // (colyseus.js hands its handler to the socket at connect time, so wrap the socket's.)
    type Socket = { onmessage: (event: { data: ArrayBuffer }) => void };
    const socket = (room as unknown as { connection: { transport: { ws: Socket } } }).connection.transport.ws;
    const deliver = socket.onmessage;
    socket.onmessage = (event) => {
      this.bytes += event.data.byteLength;
      deliver.call(socket, event);
    };
    room.onMessage("*", () => undefined);
    room.onLeave(() => {
      if (this.room === room) this.room = null;
    });
    // A new connection starts a new picture of who stands where. A bot looks at itself and, as a
    // probe, at one other person: it binds their numbers when it looks (member()), and skips the
    // state callbacks a browser needs for everyone.
    const positions = (this.positions = new PositionBook({ holdUnbound: false }));
    // Our own number, before the first frame (it follows the state at once) can be dropped.
    room.onStateChange.once(() => this.member(room.sessionId));
    room.onMessage(ServerMessage.Positions, (frame: Uint8Array) => {
      const ack = positions.ack;
      // Only probes watch anyone: the others skip the per-frame bookkeeping of who changed.
      positions.apply(frame, this.watchers.size > 0 ? this.notifyWatcher : undefined);
      if (positions.ack !== ack) this.acknowledged(positions.ack);
    });
    await this.world.waitFor(() => this.self()?.x !== undefined, `${this.name} to see itself`);
    this.syncBody();
    this.pause(this.world.now() + this.world.random(500, 3000));
  }

  /** One 50 ms step of behaviour. */
  tick(now: number): void {
    if (!this.room) {
      if (this.phase === "away" && now >= this.until) void this.comeBack();
      return;
    }
    if (this.still || this.phase === "joining") return;
    if (this.phase === "walking") return this.walk(now);
    if (now < this.until) return;
    if (this.phase === "sitting") this.room.send(ClientMessage.Stand, {});
    this.decide(now);
  }

  /** Sends one step (probes use this): returns the time it was sent. */
  step(dx: -1 | 0 | 1, dy: -1 | 0 | 1): number {
    this.send(dx, dy);
    return this.world.now();
  }

  /** Calls `cb` whenever a position frame moves member `id`, as this bot's client receives it. */
  watchPosition(id: string, cb: () => void): void {
    if (!this.room) throw new Error(`${this.name} is not in a room`);
    this.watchers.set(id, cb);
  }

  async leave(): Promise<void> {
    const room = this.room;
    this.room = null;
    if (room) await room.leave(true).catch(() => undefined);
  }

  private decide(now: number): void {
    const r = Math.random();
    if (r < this.world.leaveChance) {
      this.phase = "away";
      this.until = now + this.world.random(5_000, 15_000);
      void this.leave();
      return;
    }
    this.syncBody();
    if (r < 0.2 && this.world.desks.length > 0) {
      const desk = this.world.pick(this.world.desks);
      this.pendingSit = desk.id;
      this.goTo(desk, now);
    } else if (r < 0.6) {
      this.goTo(this.world.pick(this.world.gatherings), now);
    } else {
      this.goTo(this.world.nearbyPoint(this.body), now);
    }
  }

  private goTo(target: Point, now: number): void {
    const path = findPath(this.world.map, this.body, target);
    if (!path || path.length === 0) return this.pause(now + this.world.random(1000, 3000));
    this.path = path;
    this.waypoint = 0;
    this.phase = "walking";
  }

  private walk(now: number): void {
    this.waypoint = advanceWaypoint(this.body, this.path, this.waypoint);
    const target = this.path[this.waypoint];
    const input = target && nextInputToward(this.body, target);
    if (!input || (input.dx === 0 && input.dy === 0)) return this.arrive(now);
    const { x, y } = this.body;
    this.send(input.dx, input.dy);
    stepMovement(this.world.map, this.body, input, this.body);
    // Blocked (a corner cut differently than predicted): stop here rather than push forever.
    if (this.body.x === x && this.body.y === y) this.arrive(now);
  }

  private arrive(now: number): void {
    if (this.pendingSit && this.room) {
      this.room.send(ClientMessage.Sit, { desk: this.pendingSit });
      this.pendingSit = "";
      this.phase = "sitting";
      this.until = now + this.world.random(10_000, 30_000);
      return;
    }
    this.pause(now + this.world.random(2_000, 12_000));
  }

  private pause(until: number): void {
    this.phase = "pausing";
    this.until = until;
  }

  private send(dx: -1 | 0 | 1, dy: -1 | 0 | 1): void {
    if (!this.room) return;
    const seq = ++this.seq;
    this.sentSeq[seq % SENT_SLOTS] = seq;
    this.sentAt[seq % SENT_SLOTS] = this.world.now();
    this.room.send(ClientMessage.Move, { seq, dx, dy });
  }

  private acknowledged(ack: number): void {
    const slot = ack % SENT_SLOTS;
    if (ack > 0 && this.sentSeq[slot] === ack) {
      this.echoMs.push(this.world.now() - this.sentAt[slot]);
      this.sentSeq[slot] = -1;
    }
  }

  private self(): SeenMember | undefined {
    return this.room ? this.member(this.room.sessionId) : undefined;
  }

  /** Between walks the server has applied everything: start from where it says we are. */
  private syncBody(): void {
    const self = this.self();
    if (self?.x !== undefined && self.y !== undefined) {
      this.body.x = self.x;
      this.body.y = self.y;
    }
  }

  private async comeBack(): Promise<void> {
    this.phase = "joining";
    try {
      await this.join();
    } catch (err) {
      this.joinError = err instanceof Error ? err.message : String(err);
      this.phase = "away";
      this.until = this.world.now() + 10_000;
    }
  }
}
