import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { matchMaker } from "colyseus";
import { OFFICE_ROOM } from "../shared/protocol/names";
import type { Repositories } from "../server/db/repositories";

export interface TestServer {
  url: string;
  /** The real database behind the API, for arranging what a test needs (spaces, settings). */
  repos: Repositories;
  /** ws:// endpoint for colyseus.js clients. */
  wsUrl: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /**
   * "session" (the product): rooms admit only a session cookie or token.
   * "joinOptions": rooms trust the name and avatar in the join options, for
   * Node clients that test the room connection rather than accounts.
   */
  identity?: "session" | "joinOptions";
  /**
   * Leave the seeded default space waiting for its first owner, as on a fresh
   * install (the first sign-up claims it). Off by default, so suites that sign
   * up accounts for other reasons get ordinary members.
   */
  firstOwner?: boolean;
}

/**
 * The real server with real persistence (the embedded store in a fresh data
 * directory, seeded with the real default map), on 127.0.0.1 and a random port.
 */
export async function startTestServer(env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const { startServer } = await import("../server/server");
  const { loadConfig } = await import("../server/config");
  const { createPersistence } = await import("../server/persistence/createPersistence");
  const { createLogger } = await import("../server/log");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "deskmap-e2e-"));
  const config = loadConfig({
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    MONGODB_URI: "",
    PUBLIC_URL: "",
    ...env,
  });
  const log = createLogger(config.logLevel);
  const persistence = await createPersistence(config, log);
  if (!options.firstOwner) await persistence.repos.spaces.claimOwnership();
  const deps =
    options.identity === "joinOptions"
      ? { ...persistence.deps, identity: new (await import("../server/identity/GuestIdentity")).GuestIdentity() }
      : persistence.deps;
  const server = await startServer(config, deps, { log }).catch(async (err: unknown) => {
    await persistence.close();
    throw err;
  });
  const url = `http://127.0.0.1:${server.port}`;
  return {
    url,
    repos: persistence.repos,
    wsUrl: `ws://127.0.0.1:${server.port}`,
    async close() {
      // Rooms save positions as people leave: the database closes after the server.
      await server.close();
      await persistence.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Cuts a member's WebSocket abruptly from the server side, as a network failure would (close code 1006). */
export async function dropSocketOf(sessionId: string): Promise<void> {
  for (const listing of await matchMaker.query({ name: OFFICE_ROOM })) {
    const room = matchMaker.getLocalRoomById(listing.roomId);
    const client = room?.clients.find((c) => c.sessionId === sessionId);
    if (client) {
      (client.ref as unknown as { terminate(): void }).terminate();
      return;
    }
  }
  throw new Error(`no client ${sessionId} in any office room`);
}
