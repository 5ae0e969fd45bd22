import { Long } from "bson";
import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import { MAX_BSON_OBJECT_SIZE, MAX_MESSAGE_SIZE, MAX_WRITE_BATCH_SIZE, WIRE_VERSION } from "../wire/constants";
import type { CommandContext, CommandHandler } from "./context";

export const SERVER_VERSION = "7.0.0";

/**
 * A standalone server's hello. No `setName` (so no transactions or retryable writes) and no
 * `topologyVersion` (so the driver polls instead of streaming awaitable hellos).
 */
function hello(cmd: Document, ctx: CommandContext, legacy: boolean): Document {
  const reply: Document = {
    helloOk: true,
    [legacy ? "ismaster" : "isWritablePrimary"]: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: MAX_WRITE_BATCH_SIZE,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: WIRE_VERSION.min,
    maxWireVersion: WIRE_VERSION.max,
    readOnly: false,
    ok: 1,
  };
  if (cmd.saslSupportedMechs !== undefined) reply.saslSupportedMechs = [];
  return reply;
}

const buildInfo: CommandHandler = () => ({
  version: SERVER_VERSION,
  gitVersion: "deskmap-embedded",
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  storageEngines: ["deskmap-embedded"],
  javascriptEngine: "none",
  ok: 1,
});

/** Only parameters a client plausibly reads; anything else is refused like mongod does. */
const PARAMETERS: Record<string, () => unknown> = {
  featureCompatibilityVersion: () => ({ version: "7.0" }),
  maxBSONDepth: () => 100,
  authenticationMechanisms: () => [],
};

const getParameter: CommandHandler = (cmd) => {
  const reply: Document = {};
  const all = cmd.getParameter === "*" || (typeof cmd.getParameter === "object" && cmd.getParameter?.allParameters);
  for (const [name, value] of Object.entries(PARAMETERS)) if (all || name in cmd) reply[name] = value();
  const asked = Object.keys(cmd).filter((k) => k !== "getParameter" && !k.startsWith("$") && k !== "lsid" && k !== "comment");
  if (!all && asked.some((k) => !(k in PARAMETERS))) {
    throw new MongoCommandError("InvalidOptions", "no option found to get");
  }
  return { ...reply, ok: 1 };
};

export const handshakeCommands: Record<string, CommandHandler> = {
  hello: (cmd, ctx) => hello(cmd, ctx, false),
  isMaster: (cmd, ctx) => hello(cmd, ctx, true),
  ismaster: (cmd, ctx) => hello(cmd, ctx, true),
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  getParameter,
  whatsmyuri: () => ({ you: "127.0.0.1", ok: 1 }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  // Sessions exist only as ids here; there is no server-side session state to end.
  endSessions: () => ({ ok: 1 }),
  refreshSessions: () => ({ ok: 1 }),
  hostInfo: () => ({ system: { currentTime: new Date(), hostname: "127.0.0.1", numCores: 1 }, os: {}, extra: {}, ok: 1 }),
  serverStatus: () => ({ host: "127.0.0.1", version: SERVER_VERSION, process: "deskmap-embedded", uptime: process.uptime(), localTime: new Date(), connections: {}, opcounters: {}, ok: 1, uptimeMillis: Long.fromNumber(Math.round(process.uptime() * 1000)) }),
};
