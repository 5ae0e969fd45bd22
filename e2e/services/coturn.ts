import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import dgram from "node:dgram";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "./freePort";

/**
 * A real coturn (Debian's `turnserver`) for tests and benchmarks: on a free
 * 127.0.0.1 port, with a generated static-auth-secret (Deskmap's TURN_SECRET
 * scheme), its pid file and database in a fresh temp folder, and loopback
 * peers allowed (both "sides" of a test call are on this machine).
 */
export interface TurnServer {
  port: number;
  secret: string;
  /** The TURN_URLS value that reaches it. */
  url: string;
  /** Everything coturn printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;

export async function startTurnServer(options: { secret?: string } = {}): Promise<TurnServer> {
  const secret = options.secret ?? randomBytes(24).toString("hex");
  const dir = await mkdtemp(path.join(os.tmpdir(), "deskmap-coturn-"));
  const port = await freePort();
  const child = spawn(
    "turnserver",
    [
      "-n",
      "--listening-ip=127.0.0.1",
      `--listening-port=${port}`,
      "--relay-ip=127.0.0.1",
      "--use-auth-secret",
      `--static-auth-secret=${secret}`,
      "--realm=deskmap",
      "--no-tls",
      "--no-dtls",
      "--allow-loopback-peers",
      "--no-cli",
      "--log-file=stdout",
      `--pidfile=${path.join(dir, "turnserver.pid")}`,
      `--userdb=${path.join(dir, "turndb")}`,
      "--fingerprint",
      "--verbose",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout!.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-400_000)));
  child.stderr!.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-400_000)));
  const stop = () => stopChild(child).finally(() => rm(dir, { recursive: true, force: true }));
  try {
    await waitForStun(port, child);
  } catch (err) {
    await stop();
    throw new Error(`coturn did not start on 127.0.0.1:${port}: ${(err as Error).message}\n${log.slice(-2000)}`);
  }
  return { port, secret, url: `turn:127.0.0.1:${port}?transport=udp`, output: () => log, stop };
}

/** Sends STUN binding requests until coturn answers one (it is then ready for allocations too). */
async function waitForStun(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const socket = dgram.createSocket("udp4");
  try {
    await new Promise<void>((resolve, reject) => {
      const exited = () => reject(new Error(`turnserver exited (code ${child.exitCode})`));
      child.once("exit", exited);
      const request = Buffer.alloc(20);
      request.writeUInt16BE(0x0001, 0); // Binding request
      request.writeUInt32BE(0x2112a442, 4); // magic cookie
      randomBytes(12).copy(request, 8);
      socket.on("message", (reply) => {
        if (reply.length >= 20 && reply.readUInt16BE(0) === 0x0101) {
          child.off("exit", exited);
          clearInterval(timer);
          resolve();
        }
      });
      socket.on("error", () => undefined);
      const timer = setInterval(() => {
        if (Date.now() > deadline) {
          clearInterval(timer);
          child.off("exit", exited);
          reject(new Error("no STUN answer"));
        } else socket.send(request, port, "127.0.0.1");
      }, 100);
    });
  } finally {
    socket.close();
  }
}

/** SIGTERM, then SIGKILL if it has not gone within 5 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
