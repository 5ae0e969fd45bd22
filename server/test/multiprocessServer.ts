import { loadConfig } from "../config";
import { createLogger } from "../log";
import { startServer } from "../server";

/**
 * One server process for multiprocess.test.ts: configured only by the
 * environment (REDIS_URL, PUBLIC_ADDRESS, PORT), guests and the default map.
 * Prints "ready <port>" once listening; closes on SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config, {}, { log: createLogger(config.logLevel) });
  process.stdout.write(`ready ${server.port}\n`);
  process.on("SIGTERM", () => {
    void server.close().finally(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error("multiprocess test server failed:", err);
  process.exit(1);
});
