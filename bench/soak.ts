/**
 * Soak: `npm run soak -- --minutes 10 --count 500`.
 * Runs the real server (embedded database in a temporary DATA_DIR) in this
 * process, and bots (scripts/bots) that walk and gather into conversations.
 * Each minute 5% of the bots disconnect and come back; once, halfway, the
 * server is restarted on the same port and data. Every position the server
 * writes is recorded; at the end each is read back from the database.
 * Prints crashes (must be 0), memory per minute, and writes made vs found.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { AVATAR_IDS } from "../shared/avatars";
import { Bot } from "../scripts/bots/Bot";
import { BotWorld } from "../scripts/bots/BotWorld";
import { loadConfig } from "../server/config";
import type { PresenceStore, SavedPosition } from "../server/deps";
import { createLogger } from "../server/log";
import { createPersistence, type Persistence } from "../server/persistence/createPersistence";
import { startServer, type RunningServer } from "../server/server";
import { toObjectId } from "../server/db/repositories/objectIds";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    count: { type: "string", default: "500" },
    churn: { type: "string", default: "0.05" },
  },
});
const MINUTES = Number(values.minutes);
const COUNT = Number(values.count);
const CHURN = Number(values.churn);

let crashes = 0;
process.on("uncaughtException", (err) => {
  crashes++;
  console.error("uncaught exception:", err);
});
process.on("unhandledRejection", (err) => {
  crashes++;
  console.error("unhandled rejection:", err);
});

/** Every position the server saved, last one per member: what must be in the database afterwards. */
const written = new Map<string, SavedPosition>();
let writes = 0;

function recording(inner: PresenceStore): PresenceStore {
  return {
    load: (memberId, space) => inner.load(memberId, space),
    async save(memberId, space, position) {
      await inner.save(memberId, space, position);
      writes++;
      written.set(memberId, { ...position });
    },
  };
}

interface Running {
  server: RunningServer;
  persistence: Persistence;
}

async function start(dataDir: string, port: number): Promise<Running> {
  const config = loadConfig({ ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, MONGODB_URI: "", PUBLIC_URL: "", LOG_LEVEL: "warn", GUESTS_PER_ADDRESS: "0" });
  const log = createLogger(config.logLevel);
  const persistence = await createPersistence(config, log);
  const deps = { ...persistence.deps, presenceStore: recording(persistence.deps.presenceStore!) };
  const server = await startServer(config, deps, { log, presenceSaveMs: 30_000 });
  return { server, persistence };
}

async function stop(running: Running): Promise<void> {
  await running.server.close();
  await running.persistence.close();
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "deskmap-soak-"));
  let running = await start(dataDir, 0);
  const port = running.server.port;
  const url = `http://127.0.0.1:${port}`;
  const world = await BotWorld.load(url, "default", { gatherings: Math.max(1, Math.round(COUNT / 12)), leaveChance: 0 });
  let generation = 0;
  const bots: Bot[] = Array.from({ length: COUNT }, (_, i) => new Bot(world, `Soak ${i + 1}`, AVATAR_IDS[i % AVATAR_IDS.length]!));
  let joinFailures = 0;
  const join = async (bot: Bot) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await bot.join();
        return;
      } catch {
        joinFailures++;
        await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
      }
    }
  };
  for (let i = 0; i < bots.length; i += 20) await Promise.all(bots.slice(i, i + 20).map(join));
  const ticker = setInterval(() => {
    const now = world.now();
    for (const bot of bots) bot.tick(now);
  }, 50);

  const started = Date.now();
  const memory: string[] = [];
  let restarted = false;
  let churned = 0;
  for (let minute = 1; minute <= MINUTES; minute++) {
    await new Promise((r) => setTimeout(r, 60_000));
    // 5% drop and come back.
    const leaving = bots.filter(() => Math.random() < CHURN);
    churned += leaving.length;
    await Promise.all(leaving.map((b) => b.leave()));
    await Promise.all(leaving.map(join));
    if (!restarted && minute >= Math.ceil(MINUTES / 2)) {
      restarted = true;
      generation++;
      await stop(running);
      running = await start(dataDir, port);
      // Bots whose room the restart closed join again (the browser client does this by itself).
      const orphans = bots.filter((b) => !b.connected);
      for (let i = 0; i < orphans.length; i += 20) await Promise.all(orphans.slice(i, i + 20).map(join));
    }
    const m = process.memoryUsage();
    const line = `minute ${minute}: heap ${mb(m.heapUsed)} MB, rss ${mb(m.rss)} MB, connected ${bots.filter((b) => b.connected).length}/${COUNT}`;
    memory.push(line);
    console.log(line);
  }
  clearInterval(ticker);
  await Promise.all(bots.map((b) => b.leave()));
  await new Promise((r) => setTimeout(r, 1000));
  await stop(running);

  // Read every recorded write back from a fresh start of the same data.
  const config = loadConfig({ ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, MONGODB_URI: "", PUBLIC_URL: "", LOG_LEVEL: "warn", GUESTS_PER_ADDRESS: "0" });
  const check = await createPersistence(config);
  const space = await check.repos.spaces.findBySlug("default");
  let found = 0;
  for (const [memberId, position] of written) {
    const member = await check.repos.members.findById(toObjectId(memberId)!);
    const saved = member?.memberships.find((m) => m.space.equals(space!._id))?.lastPosition;
    if (saved && saved.x === position.x && saved.y === position.y && saved.facing === position.facing) found++;
  }
  await check.close();
  await rm(dataDir, { recursive: true, force: true });

  console.log("\n## Soak result");
  console.log(`bots ${COUNT}, ${MINUTES} min, churn ${churned} reconnects, server restarts ${generation}, join retries ${joinFailures}`);
  console.log(`crashes: ${crashes}`);
  console.log(`memory:\n  ${memory.join("\n  ")}`);
  console.log(`position writes: ${writes} made for ${written.size} members; last write per member found afterwards: ${found}/${written.size}`);
  console.log(`elapsed ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  process.exit(crashes === 0 && found === written.size ? 0 : 1);
}

main().catch((err) => {
  console.error("soak failed:", err);
  process.exit(1);
});
