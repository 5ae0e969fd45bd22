import path from "node:path";
import mongoose, { type Connection } from "mongoose";
import { startEmbeddedMongo } from "./embedded";

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
}

/** Embedded data lives under DATA_DIR/db so the directory can hold other files (the session secret). */
export function embeddedDataDir(dataDir: string): string {
  return path.join(dataDir, "db");
}

export async function connectDatabase(options: DatabaseOptions): Promise<Database> {
  const embedded = options.mongodbUri
    ? null
    : await startEmbeddedMongo({ dataDir: embeddedDataDir(options.dataDir), port: 0, host: "127.0.0.1", log: options.log });
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
  return {
    connection,
    async close() {
      await connection.close();
      await embedded?.close();
    },
  };
}

function hasDatabaseInPath(uri: string): boolean {
  const afterHosts = uri.replace(/^mongodb(\+srv)?:\/\/[^/]*/, "");
  return /^\/[^/?]+/.test(afterHosts);
}
