import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import mongoose from "mongoose";
import { startEmbeddedMongo } from "./index";
import { buildChild } from "./testing/buildChild";
import { tempDir } from "./testing/testSupport";

let writer: { file: string; env: NodeJS.ProcessEnv };
let buildDir: string;
beforeAll(async () => {
  buildDir = await tempDir("build");
  writer = await buildChild(path.join(__dirname, "testing", "crashWriter.ts"), buildDir);
});
afterAll(() => rm(buildDir, { recursive: true, force: true }));

/** Runs the writer, SIGKILLs it `killAfterMs` after its first ack; returns the acked ids. */
function runAndKill(dir: string, round: number, killAfterMs: number): Promise<{ acked: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer.file, dir, String(round)], {
      env: writer.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let stderr = "";
    let timer: NodeJS.Timeout | null = null;
    const watchdog = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (!timer && /\br\d+-w/.test(out)) timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    });
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("exit", () => {
      clearTimeout(watchdog);
      if (timer) clearTimeout(timer);
      const acked = out.split("\n").filter((l) => /^r\d+-w\d+-\d+$/.test(l));
      resolve({ acked, stderr });
    });
  });
}

test("every acknowledged insert survives SIGKILL at random moments", async () => {
  const dir = await tempDir("crash");
  const allAcked: string[] = [];
  try {
    for (let round = 0; round < 4; round++) {
      const { acked, stderr } = await runAndKill(dir, round, 50 + Math.floor(Math.random() * 400));
      expect(stderr).toBe("");
      expect(acked.length).toBeGreaterThan(0);
      allAcked.push(...acked);
      // Reopen in this process (taking over the dead child's lock) and check.
      const store = await startEmbeddedMongo({ dataDir: dir });
      const client = new mongoose.mongo.MongoClient(store.uri);
      try {
        const ids = new Set((await client.db("crash").collection("acks").find({}, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)));
        const missing = allAcked.filter((id) => !ids.has(id));
        expect(missing).toEqual([]);
      } finally {
        await client.close();
        await store.close();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);

test("a second process cannot open a data directory that is in use", async () => {
  const dir = await tempDir("lock");
  const store = await startEmbeddedMongo({ dataDir: dir });
  try {
    await expect(startEmbeddedMongo({ dataDir: dir })).rejects.toThrow(/already open/);
    const child = spawn(process.execPath, [writer.file, dir, "probe"], {
      env: writer.env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(3);
    expect(err).toMatch(/locked by running process/);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);
