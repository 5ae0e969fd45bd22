import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { matchMaker } from "colyseus";
import { OFFICE_ROOM } from "../shared/protocol/names";

export interface TestServer {
  url: string;
  /** ws:// endpoint for colyseus.js clients. */
  wsUrl: string;
  close(): Promise<void>;
}

/** The real server with the real default map, on 127.0.0.1 and a random port, with its own data directory. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const { startServer } = await import("../server/server");
  const { loadConfig } = await import("../server/config");
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
  const server = await startServer(config);
  const url = `http://127.0.0.1:${server.port}`;
  return {
    url,
    wsUrl: `ws://127.0.0.1:${server.port}`,
    async close() {
      await server.close();
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
