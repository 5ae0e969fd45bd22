import { matchMaker } from "@colyseus/core";
import { Client, type Room } from "colyseus.js";
import type { Facing } from "../../shared/avatars";
import { parseMap } from "../../shared/map/parseMap";
import { buildTestMap, feetAt, type TestMapOptions } from "../../shared/map/testMap";
import type { OfficeMap } from "../../shared/map/types";
import type { JoinOptions, ServerMessages } from "../../shared/protocol/messages";
import { ClientMessage, OFFICE_ROOM, ServerMessage } from "../../shared/protocol/names";
import { PositionBook } from "../../shared/protocol/PositionBook";
import { loadConfig, type Config } from "../config";
import type { ActiveMap, ServerDeps } from "../deps";
import { createLogger, type Logger } from "../log";
import { StaticMapSource } from "../maps/FileMapSource";
import type { MemberState } from "../schema/MemberState";
import type { OfficeState } from "../schema/OfficeState";
import { startServer, type RunningServer } from "../server";

/**
 * Room-test harness: a real server on 127.0.0.1 port 0 with a small test map,
 * and colyseus.js clients. Conditions are awaited by polling (`waitFor`), never
 * by fixed sleeps. One server per test file: Colyseus's matchmaker is per process.
 */

/**
 * 24×16 tiles. A wall runs down column 12 through rows 0–7 (the top half);
 * the bottom half is open. Spawns: tiles (2,2), (2,10), (5,2), (5,10).
 */
export const HARNESS_MAP: TestMapOptions = {
  width: 24,
  height: 16,
  walls: Array.from({ length: 8 }, (_, ty) => [12, ty] as const),
  spawns: [feetAt(2, 2), feetAt(2, 10), feetAt(5, 2), feetAt(5, 10)],
};

export type Welcome = ServerMessages[typeof ServerMessage.Welcome];
export type Rejected = ServerMessages[typeof ServerMessage.Rejected];

/**
 * A member as a client sees them: the replicated fields of server/schema/MemberState,
 * and the position from the room's position frames (x and y undefined while out of view;
 * ack is the client's own, and 0 for others).
 */
export interface MemberView {
  id: string;
  memberId: string;
  name: string;
  avatar: string;
  x: number;
  y: number;
  facing: Facing;
  moving: boolean;
  ack: number;
}

/** The replicated fields the harness reads. */
interface StateMember {
  id: string;
  memberId: string;
  name: string;
  avatar: string;
  num: number;
}

interface DecodedState {
  members: { get(id: string): StateMember | undefined; forEach(cb: (m: StateMember, id: string) => void): void; size: number };
}

export interface TestServer {
  url: string;
  port: number;
  map: OfficeMap;
  tiled: object;
  config: Config;
  join(options?: Partial<JoinOptions>): Promise<TestClient>;
  close(): Promise<void>;
}

export interface StartOptions {
  map?: TestMapOptions;
  deps?: Partial<ServerDeps>;
  config?: Partial<Config>;
  log?: Logger;
  /** Spaces that exist; by default every space slug has the test map. */
  spaces?: string[];
  presenceSaveMs?: number;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" }), ...overrides };
}

export async function startTestServer(options: StartOptions = {}): Promise<TestServer> {
  const tiled = buildTestMap(options.map ?? HARNESS_MAP);
  const active: ActiveMap = { tiled, map: parseMap(tiled), version: 1 };
  const config = testConfig(options.config);
  const server: RunningServer = await startServer(
    config,
    { maps: new StaticMapSource(active, options.spaces && new Set(options.spaces)), ...options.deps },
    {
      log: options.log ?? createLogger(process.env.TEST_LOG_LEVEL === "debug" ? "debug" : "silent"),
      presenceSaveMs: options.presenceSaveMs,
    },
  );
  const clients: TestClient[] = [];
  let counter = 0;
  return {
    url: server.url,
    port: server.port,
    map: active.map,
    tiled,
    config,
    async join(joinOptions = {}) {
      counter++;
      const client = await TestClient.join(server.url, {
        name: `Tester ${counter}`,
        avatar: "ada",
        ...joinOptions,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.leave()));
      await server.close();
    },
  };
}

/** A colyseus.js client in one room, recording what the server tells it. */
export class TestClient {
  readonly rejected: Rejected[] = [];
  /** Every message without a handler of its own here (conversation, signal, ice-servers…), in arrival order. */
  readonly received: Array<{ type: string; message: unknown }> = [];
  readonly welcome: Promise<Welcome>;
  private seq = 0;
  private left = false;
  /** Positions from the room's frames, as the browser keeps them. */
  readonly positions = new PositionBook();
  private readonly frameListeners: Array<() => void> = [];

  private constructor(readonly room: Room) {
    let resolveWelcome!: (w: Welcome) => void;
    this.welcome = new Promise((resolve) => (resolveWelcome = resolve));
    room.onMessage(ServerMessage.Welcome, (w: Welcome) => resolveWelcome(w));
    room.onMessage(ServerMessage.Rejected, (r: Rejected) => this.rejected.push(r));
    room.onLeave(() => (this.left = true));
    room.onMessage(ServerMessage.Positions, (frame: Uint8Array) => {
      this.positions.apply(frame);
      for (const listener of this.frameListeners) listener();
    });
    // Registered before the join settles, so messages sent from the room's onJoin are kept too.
    room.onMessage("*", (type: string | number, message: unknown) => this.received.push({ type: String(type), message }));
  }

  /** Calls `listener` after each position frame this client receives. */
  onPositions(listener: () => void): void {
    this.frameListeners.push(listener);
  }

  /** The messages of one type received so far, oldest first. */
  messages<T = unknown>(type: string): T[] {
    return this.received.filter((r) => r.type === type).map((r) => r.message as T);
  }

  static async join(url: string, options: Partial<JoinOptions> & { token?: string }): Promise<TestClient> {
    return TestClient.ready(await new Client(url).joinOrCreate(OFFICE_ROOM, options));
  }

  /** Resumes a dropped session with its reconnection token (what a browser does after a network blip). */
  static async reconnect(url: string, reconnectionToken: string): Promise<TestClient> {
    return TestClient.ready(await new Client(url).reconnect(reconnectionToken));
  }

  private static async ready(room: Room): Promise<TestClient> {
    const client = new TestClient(room);
    // The full state follows the join, and the first position frame the first patch: tests start once both came.
    await waitFor(() => client.member()?.x !== undefined, "the joined client to see itself, with its position");
    return client;
  }

  get sessionId(): string {
    return this.room.sessionId;
  }

  get state(): DecodedState {
    return this.room.state as DecodedState;
  }

  get connected(): boolean {
    return !this.left;
  }

  /** A member as this client currently sees them (a copy, safe to keep). */
  member(sessionId: string = this.sessionId): MemberView | undefined {
    const m = this.state?.members?.get(sessionId);
    if (!m) return undefined;
    // Bound on read: the state may introduce someone after the first frame about them.
    const pose = this.positions.poseOf(sessionId, m.num);
    return {
      id: m.id,
      memberId: m.memberId,
      name: m.name,
      avatar: m.avatar,
      x: pose?.x as number,
      y: pose?.y as number,
      facing: pose?.facing ?? "down",
      moving: pose?.moving ?? false,
      ack: sessionId === this.sessionId ? this.positions.ack : 0,
    };
  }

  me(): MemberView {
    const m = this.member();
    if (!m) throw new Error(`client ${this.sessionId} does not see itself`);
    return m;
  }

  memberIds(): string[] {
    const ids: string[] = [];
    this.state?.members?.forEach((_m, id) => ids.push(id));
    return ids.sort();
  }

  /** Sends `count` move inputs at once; returns the last seq sent. */
  sendMoves(dx: -1 | 0 | 1, dy: -1 | 0 | 1, count: number): number {
    for (let i = 0; i < count; i++) this.room.send(ClientMessage.Move, { seq: ++this.seq, dx, dy });
    return this.seq;
  }

  /** Walks `steps` inputs in batches the rate limit and queue accept, until all are acknowledged. */
  async walk(dx: -1 | 0 | 1, dy: -1 | 0 | 1, steps: number, timeoutMs = 10_000): Promise<MemberView> {
    let left = steps;
    while (left > 0) {
      const batch = Math.min(left, 10);
      const last = this.sendMoves(dx, dy, batch);
      await waitFor(() => this.member()?.ack === last, `ack ${last} while walking`, timeoutMs);
      left -= batch;
    }
    return this.me();
  }

  /** Closes the socket without saying goodbye, like a lost network; returns the reconnection token. */
  async drop(): Promise<string> {
    const token = this.room.reconnectionToken;
    this.left = true;
    await this.room.leave(false);
    return token;
  }

  async leave(): Promise<void> {
    if (this.left) return;
    this.left = true;
    await this.room.leave(true).catch(() => undefined);
  }
}

/**
 * Polls `probe` until it returns something truthy, and returns that. Fails
 * with `what` after `timeoutMs`.
 */
export async function waitFor<T>(
  probe: () => T | false | null | undefined,
  what: string,
  timeoutMs = 5000,
  intervalMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves with the error a join fails with (or fails the test if the join succeeds). */
export async function joinError(url: string, options: unknown): Promise<Error & { code?: number }> {
  try {
    const room = await new Client(url).joinOrCreate(OFFICE_ROOM, options);
    await room.leave(true);
  } catch (err) {
    return err as Error & { code?: number };
  }
  throw new Error(`join with ${JSON.stringify(options)} was accepted`);
}

/** The server-side state of a space's room in this process (tests reach in to place people and set statuses). */
export async function roomState(space: string): Promise<OfficeState> {
  const [listing] = await matchMaker.query({ name: OFFICE_ROOM, space });
  const room = listing && matchMaker.getLocalRoomById(listing.roomId);
  if (!room) throw new Error(`no room for ${space}`);
  return room.state as OfficeState;
}

/** Puts a member's feet on a tile directly (the movement system steps from wherever the state says). */
export async function place(space: string, client: TestClient, tx: number, ty: number): Promise<MemberState> {
  const member = (await roomState(space)).members.get(client.sessionId)!;
  const { x, y } = feetAt(tx, ty);
  member.x = x;
  member.y = y;
  return member;
}
