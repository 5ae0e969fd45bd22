import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { connectDatabase, type Database } from "../connect";
import { createModels, type Models } from "../models";
import { createRepositories, type Repositories } from ".";

/**
 * A fresh database for one test file: the embedded store in a temporary
 * directory, or — when MONGODB_URI is set — a uniquely named database on that
 * server, dropped afterwards. The same suites thus run unchanged against both.
 */
export interface TestDatabase {
  db: Database;
  models: Models;
  repos: Repositories;
  dataDir: string;
  dbName: string;
  /** Closes everything and opens the same data again, as a server restart would. */
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

export async function openTestDatabase(label: string): Promise<TestDatabase> {
  const mongodbUri = process.env.MONGODB_URI || undefined;
  const dataDir = await mkdtemp(path.join(tmpdir(), `deskmap-${label}-`));
  const dbName = `deskmap_test_${label.replace(/[^a-z0-9]/gi, "_")}_${randomBytes(4).toString("hex")}`;
  const open = async () => {
    const db = await connectDatabase({ mongodbUri, dataDir, dbName });
    const models = await createModels(db.connection);
    return { db, models, repos: createRepositories(models) };
  };
  const handle: TestDatabase = {
    ...(await open()),
    dataDir,
    dbName,
    async restart() {
      await handle.db.close();
      Object.assign(handle, await open());
    },
    async destroy() {
      if (mongodbUri) await handle.db.connection.dropDatabase();
      await handle.db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
