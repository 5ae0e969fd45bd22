import net from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Connection } from "./Connection";
import { CursorManager } from "./CursorManager";
import { expiredOps } from "./engine/ttl";
import { Persistence } from "./persist/Persistence";

export interface EmbeddedMongoOptions {
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  log?: (msg: string) => void;
  /** Journal size that triggers a background snapshot (default 16 MB). */
  compactAfterBytes?: number;
}

export interface EmbeddedStats {
  docsExamined: number;
  indexLookups: number;
  collectionScans: number;
  openCursors: number;
  connections: number;
}

export interface EmbeddedMongo {
  uri: string;
  port: number;
  close(): Promise<void>;
  /** Query-planner counters, for tests and diagnostics. */
  stats(): EmbeddedStats;
  /** Snapshot now and drop covered journals (normally automatic). */
  compact(): Promise<void>;
}

const TTL_INTERVAL_MS = 60_000;

/**
 * Starts the embedded document store: a MongoDB wire-protocol server over an in-memory,
 * journaled store in `dataDir`. Meant for one machine (development, small teams); production
 * sets MONGODB_URI to a real MongoDB replica set instead.
 */
export async function startEmbeddedMongo(opts: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const persistence = await Persistence.open({ dataDir, log, compactAfterBytes: opts.compactAfterBytes });
  const { store } = persistence;
  const cursors = new CursorManager();
  const connections = new Set<Connection>();
  let nextConnectionId = 1;

  const makeContext = (db: string, connectionId: number) => ({
    db,
    store,
    cursors,
    connectionId,
    persist: (ops: Parameters<Persistence["persist"]>[0]) => persistence.persist(ops),
  });

  const server = net.createServer((socket) => {
    const conn = new Connection(socket, nextConnectionId++, makeContext, log);
    connections.add(conn);
    socket.on("close", () => connections.delete(conn));
  });
  server.on("error", (err) => log(`embedded mongo server error: ${err.message}`));

  const host = opts.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    cursors.close();
    await persistence.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;

  const ttlTimer = setInterval(() => {
    const ops = expiredOps(store);
    if (ops.length === 0) return;
    for (const op of ops) store.apply(op);
    persistence.persist(ops).catch((err) => log(`TTL deletion not journaled: ${(err as Error).message}`));
  }, TTL_INTERVAL_MS).unref();

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearInterval(ttlTimer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const c of connections) c.close();
      await closed;
      cursors.close();
      await persistence.close();
    })();
    return closing;
  };

  log(`embedded MongoDB-compatible store on ${host}:${port}, data in ${dataDir}`);
  return {
    uri: `mongodb://${host}:${port}/`,
    port,
    close,
    compact: () => persistence.compact(),
    stats: () => ({ ...store.stats, openCursors: cursors.size, connections: connections.size }),
  };
}
