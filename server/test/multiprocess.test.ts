import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Client, type Room } from "colyseus.js";
import { OFFICE_ROOM, PROTOCOL_VERSION, ServerMessage } from "../../shared/protocol/names";
import { PositionBook } from "../../shared/protocol/PositionBook";
import { waitFor } from "./harness";
import { freePort } from "../../e2e/services/freePort";

/**
 * Two server processes sharing matchmaking and presence through a real Redis
 * (Debian's redis-server, started here on a free port): one space's room lives
 * on one process, and people reach it through either.
 */

const ROOT = path.resolve(__dirname, "../..");
const children: ChildProcess[] = [];


function requireRedis(): string {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  const bin = found.stdout.trim();
  if (!bin) {
    throw new Error("redis-server is not installed: `apt-get install -y redis-server` (CI installs it in .ci/run)");
  }
  return bin;
}

/** Starts a child and resolves once a stdout line matches `ready`. */
function startChild(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, what: string): Promise<ChildProcess> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in time:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${output}`));
    });
  });
}

async function startServerProcess(redisUrl: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
  const port = await freePort();
  await startChild(
    process.execPath,
    ["--import", "tsx", "server/test/multiprocessServer.ts"],
    {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      REDIS_URL: redisUrl,
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
      MONGODB_URI: "",
      PUBLIC_URL: "",
      ...extraEnv,
    },
    /ready \d+/,
    `server process on port ${port}`,
  );
  return `http://127.0.0.1:${port}`;
}

interface Decoded {
  members: { get(id: string): { name: string; num: number } | undefined };
}

describe("several server processes through Redis", () => {
  let redisUrl: string;
  const rooms: Room[] = [];

  beforeAll(async () => {
    const redis = requireRedis();
    const port = await freePort();
    await startChild(
      redis,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      process.env,
      /Ready to accept connections/,
      "redis-server",
    );
    redisUrl = `redis://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await Promise.all(rooms.map((room) => room.leave(true).catch(() => undefined)));
    await Promise.all(
      children.reverse().map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.removeAllListeners("exit");
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
            setTimeout(() => child.kill("SIGKILL"), 5000).unref();
          }),
      ),
    );
  });

  test("one space joined through two processes ends up in one room, where both see each other", async () => {
    const [first, second] = await Promise.all([startServerProcess(redisUrl), startServerProcess(redisUrl)]);
    const books = new Map<Room, PositionBook>();
    const join = async (url: string, name: string) => {
      const room = await new Client(url).joinOrCreate(OFFICE_ROOM, { space: "default", name, avatar: "ada", protocol: PROTOCOL_VERSION });
      const book = new PositionBook();
      books.set(room, book);
      room.onMessage(ServerMessage.Positions, (frame: Uint8Array) => book.apply(frame));
      room.onMessage("*", () => undefined); // other messages are not what this test is about
      return room;
    };
    const ada = await join(first, "Ada");
    rooms.push(ada);
    const bo = await join(second, "Bo");
    rooms.push(bo);
    expect(bo.roomId).toBe(ada.roomId);

    const seen = (room: Room, id: string) => (room.state as Decoded).members?.get(id);
    const boByAda = await waitFor(() => seen(ada, bo.sessionId), "Ada to see Bo");
    expect(boByAda.name).toBe("Bo");
    await waitFor(() => seen(bo, ada.sessionId)?.name === "Ada", "Bo to see Ada");
    // Both spawn in the same office, near each other: positions stream both ways.
    const positionOf = (room: Room, id: string) => {
      const member = seen(room, id);
      const book = books.get(room)!;
      return member && book.poseOf(id, member.num);
    };
    await waitFor(() => positionOf(ada, bo.sessionId), "Ada to see Bo's position");
    await waitFor(() => positionOf(bo, ada.sessionId), "Bo to see Ada's position");
  }, 120_000);

  test("20 people joining one space through both processes at once, while its map loads slowly, land in one room", async () => {
    // Issue 14. A cold database after a restart: the first map read of the space takes 1.3 s on either process.
    const cold = { TEST_COLD_MAP_MS: "1300" };
    const urls = await Promise.all([startServerProcess(redisUrl, cold), startServerProcess(redisUrl, cold)]);
    // The room a join goes to is chosen by its seat reservation (what colyseus.js asks for first).
    const reserve = async (url: string, name: string) => {
      const res = await fetch(`${url}/matchmake/joinOrCreate/${OFFICE_ROOM}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ space: "team", name, avatar: "ada", protocol: PROTOCOL_VERSION }),
      });
      const reservation = (await res.json()) as { room?: { roomId: string } };
      if (!reservation.room) throw new Error(`join refused: ${JSON.stringify(reservation)}`);
      return reservation.room.roomId;
    };
    const roomIds = await Promise.all(Array.from({ length: 20 }, (_, i) => reserve(urls[i % 2], `P${i}`)));
    expect(new Set(roomIds).size).toBe(1);
  }, 120_000);
});
