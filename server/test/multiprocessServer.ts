import { loadConfig } from "../config";
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
  const server = await startServer(config, {}, { log: createLogger(config.logLevel) });
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

main().catch((err) => {
  console.error("multiprocess test server failed:", err);
  process.exit(1);
});
