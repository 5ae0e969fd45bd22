import express, { type Express } from "express";
import type { Config } from "../config";
import type { ServerDeps } from "../deps";
import type { Logger } from "../log";
import { apiNotFound, appErrorHandler } from "./appErrors";
import { healthRoutes } from "./routes/healthRoutes";
import { spaceMapRoutes } from "./routes/spaceMapRoutes";
import { staticRoutes } from "./routes/staticRoutes";
import { httpSecurity } from "./security/httpSecurity";

/** The express app: JSON API under /api, the built client and art everywhere else. */
export function createApp(
  config: Pick<Config, "clientDir" | "assetsDir"> & Partial<Pick<Config, "corsOrigins" | "publicUrl">>,
  deps: ServerDeps,
  log: Logger,
): Express {
  const app = express();
  app.disable("x-powered-by");
  const security = httpSecurity({ corsOrigins: config.corsOrigins ?? [], publicUrl: config.publicUrl });
  app.use(security.headers);

  // No body parser here: these routes read none, and the API router parses its own
  // bodies with per-route limits (map uploads are larger than anything else).
  const api = express.Router();
  api.use(...security.api);
  api.use(healthRoutes());
  api.use(spaceMapRoutes(deps.maps));
  if (deps.apiRouter) api.use(deps.apiRouter);
  api.use(apiNotFound);
  app.use("/api", api);

  app.use(staticRoutes(config.clientDir, config.assetsDir));
  app.use(appErrorHandler(log));
  return app;
}
