import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ClientMessage } from "../../shared/protocol/names";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import { TestClient, type MemberView } from "./harness";

/**
 * SIGTERM on the real `npm start` entry point (server/main.ts in a child
 * process, embedded database in a temporary DATA_DIR): present members are
 * saved and told to come back (close code 4201), the process exits 0, and
 * after a restart the member's position is where they left it.
 */

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "../..");
let dataDir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "deskmap-shutdown-"));
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts the server and resolves with its URL once it logs that it listens. */
function startServer(): Promise<{ url: string; process: ChildProcess; output: () => string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, MONGODB_URI: "", PUBLIC_URL: "", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ url: match[1]!, process: proc, output: () => output });
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", onData);
    proc.once("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

async function guestToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/guest`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ space: "default", displayName: "Stayer", avatar: "ada" }),
  });
  expect(res.status).toBe(201);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
  return decodeURIComponent(cookie.split(";")[0]!.slice(SESSION_COOKIE.length + 1));
}

/** Where the client sees itself: position and ack come in position frames (the harness's TestClient reads them). */
function me(client: TestClient): MemberView | undefined {
  return client.member();
}

async function until<T>(probe: () => T | undefined | false, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function join(url: string, token: string): Promise<TestClient> {
  return TestClient.join(url.replace("http", "ws"), { space: "default", token });
}

test("SIGTERM saves everyone present, tells clients to come back, exits 0; the position survives a restart", async () => {
  const first = await startServer();
  const token = await guestToken(first.url);
  const client = await join(first.url, token);
  const room = client.room;
  const start = { ...me(client)! };
  // Walk until the position differs from the spawn point in some direction that is not blocked.
  let seq = 0;
  for (const [dx, dy] of [[1, 0], [0, 1], [-1, 0], [0, -1]] as const) {
    for (let i = 0; i < 10; i++) room.send(ClientMessage.Move, { seq: ++seq, dx, dy });
    await until(() => me(client)!.ack === seq, "moves acknowledged");
    const now = me(client)!;
    if (now.x !== start.x || now.y !== start.y) break;
  }
  const walked = { x: me(client)!.x, y: me(client)!.y };
  expect(walked).not.toEqual({ x: start.x, y: start.y });

  const closeCode = new Promise<number>((resolve) => room.onLeave(resolve));
  const exited = new Promise<number | null>((resolve) => first.process.once("exit", resolve));
  first.process.kill("SIGTERM");
  expect(await closeCode).toBe(4201);
  expect(await exited).toBe(0);
  expect(first.output()).toContain("SIGTERM: shutting down");

  const second = await startServer();
  const again = await join(second.url, token);
  expect({ x: me(again)!.x, y: me(again)!.y }).toEqual(walked);
  await again.leave();
  const exitedAgain = new Promise<number | null>((resolve) => second.process.once("exit", resolve));
  second.process.kill("SIGTERM");
  expect(await exitedAgain).toBe(0);
});
