import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pack } from "@colyseus/msgpackr";
import { Client, type Room } from "colyseus.js";
import { ClientMessage, OFFICE_ROOM, ServerMessage } from "../../shared/protocol/names";
import { waitFor } from "./harness";
import { freePort } from "../../e2e/services/freePort";

/**
 * Issue 15: what one hostile room frame costs the server. The server runs in
 * its own process (multiprocessServer.ts, guests and the default map, log
 * level info) so that its CPU time (asked over IPC: process.cpuUsage) and its
 * log (every byte of its stdout and stderr) are its own. Each kind of frame
 * is sent 10,000 times over a real socket, raw bytes through colyseus.js's
 * WebSocket; the bound is the issue's: on average at most 50 µs of CPU and
 * 200 bytes of log per frame. The room's own work while idle (its 20 Hz
 * tick) is measured first and taken off, so a slow shared machine, which
 * stretches the time a burst takes, does not count against the frames.
 */

const ROOT = path.resolve(__dirname, "../..");
const FRAMES = 10_000;
const MAX_CPU_US_PER_FRAME = 50;
const MAX_LOG_BYTES_PER_FRAME = 200;
/** Bursts a kind may take to come in under the CPU bound (see the test). */
const ATTEMPTS = 3;

const ROOM_DATA = 13;
const ROOM_DATA_BYTES = 17;

/** [code, type as a schema string, payload bytes]: what colyseus.js's room.send writes, by hand. */
function frame(code: number, typeBytes: Uint8Array, payload: Uint8Array = new Uint8Array()): Uint8Array {
  const out = new Uint8Array(2 + typeBytes.length + payload.length);
  out[0] = code;
  out[1] = 0xa0 | typeBytes.length;
  out.set(typeBytes, 2);
  out.set(payload, 2 + typeBytes.length);
  return out;
}
const text = (s: string) => new TextEncoder().encode(s);

interface Kind {
  name: string;
  /** The i-th frame of this kind. */
  frame(i: number): Uint8Array;
  /** Whether the server closes the sender's connection for it. */
  closes: boolean;
}

const KINDS: Kind[] = [
  // The frame: a "*" type whose payload throws when made a string.
  { name: '"*" with {toString, valueOf}', closes: true, frame: () => frame(ROOM_DATA, text("*"), pack({ toString: 1, valueOf: 1 })) },
  { name: "a type that is not valid UTF-8", closes: true, frame: () => frame(ROOM_DATA, new Uint8Array([0x6d, 0xff, 0xfe, 0x76])) },
  { name: "Colyseus's internal type", closes: true, frame: () => frame(ROOM_DATA, text("__no_message_handler"), pack({})) },
  { name: "an undecodable payload", closes: true, frame: () => frame(ROOM_DATA, text(ClientMessage.Move), new Uint8Array([0xc1, 0xc1])) },
  { name: "unknown types", closes: false, frame: (i) => frame(ROOM_DATA, text(`dance-${i % 50}`), pack({ style: "tango" })) },
  { name: "malformed moves", closes: false, frame: (i) => frame(ROOM_DATA, text(ClientMessage.Move), pack({ seq: i, dx: 5, dy: "x" })) },
  { name: "oversized moves", closes: false, frame: () => frame(ROOM_DATA, text(ClientMessage.Move), pack({ seq: 1, dx: 1, dy: 0, pad: "x".repeat(4000) })) },
  { name: "byte payloads on a JSON type", closes: false, frame: () => frame(ROOM_DATA_BYTES, text(ClientMessage.ChatSend), new Uint8Array(64)) },
  { name: "a flood of valid moves", closes: false, frame: (i) => frame(ROOM_DATA, text(ClientMessage.Move), pack({ seq: i + 1, dx: 1, dy: 0 })) },
];

let child: ChildProcess;
let url = "";
let logBytes = 0;


/** The server process's CPU time so far, µs. */
function serverCpu(): Promise<number> {
  return new Promise((resolve) => {
    // tsx talks on the same channel: only our answer counts.
    const listener = (m: unknown) => {
      const cpu = (m as { cpu?: unknown } | null)?.cpu;
      if (typeof cpu !== "number") return;
      child.off("message", listener);
      resolve(cpu);
    };
    child.on("message", listener);
    child.send("cpu");
  });
}

beforeAll(async () => {
  const port = await freePort();
  child = spawn(process.execPath, ["--import", "tsx", "server/test/multiprocessServer.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", MONGODB_URI: "", PUBLIC_URL: "", REDIS_URL: "" },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  const count = (chunk: Buffer) => {
    logBytes += chunk.length;
    if (output.length < 10_000) output += chunk.toString();
  };
  child.stdout!.on("data", count);
  child.stderr!.on("data", count);
  await waitFor(() => /ready \d+/.test(output), `the server process to start:\n${output}`, 45_000);
  url = `http://127.0.0.1:${port}`;
}, 60_000);

afterAll(async () => {
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
});

async function join(name: string): Promise<Room> {
  const room = await new Client(url).joinOrCreate(OFFICE_ROOM, { space: "default", name, avatar: "ada" });
  await new Promise<void>((resolve) => room.onStateChange.once(() => resolve()));
  return room;
}

/** The raw socket under a colyseus.js room. */
function socketOf(room: Room): { send(data: Uint8Array): void } {
  return (room.connection as unknown as { transport: { ws: { send(data: Uint8Array): void } } }).transport.ws;
}

/** A message through the room and its answer: everything sent before it on the same event loop has been handled. */
async function roundTrip(room: Room, tag: string): Promise<void> {
  const answered = new Promise<void>((resolve) => {
    const stop = room.onMessage(ServerMessage.Rejected, (r: { type: string }) => {
      if (r.type !== tag) return;
      stop();
      resolve();
    });
  });
  room.send(tag, {});
  await answered;
}

test("no hostile frame costs more than 50 µs of server CPU or 200 bytes of log on average", async () => {
  const honest = await join("Honest");
  // The idle room's own cost per ms (tick, patches), taken off the bursts below.
  const idleStart = await serverCpu();
  const idleAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idlePerMs = ((await serverCpu()) - idleStart) / (performance.now() - idleAt);

  /** One burst of a kind's frames: its CPU (idle cost taken off) and log per frame. */
  const burst = async (kind: Kind, tag: string): Promise<{ cpuUs: number; logBytes: number }> => {
    const rogue = await join(`Rogue ${tag}`);
    let left = false;
    rogue.onLeave(() => (left = true));
    const frames = Array.from({ length: FRAMES }, (_, i) => kind.frame(i));
    const logBefore = logBytes;
    const cpuBefore = await serverCpu();
    const at = performance.now();
    const socket = socketOf(rogue);
    for (const f of frames) socket.send(f);
    if (kind.closes) await waitFor(() => left, `the server to close the connection that sent ${kind.name}`, 20_000);
    else await roundTrip(rogue, `done-${tag}`);
    await roundTrip(honest, `sync-${tag}`);
    const cpu = (await serverCpu()) - cpuBefore - idlePerMs * (performance.now() - at);
    if (!kind.closes) expect(left).toBe(false);
    if (!left) await rogue.leave(true);
    return { cpuUs: Math.max(0, cpu) / FRAMES, logBytes: (logBytes - logBefore) / FRAMES };
  };

  // Other work on a shared machine (GC pressure, a busy core, a cold cache) only ever adds to a
  // burst's CPU time, so a kind over the bound gets up to ATTEMPTS bursts and its cheapest counts:
  // a frame that really costs too much is over the bound every time.
  const results: Array<{ kind: string; cpuUs: number; logBytes: number }> = [];
  for (const [k, kind] of KINDS.entries()) {
    let best = await burst(kind, `${k}`);
    for (let attempt = 1; attempt < ATTEMPTS && best.cpuUs > MAX_CPU_US_PER_FRAME; attempt++) {
      const again = await burst(kind, `${k}-${attempt}`);
      if (again.cpuUs < best.cpuUs) best = again;
    }
    results.push({ kind: kind.name, ...best });
  }
  // One line per kind in the test output, for the record.
  console.log(results.map((r) => `${r.kind}: ${r.cpuUs.toFixed(1)} µs, ${r.logBytes.toFixed(2)} B of log per frame`).join("\n"));
  for (const r of results) {
    expect({ kind: r.kind, withinCpu: r.cpuUs <= MAX_CPU_US_PER_FRAME }).toEqual({ kind: r.kind, withinCpu: true });
    expect({ kind: r.kind, withinLog: r.logBytes <= MAX_LOG_BYTES_PER_FRAME }).toEqual({ kind: r.kind, withinLog: true });
  }
  // The honest person was never bothered and is still there.
  expect(honest.connection.isOpen).toBe(true);
  await honest.leave(true);
}, 180_000);
