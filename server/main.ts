import { ConfigError, loadConfig } from "./config";
import { createLogger } from "./log";
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
  const server = await startServer(config, {}, { log });
  log.info(`Deskmap is listening on ${server.url} (bound to ${config.host}:${server.port})`);

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
    server.close().then(
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
