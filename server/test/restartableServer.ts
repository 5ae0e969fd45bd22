import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildTestMap, type TestMapOptions } from "../../shared/map/testMap";
import { readAuthConfig } from "../auth/authConfig";
import type { ServerDeps } from "../deps";
import { createPersistence, type Persistence } from "../persistence/createPersistence";
import { HARNESS_MAP, startTestServer, type TestServer } from "./harness";

/**
 * A room-test server on the real persistence chain (createPersistence on the
 * embedded store in a fresh DATA_DIR, or MONGODB_URI with a database of its
 * own) that can be shut down and booted again on the same data: for tests of
 * what survives a restart.
 *
 *   const office = await restartableServer({ name: "desks", map: DESK_MAP });
 *   await office.restart();      // full stop (server, then database) and boot
 *   office.server.join(...); office.persistence.repos; office.url
 *   await office.close();        // also drops the MONGODB_URI database and the data directory
 */

export interface RestartableServerOptions {
  /** Names the data directory (deskmap-<name>-XXXX) and so the MONGODB_URI database. */
  name: string;
  /** The map written to DATA_DIR/office.json (seeded as the default space) and served by the harness. */
  map?: TestMapOptions;
  /** The server's deps drawn from each boot's persistence; all of persistence.deps by default. */
  deps?: (persistence: Persistence) => Partial<ServerDeps>;
}

export interface RestartableServer {
  readonly dataDir: string;
  /** The running server and its persistence; both throw while stopped. */
  readonly server: TestServer;
  readonly persistence: Persistence;
  readonly url: string;
  /** Server first, then the database: rooms save as people leave. */
  stop(): Promise<void>;
  /** Boots again on the same data directory (and database). */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** A JSON POST to the running server, with a session token as the cookie; returns the session token it set, if any. */
  post(pathname: string, body: unknown, token?: string): Promise<{ status: number; json: any; token?: string }>;
  /** Stops for good and removes what the test created. */
  close(): Promise<void>;
}

export async function restartableServer(options: RestartableServerOptions): Promise<RestartableServer> {
  const map = options.map ?? HARNESS_MAP;
  const pickDeps = options.deps ?? ((p: Persistence) => p.deps);
  const mongodbUri = process.env.MONGODB_URI || undefined;
  const dataDir = await mkdtemp(path.join(tmpdir(), `deskmap-${options.name}-`));
  await writeFile(path.join(dataDir, "office.json"), JSON.stringify(buildTestMap(map)));
  let persistence: Persistence | undefined;
  let server: TestServer | undefined;

  const running = () => {
    if (!server || !persistence) throw new Error(`restartableServer(${options.name}) is stopped`);
    return { server, persistence };
  };

  const office: RestartableServer = {
    dataDir,
    get server() {
      return running().server;
    },
    get persistence() {
      return running().persistence;
    },
    get url() {
      return running().server.url;
    },
    async start() {
      if (persistence) throw new Error(`restartableServer(${options.name}) is already running`);
      persistence = await createPersistence({
        dataDir,
        mapPath: path.join(dataDir, "office.json"),
        mongodbUri,
        // One database per data directory, so test files sharing a MongoDB never see each other's data.
        dbName: mongodbUri ? path.basename(dataDir).replace(/\W/g, "_") : undefined,
        auth: readAuthConfig({}),
      });
      // The default space is claimed already (as e2e/testServer does): the suites' first sign-up is an ordinary member.
      await persistence.repos.spaces.claimOwnership();
      server = await startTestServer({ deps: pickDeps(persistence), map }).catch(async (err: unknown) => {
        await persistence?.close();
        persistence = undefined;
        throw err;
      });
    },
    async stop() {
      await server?.close();
      await persistence?.close();
      server = persistence = undefined;
    },
    async restart() {
      await office.stop();
      await office.start();
    },
    async post(pathname, body, token) {
      const res = await fetch(`${office.url}${pathname}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { cookie: `deskmap_session=${token}` } : {}) },
        body: JSON.stringify(body),
      });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith("deskmap_session="));
      return { status: res.status, json: await res.json(), token: cookie?.split(";")[0].split("=")[1] };
    },
    async close() {
      if (mongodbUri) await persistence?.connection.dropDatabase();
      await office.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await office.start();
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  return office;
}
