import { loadConfig } from "../server/config";
import { createLogger } from "../server/log";
import { startServer } from "../server/server";

/**
 * The server bench/room.ts measures, in its own process: the real room with
 * the default map, configured by the environment (METRICS, INTEREST_MANAGEMENT,
 * PATCH_RATE_HZ…), without persistence so that joining thousands of guests
 * measures the room rather than the guest sign-up path.
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
  console.error("bench room server failed:", err);
  process.exit(1);
});
