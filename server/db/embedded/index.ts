import net from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createCommandRunner } from "./commandRunner";
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
  /** Free disk space kept in reserve; writes are refused below it (default 64 MB). */
  minFreeBytes?: number;
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
  /** Resolves when the background checksum scrub of every record is done; `damaged` if it found damage. */
  scrubbed(): Promise<{ records: number; damaged: boolean }>;
  /** Resolves when the background purge of dropped collections and indexes is done. */
  settled(): Promise<void>;
}

const TTL_INTERVAL_MS = 60_000;

/**
 * Starts the embedded document store: a MongoDB wire-protocol server over an lmdb store in
 * `dataDir` (see docs/persistence.md). Meant for one machine (development, small teams); production
 * sets MONGODB_URI to a real MongoDB replica set instead.
 */
export async function startEmbeddedMongo(opts: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const persistence = await Persistence.open({ dataDir, log, minFreeBytes: opts.minFreeBytes });
  const { store } = persistence;
  const cursors = new CursorManager();
  const connections = new Set<Connection>();
  let nextConnectionId = 1;
  const run = createCommandRunner(persistence, cursors);

  const server = net.createServer((socket) => {
    const conn = new Connection(socket, nextConnectionId++, run, log);
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

  let sweeping = false;
  const ttlTimer = setInterval(() => {
    if (sweeping || persistence.damaged) return;
    sweeping = true;
    sweepExpired(persistence)
      .catch((err: Error) => log(`TTL deletion failed: ${err.message}`))
      .finally(() => (sweeping = false));
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
    scrubbed: () => persistence.scrubbed,
    settled: () => persistence.settled(),
    stats: () => ({ ...store.stats, openCursors: cursors.size, connections: connections.size }),
  };
}

/** Deletes what TTL indexes say is due, a thousand documents per write batch. */
async function sweepExpired(persistence: Persistence): Promise<void> {
  const ops = await expiredOps(persistence.store);
  for (let i = 0; i < ops.length; i += 1000) {
    const slice = ops.slice(i, i + 1000);
    await persistence.runWrite(() => {
      for (const op of slice) persistence.store.apply(op);
    });
  }
}
