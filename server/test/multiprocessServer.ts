import { loadConfig } from "../config";
import type { MapSource } from "../deps";
import { FileMapSource } from "../maps/FileMapSource";
import { createLogger } from "../log";
import { startServer } from "../server";

/**
 * One server process for multiprocess.test.ts: configured only by the
 * environment (REDIS_URL, PUBLIC_ADDRESS, PORT), guests and the default map.
 * Prints "ready <port>" once listening; closes on SIGTERM. Also the server
 * process of frameCost.test.ts, which asks it for its CPU time over IPC.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config, { maps: await coldMaps(config.mapPath) }, { log: createLogger(config.logLevel) });
  process.stdout.write(`ready ${server.port}\n`);
  // A parent that asks over IPC hears this process's CPU time so far, µs (frameCost.test.ts).
  process.on("message", (message) => {
    if (message !== "cpu") return;
    const used = process.cpuUsage();
    process.send?.({ cpu: used.user + used.system });
  });
  process.on("SIGTERM", () => {
    void server.close().finally(() => process.exit(0));
  });
}

/**
 * The default map; with TEST_COLD_MAP_MS the first read of each space's map answers that late, as a
 * cold database does after a restart (multiprocess.test.ts's one-room-per-space race).
 */
async function coldMaps(mapPath: string): Promise<MapSource> {
  const file = new FileMapSource(mapPath);
  await file.load();
  const delayMs = Number(process.env.TEST_COLD_MAP_MS ?? 0);
  const warm = new Set<string>();
  return {
    async activeMap(space) {
      if (delayMs > 0 && !warm.has(space)) await new Promise((resolve) => setTimeout(resolve, delayMs));
      warm.add(space);
      return file.activeMap(space);
    },
  };
}

main().catch((err) => {
  console.error("multiprocess test server failed:", err);
  process.exit(1);
});
