import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import type { Connection } from "mongoose";
import { Store } from "../engine/Store";
import { Tables } from "../engine/Tables";
import { startEmbeddedMongo } from "../index";
import type { EmbeddedMongo } from "../index";

/** A store in a fresh temp dir, plus a mongoose connection to it; test-only. */
export interface StoreFixture {
  dir: string;
  store: EmbeddedMongo;
  conn: Connection;
  reopen(): Promise<void>;
  dispose(): Promise<void>;
}

export async function tempDir(label: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `deskmap-embedded-${label}-`));
}

export async function openFixture(label: string, dbName = "test"): Promise<StoreFixture> {
  const dir = await tempDir(label);
  const open = async () => {
    const store = await startEmbeddedMongo({ dataDir: dir });
    const conn = await mongoose.createConnection(store.uri, { dbName, serverSelectionTimeoutMS: 5000, monitorCommands: true }).asPromise();
    return { store, conn };
  };
  const fx: StoreFixture = {
    dir,
    ...(await open()),
    async reopen() {
      await fx.conn.close();
      await fx.store.close();
      Object.assign(fx, await open());
    },
    async dispose() {
      await fx.conn.close();
      await fx.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return fx;
}

/** An engine Store over a fresh lmdb environment (no wire server); test-only. */
export async function openTestStore(label: string): Promise<{ store: Store; tables: Tables; dispose(): Promise<void> }> {
  const dir = await tempDir(label);
  const tables = Tables.open(dir);
  return {
    store: new Store(tables),
    tables,
    async dispose() {
      await tables.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
