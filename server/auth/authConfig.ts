import { z } from "zod";

/**
 * Settings for accounts, sessions and the REST API, read from the environment.
 * Kept apart from server/config.ts so persistence can be developed on its own;
 * the lead merges these keys into the main config.
 */
const envFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const authConfigSchema = z.object({
  /** HMAC key for session tokens; generated and kept in DATA_DIR when unset. */
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** A session unused this long ends; every use moves the deadline (sliding expiry). */
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 365).default(24 * 7),
  /** A session ends this long after sign-in, however active it was. */
  SESSION_MAX_DAYS: z.coerce.number().positive().max(366).default(30),
  /** Guest entries per client address per 10 minutes; 0 turns the limit off (load tests with many bots). */
  GUESTS_PER_ADDRESS: z.coerce.number().int().min(0).max(100_000).default(60),
  /** Whether anyone may create an account (otherwise only existing accounts sign in). */
  ALLOW_SIGNUP: envFlag.default(true),
  /** Mark the session cookie Secure; on by default when NODE_ENV=production. */
  COOKIE_SECURE: envFlag.optional(),
  /** Largest accepted Tiled JSON upload, in bytes. */
  MAX_MAP_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024),
});

export type AuthConfig = z.output<typeof authConfigSchema>;

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const picked = Object.fromEntries(
    Object.keys(authConfigSchema.shape).map((key) => [key, env[key] === "" ? undefined : env[key]]),
  );
  const parsed = authConfigSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid auth configuration:\n  ${lines.join("\n  ")}`);
  }
  const config = parsed.data;
  if (config.COOKIE_SECURE === undefined) config.COOKIE_SECURE = env.NODE_ENV === "production";
  return config;
}
