import type { Connection } from "mongoose";
import type { AuthConfig } from "../auth/authConfig";
import { readAuthConfig } from "../auth/authConfig";
import { AttemptLimiter } from "../auth/AttemptLimiter";
import { resolveSessionSecret } from "../auth/sessionSecret";
import type { Config } from "../config";
import { connectDatabase } from "../db/connect";
import { createModels } from "../db/models";
import { createRepositories, type Repositories } from "../db/repositories";
import { seedDatabase } from "../db/seed";
import type { ServerDeps } from "../deps";
import { createApiRouter } from "../http/api/createApiRouter";
import { SessionIdentity } from "../identity/SessionIdentity";
import type { Logger } from "../log";
import { DbMapSource } from "./DbMapSource";
import { RepositoryBanStore } from "../features/moderation/RepositoryBanStore";
import { DbSpaceSettings } from "./DbSpaceSettings";
import { cachedMapFile } from "./loadMapFile";
import { MongoMemberStateStore } from "./MongoMemberStateStore";
import { RetryingPresenceStore } from "./RetryingPresenceStore";
import { MongoPresenceStore } from "./MongoPresenceStore";

export type PersistenceConfig = Pick<Config, "dataDir" | "mongodbUri" | "mapPath" | "publicUrl"> & {
  /** Accounts and sessions; read from the environment when omitted (loadConfig always supplies it). */
  auth?: AuthConfig;
  /** Database name (tests use a unique one per file); the URI's, or "deskmap". */
  dbName?: string;
};

export interface Persistence {
  deps: Pick<ServerDeps, "maps" | "identity" | "apiRouter" | "presenceStore" | "spaces" | "memberState" | "chat" | "meetups" | "bans">;
  repos: Repositories;
  /** For health checks and tools; closed by close(). */
  connection: Connection;
  close(): Promise<void>;
}

/**
 * Connects the database (MONGODB_URI, or the embedded store in DATA_DIR),
 * seeds the default space on first start, and returns the server's
 * persistence plug points: maps from the database, session-based identity,
 * stored positions and the /api router.
 */
export async function createPersistence(config: PersistenceConfig, log?: Logger): Promise<Persistence> {
  const auth = config.auth ?? readAuthConfig();
  const defaultMap = cachedMapFile(config.mapPath);
  const db = await connectDatabase({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    dbName: config.dbName,
    log: log ? (m) => log.debug(m) : undefined,
  });
  try {
    const repos = createRepositories(await createModels(db.connection));
    const { seeded } = await seedDatabase(repos, defaultMap);
    if (seeded) log?.info(`seeded the default space with ${config.mapPath}`);
    const sessionSecret = await resolveSessionSecret(auth.SESSION_SECRET, config.dataDir);
    const apiRouter = createApiRouter({
      repos,
      sessionSecret,
      sessionTtlSeconds: Math.round(auth.SESSION_TTL_HOURS * 3600),
      cookieSecure: auth.COOKIE_SECURE ?? false,
      allowSignup: auth.ALLOW_SIGNUP,
      maxMapBytes: auth.MAX_MAP_BYTES,
      publicUrl: config.publicUrl,
      defaultMap,
      log: (message, err) => log?.error(message, err),
      signinLimiter: new AttemptLimiter(),
    });
    // Positions outlive a database outage: kept and retried, written before the database closes.
    const positions = new RetryingPresenceStore(new MongoPresenceStore(repos), log);
    return {
      deps: {
        maps: new DbMapSource(repos),
        identity: new SessionIdentity(repos, sessionSecret),
        presenceStore: positions,
        memberState: new MongoMemberStateStore(repos),
        spaces: new DbSpaceSettings(repos),
        bans: new RepositoryBanStore(repos),
        chat: repos.chat,
        meetups: repos.meetups,
        apiRouter,
      },
      repos,
      connection: db.connection,
      close: async () => {
        await positions.drain();
        positions.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
