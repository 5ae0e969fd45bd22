import path from "node:path";
import mongoose, { type Connection } from "mongoose";
import { startEmbeddedMongo, type EmbeddedMongo } from "./embedded";

export interface DatabaseOptions {
  /** An external MongoDB; when unset the embedded store runs in `dataDir`. */
  mongodbUri?: string;
  dataDir: string;
  /** Database name; defaults to the URI's, or "deskmap". */
  dbName?: string;
  log?: (message: string) => void;
}

export interface Database {
  connection: Connection;
  /** Closes the connection, then the embedded store if one was started. */
  close(): Promise<void>;
  /** The embedded store, when one was started (no MONGODB_URI). */
  embedded?: EmbeddedControl;
}

/**
 * Stops the embedded store under a running server and starts it again on the
 * same data directory and port, so the open connection can find it again:
 * how tests take the database away for real.
 */
export interface EmbeddedControl {
  readonly port: number;
  readonly running: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Embedded data lives under DATA_DIR/db so the directory can hold other files (the session secret). */
export function embeddedDataDir(dataDir: string): string {
  return path.join(dataDir, "db");
}

export async function connectDatabase(options: DatabaseOptions): Promise<Database> {
  const startOn = (port: number) =>
    startEmbeddedMongo({ dataDir: embeddedDataDir(options.dataDir), port, host: "127.0.0.1", log: options.log });
  let embedded: EmbeddedMongo | null = options.mongodbUri ? null : await startOn(0);
  const uri = options.mongodbUri ?? embedded!.uri;
  const dbName = options.dbName ?? (options.mongodbUri && hasDatabaseInPath(uri) ? undefined : "deskmap");
  let connection: Connection;
  try {
    connection = await mongoose
      .createConnection(uri, {
        ...(dbName ? { dbName } : {}),
        serverSelectionTimeoutMS: 10_000,
        // Indexes are built explicitly by createModels, once, before use.
        autoIndex: false,
        autoCreate: false,
      })
      .asPromise();
  } catch (err) {
    await embedded?.close();
    throw new Error(`Cannot connect to ${options.mongodbUri ? "MONGODB_URI" : "the embedded store"}: ${(err as Error).message}`);
  }
  const port = embedded?.port ?? 0;
  let closed = false;
  const control: EmbeddedControl = {
    port,
    get running() {
      return embedded !== null;
    },
    async stop() {
      const running = embedded;
      embedded = null;
      await running?.close();
    },
    async start() {
      if (closed) throw new Error("the database was closed");
      embedded ??= await startOn(port);
    },
  };
  return {
    connection,
    embedded: options.mongodbUri ? undefined : control,
    async close() {
      closed = true;
      await connection.close();
      await embedded?.close();
    },
  };
}

function hasDatabaseInPath(uri: string): boolean {
  const afterHosts = uri.replace(/^mongodb(\+srv)?:\/\/[^/]*/, "");
  return /^\/[^/?]+/.test(afterHosts);
}
