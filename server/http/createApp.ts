import express, { type Express } from "express";
import type { Config } from "../config";
import type { ServerDeps } from "../deps";
import type { Logger } from "../log";
import { jsonErrorHandler, notFound } from "./middleware/errorHandler";
import { healthRoutes } from "./routes/healthRoutes";
import { spaceMapRoutes } from "./routes/spaceMapRoutes";
import { staticRoutes } from "./routes/staticRoutes";
import { httpSecurity } from "./security/httpSecurity";

/** The express app: JSON API under /api, the built client and art everywhere else. */
export function createApp(
  config: Pick<Config, "clientDir" | "assetsDir"> & Partial<Pick<Config, "corsOrigins" | "publicUrl" | "trustProxy">>,
  deps: ServerDeps,
  log: Logger,
): Express {
  const app = express();
  app.disable("x-powered-by");
  // req.ip, which rate limits count by: the socket's address unless the proxy in front is trusted.
  app.set("trust proxy", config.trustProxy ?? false);
  const security = httpSecurity({ corsOrigins: config.corsOrigins ?? [], publicUrl: config.publicUrl });
  app.use(security.headers);

  // No body parser here: these routes read none, and the API router parses its own
  // bodies with per-route limits (map uploads are larger than anything else).
  const api = express.Router();
  api.use(...security.api);
  api.use(healthRoutes());
  // With accounts the API router serves maps itself, to those who may see them.
  if (deps.apiRouter) api.use(deps.apiRouter);
  else api.use(spaceMapRoutes(deps.maps));
  api.use(notFound);
  app.use("/api", api);

  app.use(staticRoutes(config.clientDir, config.assetsDir));
  app.use(jsonErrorHandler((message, err) => log.error(message, err)));
  return app;
}
