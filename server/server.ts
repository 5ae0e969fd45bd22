import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server as GameServer } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { OFFICE_ROOM } from "../shared/protocol/names";
import type { Config } from "./config";
import type { ServerDeps } from "./deps";
import { enableRoomMetrics } from "./features/metrics/RoomMetrics";
import { withMetricsRoute } from "./features/metrics/metricsRoute";
import { createApp } from "./http/createApp";
import { isMatchmakeRequest, matchmakeHandler } from "./http/matchmake/matchmakeHandler";
import { OriginPolicy } from "./http/security/originPolicy";
import { GuestIdentity } from "./identity/GuestIdentity";
import { createLogger, type Logger } from "./log";
import { FileMapSource } from "./maps/FileMapSource";
import { OfficeRoom } from "./rooms/OfficeRoom";
import { setRoomServices } from "./rooms/roomServices";

export interface StartOptions {
  log?: Logger;
  /** Position save interval with a PresenceStore; 30 s by default. */
  presenceSaveMs?: number;
}

export interface RunningServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  /** Base URL clients use, e.g. http://127.0.0.1:2567 (or PUBLIC_URL). */
  url: string;
  close(): Promise<void>;
}

/** WebRTC offers with audio and video exceed ws-transport's 4 KiB default; messages are size-checked per type anyway. */
const MAX_WS_PAYLOAD = 64 * 1024;

/**
 * The composition root: one Node http server carrying the express app and the
 * Colyseus rooms. Missing deps get their local defaults (map file, guests).
 * Colyseus's matchmaker is process-wide: run one server per process (or per jest file).
 */
export async function startServer(
  config: Config,
  deps: Partial<ServerDeps> = {},
  options: StartOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const maps = deps.maps ?? new FileMapSource(config.mapPath);
  if (maps instanceof FileMapSource) await maps.load(); // a broken default map should stop start-up, not the first join
  const full: ServerDeps = { ...deps, maps, identity: deps.identity ?? new GuestIdentity() };
  setRoomServices({
    deps: full,
    config,
    log,
    presenceSaveMs: options.presenceSaveMs ?? 30_000,
  });

  const app = createApp(config, full, log.child("http"));
  enableRoomMetrics(config.metrics);
  const handleApp = config.metrics ? withMetricsRoute(app) : app;
  const httpServer = http.createServer();
  const gameServer = new GameServer({
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_WS_PAYLOAD }),
    greet: false,
    // Signals are handled by main.ts, which closes the server itself.
    gracefullyShutdown: false,
    logger: colyseusLogger(log.child("colyseus")),
    // Several processes: rooms are shared through Redis, each living on one process and reached through any.
    ...(config.redisUrl
      ? {
          presence: new RedisPresence(config.redisUrl),
          driver: new RedisDriver(config.redisUrl),
          publicAddress: config.publicAddress,
        }
      : {}),
  });
  gameServer.define(OFFICE_ROOM, OfficeRoom).filterBy(["space"]);
  // Colyseus put its own match-maker route on the server; ours replaces it (origin rule, bounded body).
  httpServer.removeAllListeners("request");
  const handleMatchmake = matchmakeHandler(new OriginPolicy(config.corsOrigins, config.publicUrl));
  const matchmakeLog = log.child("matchmake");
  httpServer.on("request", (req, res) => {
    if (!isMatchmakeRequest(req)) return handleApp(req, res);
    handleMatchmake(req, res).catch((err: unknown) => {
      matchmakeLog.error("matchmake request failed", err);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "internal error" }));
    });
  });

  await gameServer.listen(config.port, config.host);
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = config.publicUrl ?? `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // Disconnects every client (rooms save positions in onLeave), then closes the transport and http server.
      await gameServer.gracefullyShutdown(false);
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => (httpServer.listening ? httpServer.close(() => resolve()) : resolve()));
      setRoomServices(undefined);
    })();
    return closing;
  };
  return { port, url, close };
}

/** Colyseus logs through console by default; route it through ours so levels and format agree. */
function colyseusLogger(log: Logger) {
  const text = (args: unknown[]) => args.map((a) => (typeof a === "string" ? a : String(a))).join(" ");
  return {
    trace: (...args: unknown[]) => log.debug(text(args)),
    debug: (...args: unknown[]) => log.debug(text(args)),
    // Colyseus's info lines are about individual clients (expired reconnection tokens): detail, not news.
    info: (...args: unknown[]) => log.debug(text(args)),
    warn: (...args: unknown[]) => log.warn(text(args)),
    error: (...args: unknown[]) => log.error(text(args)),
  };
}
