import path from "node:path";
import { z } from "zod";
import { MAX_MESSAGE_BYTES } from "../shared/protocol/messages";
import { authConfigSchema, type AuthConfig, readAuthConfig } from "./auth/authConfig";

/**
 * Every environment variable the server reads, validated in one place so a
 * typo fails at start-up with a clear message instead of misbehaving later.
 */

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Env values arrive as strings; an empty string means "not set" (as in `PORT= npm start`). */
const unset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A comma-separated list of ICE server URLs of the given schemes (`stun:host:3478`, `turns:host:5349?transport=tcp`). */
const iceUrls = (schemes: RegExp, example: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").map((u) => u.trim()).filter((u) => u !== "") : v),
    z.array(z.string().max(256).regex(schemes, `each URL must look like ${example}`)).max(8).default([]),
  );

const port = z.coerce.number().int("must be a whole number").min(0, "must be 0–65535").max(65535, "must be 0–65535");

const envSchema = z.object({
  PORT: z.preprocess(unset, port.default(2567)),
  HOST: z.preprocess(unset, z.string().min(1).default("0.0.0.0")),
  PUBLIC_URL: z.preprocess(
    unset,
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://office.example.com" })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
  ),
  MAP_PATH: z.preprocess(unset, z.string().default("maps/office.json")),
  DATA_DIR: z.preprocess(unset, z.string().default("./data")),
  MONGODB_URI: z.preprocess(
    unset,
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://")
      .optional(),
  ),
  PATCH_RATE_HZ: z.preprocess(unset, z.coerce.number().int("must be a whole number").min(1).max(20).default(20)),
  LOG_LEVEL: z.preprocess(unset, z.enum(LOG_LEVELS).default("info")),
  RECONNECT_SECONDS: z.preprocess(unset, z.coerce.number().int("must be a whole number").min(0).max(300).default(20)),
  MAX_MESSAGE_BYTES: z.preprocess(
    unset,
    z.coerce.number().int("must be a whole number").min(256).max(60 * 1024).default(MAX_MESSAGE_BYTES),
  ),
  STUN_URLS: iceUrls(/^stun:[^\s,]+$/, "stun:stun.example.com:3478"),
  TURN_URLS: iceUrls(/^turns?:[^\s,]+$/, "turn:turn.example.com:3478?transport=udp"),
  TURN_SECRET: z.preprocess(unset, z.string().min(16, "must be at least 16 characters").max(256).optional()),
  TURN_TTL_SECONDS: z.preprocess(
    unset,
    z.coerce.number().int("must be a whole number").min(60).max(7 * 24 * 3600).default(3600),
  ),
  JANUS_URL: z.preprocess(
    unset,
    z
      .url({ protocol: /^wss?$/, error: "must be the ws:// or wss:// URL of Janus's WebSocket API, e.g. ws://127.0.0.1:8188" })
      .optional(),
  ),
  JANUS_API_SECRET: z.preprocess(unset, z.string().min(16, "must be at least 16 characters").max(256).optional()),
  JANUS_ADMIN_KEY: z.preprocess(unset, z.string().min(16, "must be at least 16 characters").max(256).optional()),
  INTEREST_MANAGEMENT: z.preprocess(unset, z.stringbool({ error: "must be true or false" }).default(true)),
  INTEREST_RADIUS: z.preprocess(unset, z.coerce.number().int("must be a whole number").min(64).max(10_000).default(480)),
  REDIS_URL: z.preprocess(
    unset,
    z
      .string()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
      .optional(),
  ),
  PUBLIC_ADDRESS: z.preprocess(
    unset,
    z
      .string()
      .regex(/^[^\s/:]+(:\d{1,5})?$/, "must be host:port as other processes reach this one, e.g. 10.0.0.5:2567")
      .optional(),
  ),
  METRICS: z.preprocess(unset, z.stringbool({ error: "must be true or false" }).default(false)),
  TRUST_PROXY: z.preprocess(
    unset,
    z
      .string()
      .regex(/^(true|false|\d{1,2}|[\w.:/, -]+)$/, "must be true, false, a number of proxy hops, or addresses such as loopback, 10.0.0.0/8")
      .transform((v): boolean | number | string => (v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v))
      .default(false),
  ),
  CORS_ORIGINS: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").map((o) => o.trim()).filter((o) => o !== "") : v),
    z.array(z.string().regex(/^https?:\/\/[^\s/]+$/, "must be origins such as https://intranet.example.com")).default([]),
  ),
});

/** WebRTC ICE servers handed to browsers; TURN credentials are minted per session from `turnSecret`. */
export interface IceConfig {
  stunUrls: string[];
  turnUrls: string[];
  /** coturn's static-auth-secret (use-auth-secret); never sent to clients. */
  turnSecret?: string;
  /** How long a minted TURN credential stays valid. */
  turnTtlSeconds: number;
}

/** The Janus media server the room drives (never the browser): docs/media-server.md. */
export interface MediaServerConfig {
  /** Janus's WebSocket API; undefined = every call stays peer to peer. */
  janusUrl?: string;
  /** Janus's api_secret: every API request carries it. Server-side only. */
  janusApiSecret?: string;
  /** The VideoRoom plugin's admin_key, needed to create rooms when Janus sets one. Server-side only. */
  janusAdminKey?: string;
}

export interface Config {
  port: number;
  host: string;
  /** Where people reach the server (behind a proxy), without trailing slash; undefined = derive from the request. */
  publicUrl?: string;
  /** Absolute path of the default Tiled map. */
  mapPath: string;
  /** Absolute path of the directory for the embedded database and uploads. */
  dataDir: string;
  /** An external MongoDB; undefined = use the embedded store in dataDir. */
  mongodbUri?: string;
  patchRateHz: number;
  logLevel: LogLevel;
  maxMessageBytes: number;
  /** How long a dropped connection keeps its avatar for a reconnect; 0 = leave at once. */
  reconnectSeconds: number;
  /** Each client receives positions only of people near it (false = everyone's, for comparison). */
  interestManagement: boolean;
  /** Half the side of the square around a person inside which others' positions stream, in pixels. */
  interestRadius: number;
  /** Redis shared by several server processes (presence and matchmaking); undefined = one process. */
  redisUrl?: string;
  /** host:port at which other processes and clients reach this process (seat reservations with REDIS_URL). */
  publicAddress?: string;
  /** Serve room timing at GET /api/metrics (benchmarks). */
  metrics: boolean;
  /** Other origins allowed to call the API with credentials; same-origin only when empty. */
  corsOrigins: string[];
  /**
   * Which proxies' X-Forwarded-For to believe for the client address that rate
   * limits count by (express's "trust proxy"): false = the socket's address.
   */
  trustProxy: boolean | number | string;
  /** Directory holding the built browser client (dist/client). */
  clientDir: string;
  /** Directory served at /assets. */
  assetsDir: string;
  /** STUN/TURN for WebRTC (STUN_URLS, TURN_URLS, TURN_SECRET, TURN_TTL_SECONDS). */
  ice: IceConfig;
  /** Meeting rooms, stages and big conversations through Janus (JANUS_URL, JANUS_API_SECRET, JANUS_ADMIN_KEY). */
  media: MediaServerConfig;
  /** Accounts and sessions (SESSION_SECRET, SESSION_TTL_HOURS, SESSION_MAX_DAYS, ALLOW_SIGNUP, COOKIE_SECURE, MAX_MAP_BYTES, MAX_MAP_BUNDLE_BYTES). */
  auth: AuthConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads and validates the configuration. Relative paths resolve against `cwd`
 * (the repository root under `npm start`). Throws ConfigError listing every bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "?");
        const raw = env[name];
        return `${name}=${JSON.stringify(raw ?? "")}: ${issue.message}`;
      }),
    );
  }
  let auth: AuthConfig | undefined;
  try {
    auth = readAuthConfig(env);
  } catch (err) {
    problems.push(...(err as Error).message.split("\n").slice(1).map((line) => line.trim()));
  }
  if (parsed.success && parsed.data.TURN_URLS.length > 0 && !parsed.data.TURN_SECRET) {
    problems.push("TURN_URLS is set but TURN_SECRET is not: TURN needs the shared secret of coturn's static-auth-secret");
  }
  if (parsed.success && parsed.data.JANUS_URL && !parsed.data.JANUS_API_SECRET) {
    problems.push("JANUS_URL is set but JANUS_API_SECRET is not: run Janus with an api_secret so only this server can use its API");
  }
  if (!parsed.success || !auth || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    mapPath: path.resolve(cwd, e.MAP_PATH),
    dataDir: path.resolve(cwd, e.DATA_DIR),
    mongodbUri: e.MONGODB_URI,
    patchRateHz: e.PATCH_RATE_HZ,
    logLevel: e.LOG_LEVEL,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    reconnectSeconds: e.RECONNECT_SECONDS,
    interestManagement: e.INTEREST_MANAGEMENT,
    interestRadius: e.INTEREST_RADIUS,
    redisUrl: e.REDIS_URL,
    publicAddress: e.PUBLIC_ADDRESS,
    metrics: e.METRICS,
    corsOrigins: e.CORS_ORIGINS,
    trustProxy: e.TRUST_PROXY,
    clientDir: path.resolve(cwd, "dist/client"),
    assetsDir: path.resolve(cwd, "assets"),
    media: { janusUrl: e.JANUS_URL, janusApiSecret: e.JANUS_API_SECRET, janusAdminKey: e.JANUS_ADMIN_KEY },
    ice: { stunUrls: e.STUN_URLS, turnUrls: e.TURN_URLS, turnSecret: e.TURN_SECRET, turnTtlSeconds: e.TURN_TTL_SECONDS },
    auth,
  };
}

/** Names of every variable the schema reads. */
export const CONFIG_VARIABLE_NAMES = [...Object.keys(envSchema.shape), ...Object.keys(authConfigSchema.shape)];

/** The variables as the README documents them; kept beside the schema so the two stay in step. */
export const CONFIG_VARIABLES: ReadonlyArray<{ name: string; default: string; description: string }> = [
  { name: "PORT", default: "2567", description: "HTTP and WebSocket port (0 picks a free one)." },
  { name: "HOST", default: "0.0.0.0", description: "Interface to listen on; 127.0.0.1 keeps the server local." },
  { name: "PUBLIC_URL", default: "(unset)", description: "Public http(s) URL when behind a reverse proxy." },
  { name: "MAP_PATH", default: "maps/office.json", description: "Tiled JSON map used for every space until one is uploaded." },
  { name: "DATA_DIR", default: "./data", description: "Directory for the embedded database and uploads." },
  { name: "MONGODB_URI", default: "(unset)", description: "Use this MongoDB instead of the embedded store." },
  { name: "PATCH_RATE_HZ", default: "20", description: "State and position updates sent to clients per second (1–20: they follow the 20 Hz simulation tick)." },
  { name: "LOG_LEVEL", default: "info", description: "debug, info, warn, error or silent." },
  {
    name: "RECONNECT_SECONDS",
    default: "20",
    description: "How long someone whose connection dropped keeps their place (0–300; 0 = leave at once).",
  },
  {
    name: "MAX_MESSAGE_BYTES",
    default: String(MAX_MESSAGE_BYTES),
    description: "Largest client message the room accepts (256–61440 bytes).",
  },
  {
    name: "INTEREST_MANAGEMENT",
    default: "true",
    description: "Send each person only the positions of people near them (false sends everyone's).",
  },
  { name: "INTEREST_RADIUS", default: "480", description: "How far sideways (pixels) others' movements stream to a person; two thirds of it up and down, like a screen." },
  { name: "REDIS_URL", default: "(unset)", description: "Redis shared by several server processes; unset = one process." },
  {
    name: "PUBLIC_ADDRESS",
    default: "(unset)",
    description: "This process's host:port as clients reach it; needed with REDIS_URL.",
  },
  { name: "METRICS", default: "false", description: "Serve room tick timing at GET /api/metrics (for benchmarks)." },
  {
    name: "TRUST_PROXY",
    default: "false",
    description: "Behind a reverse proxy: whose X-Forwarded-For names the client (true, hop count, or addresses like loopback), so limits count per person.",
  },
  { name: "CORS_ORIGINS", default: "", description: "Comma-separated origins (https://host) allowed to call the API from their pages." },
  { name: "STUN_URLS", default: "(none)", description: "Comma-separated stun: URLs for WebRTC; none = direct host candidates only (fine on a LAN)." },
  { name: "TURN_URLS", default: "(none)", description: "Comma-separated turn:/turns: URLs of a coturn relay (see docs/turn.md); needs TURN_SECRET." },
  { name: "TURN_SECRET", default: "(unset)", description: "coturn's static-auth-secret (≥ 16 chars); per-session TURN credentials are minted from it." },
  { name: "TURN_TTL_SECONDS", default: "3600", description: "How long a minted TURN credential is valid (60–604800)." },
  { name: "JANUS_URL", default: "(unset)", description: "ws:// URL of a Janus WebSocket API the server drives for meeting rooms, stages and big conversations (docs/media-server.md); unset = peer to peer only." },
  { name: "JANUS_API_SECRET", default: "(unset)", description: "Janus's api_secret (≥ 16 chars), needed with JANUS_URL; it never reaches a browser." },
  { name: "JANUS_ADMIN_KEY", default: "(unset)", description: "The VideoRoom plugin's admin_key (≥ 16 chars), when Janus requires one to create rooms." },
  { name: "SESSION_SECRET", default: "(generated)", description: "Key that signs session cookies (≥ 32 chars); generated into DATA_DIR/session-secret when unset." },
  { name: "SESSION_TTL_HOURS", default: "168", description: "A session unused this long ends; each use renews it (sliding)." },
  { name: "SESSION_MAX_DAYS", default: "30", description: "A session ends this long after sign-in, however active." },
  { name: "GUESTS_PER_ADDRESS", default: "60", description: "Guest entries one client address may make per 10 minutes (0 = no limit, for load tests)." },
  { name: "ALLOW_SIGNUP", default: "true", description: "Whether anyone may create an account." },
  { name: "COOKIE_SECURE", default: "(on in production)", description: "Mark the session cookie Secure (needs HTTPS)." },
  { name: "MAX_MAP_BYTES", default: "2097152", description: "Largest Tiled JSON map upload in bytes." },
  { name: "MAX_MAP_BUNDLE_BYTES", default: "25165824", description: "Largest map upload with its images (multipart form or .zip), in bytes; see docs/maps.md." },
];
