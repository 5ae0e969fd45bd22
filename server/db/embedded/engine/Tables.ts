import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { open } from "lmdb";
import type { Database, RootDatabase } from "lmdb";
import { MongoCommandError } from "../errors";
import { DataDamagedError } from "./checksum";

export type Table = Database<Buffer, Buffer>;

/** The folder inside DATA_DIR that holds lmdb's files (data.mdb, lock.mdb). */
export const STORE_FOLDER = "store";
export const DATA_FILE = "data.mdb";

/**
 * The lmdb environment and its three tables:
 * - `docs`: documents by collection and record id,
 * - `entries`: index entries (the `_id` index included),
 * - `catalog`: collections, their indexes and document counts, id counters, the format.
 *
 * Writes run inside lmdb transactions only. `writeAsync` queues work into lmdb's next write
 * batch: the callback runs on this thread inside the open transaction, the commit and the
 * fsync happen on lmdb's writer thread. `inWrite` joins that transaction when called from
 * inside one, and otherwise runs its own synchronous one.
 */
export class Tables {
  readonly docs: Table;
  readonly entries: Table;
  readonly catalog: Table;
  /** Set once a checksum fails; every later command is refused with it. */
  damaged: DataDamagedError | null = null;
  private depth = 0;
  /** Work to run once, at the end of the outermost write callback (still inside its transaction). */
  private readonly atEnd = new Set<() => void>();

  private constructor(
    readonly dir: string,
    private readonly root: RootDatabase<Buffer, Buffer>,
  ) {
    const binary = { encoding: "binary", keyEncoding: "binary" } as const;
    this.docs = root.openDB("docs", binary);
    this.entries = root.openDB("entries", binary);
    this.catalog = root.openDB("catalog", binary);
  }

  /** Opens (creating when absent) the environment in `dir`, owner-only (0700 / 0600). */
  static open(dir: string): Tables {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const root = open<Buffer, Buffer>({
      path: dir,
      noSubdir: false, // lmdb-js would take a name with a dot (store.migrating) for a file
      maxDbs: 4,
      encoding: "binary",
      keyEncoding: "binary",
      // lmdb-js passes this to mdb_env_open as the file mode of data.mdb and lock.mdb.
      permissionsMode: 0o600,
    } as Parameters<typeof open>[0] & { permissionsMode: number });
    for (const f of [DATA_FILE, "lock.mdb"]) if (existsSync(path.join(dir, f))) chmodSync(path.join(dir, f), 0o600);
    return new Tables(dir, root);
  }

  get dataFile(): string {
    return path.join(this.dir, DATA_FILE);
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  inWrite<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    return this.root.transactionSync(() => this.within(fn));
  }

  /** Runs `fn` in lmdb's next write batch; resolves with its result once committed. */
  writeAsync<T>(fn: () => T): Promise<T> {
    return this.root.childTransaction(() => this.within(fn)) as Promise<T>;
  }

  /** Resolves once every commit so far is fsynced. */
  flushed(): Promise<void> {
    return Promise.resolve(this.root.flushed).then(() => undefined);
  }

  async close(): Promise<void> {
    await this.root.flushed;
    await this.root.close();
  }

  /** Runs a read; a failed checksum marks the store damaged and becomes a clear command error. */
  checked<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof DataDamagedError)) throw err;
      this.damaged ??= err;
      throw this.damageError();
    }
  }

  damageError(): MongoCommandError {
    const detail = this.damaged?.detail ?? "unknown damage";
    return new MongoCommandError(
      "DataCorruptionDetected",
      `the embedded store's data file ${this.dataFile} is damaged: ${detail}. The store refuses every command rather than ` +
        `serve or build on damaged data. Stop the server, keep a copy of ${this.dir}, and restore it from a backup ` +
        `(see docs/persistence.md, "Damage").`,
    );
  }

  /** Queues `fn` for the end of the current write callback (e.g. one count update per batch). */
  deferToEnd(fn: () => void): void {
    this.atEnd.add(fn);
  }

  private within<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      if (this.depth === 1) {
        for (const f of this.atEnd) f();
        this.atEnd.clear();
      }
      this.depth--;
    }
  }
}
