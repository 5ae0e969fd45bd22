import { ConfigError, loadConfig } from "./config";
import { describeOwnerless } from "./admin/offerOwnerSetup";
import { describeDatabase } from "./db/describeDatabase";
import { createLogger } from "./log";
import { createPersistence } from "./persistence/createPersistence";
import { startServer } from "./server";

/** `npm start`: read the environment, serve, and shut down cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  log.info(`database: ${describeDatabase(config)}`);
  const persistence = await createPersistence(config, log);
  let server;
  try {
    server = await startServer(config, persistence.deps, { log });
  } catch (err) {
    await persistence.close();
    throw err;
  }
  log.info(`Deskmap is listening on ${server.url} (bound to ${config.host}:${server.port})`);
  // Warnings, so an operator running at LOG_LEVEL=warn still sees how to take over an ownerless space.
  for (const line of describeOwnerless(persistence.ownerless, server.url)) log.warn(line);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log.info(`${signal}: shutting down`);
    const force = setTimeout(() => {
      log.error("shutdown took longer than 10 s: exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    // The rooms save positions as clients leave, so the database closes last.
    server
      .close()
      .then(() => persistence.close())
      .then(
        () => {
          log.info("stopped");
          process.exit(0);
        },
        (err) => {
          log.error("error during shutdown", err);
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err) => {
  console.error("Deskmap failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
