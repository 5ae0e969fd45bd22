import type { Connection } from "mongoose";
import type { AuthConfig } from "../auth/authConfig";
import { readAuthConfig } from "../auth/authConfig";
import { defaultApiLimits } from "../auth/apiLimits";
import { Sessions } from "../auth/Sessions";
import { resolveSessionSecret } from "../auth/sessionSecret";
import type { Config } from "../config";
import { connectDatabase, type EmbeddedControl } from "../db/connect";
import { createModels } from "../db/models";
import { createRepositories, type Repositories } from "../db/repositories";
import { seedDatabase } from "../db/seed";
import { offerOwnerSetup, type OwnerlessSpaces } from "../admin/offerOwnerSetup";
import type { ServerDeps } from "../deps";
import { createApiRouter } from "../http/api/createApiRouter";
import { OriginPolicy } from "../http/security/originPolicy";
import { SessionIdentity } from "../identity/SessionIdentity";
import type { Logger } from "../log";
import { describeChange, tellOffice } from "../rooms/tellOffice";
import { DbMapSource } from "./DbMapSource";
import { RepositoryProfileSource } from "../features/social/RepositoryProfileSource";
import { RepositoryBanStore } from "../features/moderation/RepositoryBanStore";
import { DbSpaceSettings } from "./DbSpaceSettings";
import { cachedMapFile } from "./loadMapFile";
import { MongoMemberStateStore } from "./MongoMemberStateStore";
import { DatabaseHealth } from "./DatabaseHealth";
import { RetryingMemberStateStore } from "./RetryingMemberStateStore";
import { RetryingPresenceStore } from "./RetryingPresenceStore";
import { MongoPresenceStore } from "./MongoPresenceStore";

export type PersistenceConfig = Pick<Config, "dataDir" | "mongodbUri" | "mapPath" | "publicUrl"> & Partial<Pick<Config, "corsOrigins" | "assetsDir">> & {
  /** Accounts and sessions; read from the environment when omitted (loadConfig always supplies it). */
  auth?: AuthConfig;
  /** Database name (tests use a unique one per file); the URI's, or "deskmap". */
  dbName?: string;
};

export interface Persistence {
  deps: Pick<ServerDeps, "maps" | "identity" | "apiRouter" | "presenceStore" | "spaces" | "memberState" | "chat" | "meetups" | "bans" | "profiles">;
  repos: Repositories;
  /** Spaces found without an owner at start-up and how each gets one; main.ts prints it. */
  ownerless: OwnerlessSpaces;
  /** For health checks and tools; closed by close(). */
  connection: Connection;
  /** Stops and starts the embedded store underneath (absent with MONGODB_URI); for outage tests. */
  embedded?: EmbeddedControl;
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
    // Before the server takes requests: a space without an owner gets a way to get one.
    const ownerless = await offerOwnerSetup(repos);
    const sessionSecret = await resolveSessionSecret(auth.SESSION_SECRET, config.dataDir);
    const apiRouter = createApiRouter({
      repos,
      sessions: new Sessions(repos, sessionSecret, {
        idleSeconds: Math.round(auth.SESSION_TTL_HOURS * 3600),
        maxSeconds: Math.round(auth.SESSION_MAX_DAYS * 86_400),
      }),
      deviceSecret: sessionSecret,
      cookieSecure: auth.COOKIE_SECURE ?? false,
      allowSignup: auth.ALLOW_SIGNUP,
      maxMapBytes: auth.MAX_MAP_BYTES,
      maxMapBundleBytes: auth.MAX_MAP_BUNDLE_BYTES,
      assetsDir: config.assetsDir,
      publicUrl: config.publicUrl,
      defaultMap,
      log: (message, err) => log?.error(message, err),
      limits: defaultApiLimits({ guestsPerAddress: auth.GUESTS_PER_ADDRESS }),
      officeChanged: (space, change) =>
        tellOffice(space, change).then(
          () => undefined,
          (err: unknown) => log?.error(`could not tell the office "${space}" about its new ${describeChange(change)}`, err),
        ),
    });
    // Positions, statuses and desk releases outlive a database outage: kept and retried, written
    // before the database closes, with one health signal for the rooms' notice.
    const health = new DatabaseHealth();
    const positions = new RetryingPresenceStore(new MongoPresenceStore(repos), log, health);
    const memberState = new RetryingMemberStateStore(new MongoMemberStateStore(repos), health, log);
    return {
      deps: {
        maps: new DbMapSource(repos),
        identity: new SessionIdentity(repos, sessionSecret, new OriginPolicy(config.corsOrigins ?? [], config.publicUrl)),
        presenceStore: positions,
        memberState,
        spaces: new DbSpaceSettings(repos),
        bans: new RepositoryBanStore(repos),
        profiles: new RepositoryProfileSource(repos),
        chat: repos.chat,
        meetups: repos.meetups,
        apiRouter,
      },
      repos,
      ownerless,
      connection: db.connection,
      embedded: db.embedded,
      close: async () => {
        // Together, so both fit in the shutdown's grace period.
        const [savedPositions, savedState] = await Promise.all([positions.drain(), memberState.drain()]);
        if (!savedPositions || !savedState) {
          log?.error(`database still unavailable at shutdown: ${positions.backlog} position(s) and ${memberState.backlog} status/desk change(s) not saved`);
        }
        positions.close();
        memberState.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
