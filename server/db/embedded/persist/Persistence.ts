import { chmodSync, promises as fsp } from "node:fs";
import path from "node:path";
import { MongoCommandError } from "../errors";
import { FORMAT, readFormat, writeFormat } from "../engine/catalog";
import type { StoreOp } from "../engine/ops";
import { Store } from "../engine/Store";
import { STORE_FOLDER, Tables } from "../engine/Tables";
import { DiskSpaceGuard } from "./diskSpace";
import { buildIndex } from "./indexBuild";
import { acquireLock } from "./lockFile";
import { migrateLegacy } from "./migrate";
import { Purger } from "./purge";
import { scrub } from "./scrub";
import { timed } from "./stepClock";
import type { StepClock } from "./stepClock";

export interface PersistenceOptions {
  dataDir: string;
  log: (msg: string) => void;
  /** Free bytes kept in reserve on the data directory's disk; writes are refused below it. */
  minFreeBytes?: number;
}

interface Batch {
  journal: boolean;
  committed: Promise<void>;
}

/**
 * Owns the data directory: the lock, the migration from the previous format, the lmdb
 * environment and the write path. A write command's synchronous part runs inside one lmdb
 * write batch (`runWrite`); its `persist` resolves when that batch is committed and, unless
 * the client asked for `j: false`, fsynced. A batch that fails to commit changes nothing,
 * and every command in it gets the error.
 */
export class Persistence {
  private batch: Batch | null = null;
  private closed = false;
  /** Resolves when the background checksum scrub has walked every record (or found damage). */
  readonly scrubbed: Promise<{ records: number; damaged: boolean }>;
  private readonly purger: Purger;
  /** Longest synchronous step of any write batch callback or read (see commandRunner). */
  readonly clock: StepClock = { slowestMs: 0, slowestStep: "", steps: 0, over50ms: 0 };

  private constructor(
    readonly store: Store,
    private readonly tables: Tables,
    private readonly guard: DiskSpaceGuard,
    private readonly opts: PersistenceOptions,
    private readonly releaseLock: () => Promise<void>,
  ) {
    const background = (fn: () => void, label = "background") => this.runWrite(fn, true, label);
    this.purger = new Purger(tables, (fn) => background(fn, "purge slice"), () => this.closed);
    store.indexBuilder = (coll, ix) => buildIndex(coll, ix, this.batch?.committed ?? Promise.resolve(), (fn) => background(fn, "index build slice"));
    this.resumeBackgroundWork();
    this.scrubbed = scrub(tables, () => this.closed).then(
      ({ records, damage }) => {
        if (damage) opts.log(`embedded store: ${tables.damageError().message}`);
        return { records, damaged: damage !== null };
      },
      (err: Error) => {
        opts.log(`embedded store: checksum scrub stopped: ${err.message}`);
        return { records: 0, damaged: false };
      },
    );
  }

  static async open(opts: PersistenceOptions): Promise<Persistence> {
    await fsp.mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(opts.dataDir, 0o700); // it holds e-mail addresses and password hashes
    const release = await acquireLock(opts.dataDir);
    let tables: Tables | null = null;
    try {
      await migrateLegacy(opts.dataDir, opts.log);
      tables = Tables.open(path.join(opts.dataDir, STORE_FOLDER));
      const t = tables;
      const format = t.checked(() => readFormat(t.catalog));
      if (!format) t.inWrite(() => writeFormat(t.catalog, { createdAt: new Date() }));
      else if (format.format !== FORMAT.format || format.version !== FORMAT.version) {
        throw new Error(`${t.dataFile} is in format ${String(format.format)} v${String(format.version)}; this server reads ${FORMAT.format} v${FORMAT.version}`);
      }
      return new Persistence(new Store(t), t, new DiskSpaceGuard(opts.dataDir, opts.minFreeBytes), opts, release);
    } catch (err) {
      await tables?.close().catch(() => undefined);
      await release();
      throw err;
    }
  }

  /** Index builds and purges a restart cut short carry on. */
  private resumeBackgroundWork(): void {
    for (const db of this.store.databases()) {
      for (const coll of this.store.collections(db)) {
        for (const ix of coll.indexes.values()) {
          if (!ix.building) continue;
          this.opts.log(`embedded store: resuming the build of index ${ix.spec.name} on ${coll.ns}`);
          ix.built = buildIndex(coll, ix, Promise.resolve(), (fn) => this.runWrite(fn, true, "index build slice"));
          ix.built.catch((err: Error) => this.opts.log(`embedded store: index ${ix.spec.name} on ${coll.ns} dropped: ${err.message}`));
        }
      }
    }
    this.kickPurger();
  }

  private kickPurger(): void {
    this.purger.kick().catch((err: Error) => this.opts.log(`embedded store: purge of dropped data paused: ${err.message}`));
  }

  /** Resolves when queued purges of dropped data are done (tests, tools). */
  async settled(): Promise<void> {
    await this.purger.kick();
  }

  get damaged(): MongoCommandError | null {
    return this.tables.damaged ? this.tables.damageError() : null;
  }

  /**
   * Runs `fn` (a command's synchronous part) inside lmdb's next write batch and returns its
   * result. The batch commits on lmdb's writer thread; the event loop never waits for I/O.
   * A batch that fails to commit rejects `persist` of its ops; with `strict`, it also rejects
   * this call (for commands that run many batches and must stop at a failed one).
   */
  async runWrite<T>(fn: () => T, journal = true, label = "write", strict = false): Promise<T> {
    if (this.closed) throw new MongoCommandError("InternalError", "the embedded store is closed");
    this.guard.check();
    let settle!: { resolve: () => void; reject: (err: Error) => void };
    const committed = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    committed.catch(() => undefined); // a command that wrote nothing never waits on it
    const batch: Batch = { journal, committed };
    let ran = false;
    let out!: T;
    const done = this.tables.writeAsync(() => {
      this.batch = batch;
      ran = true;
      try {
        out = timed(this.clock, label, fn);
      } finally {
        this.batch = null;
      }
    });
    try {
      await done;
      settle.resolve();
      if (this.store.purgeQueued) {
        this.store.purgeQueued = false;
        this.kickPurger();
      }
    } catch (err) {
      const failure = await commitFailure(err);
      this.opts.log(`embedded store: ${failure.message}`);
      this.store.reload(); // the in-memory catalog may hold what was just rolled back
      settle.reject(failure);
      if (!ran || strict) throw failure;
    }
    return out;
  }

  /**
   * Resolves once ops already applied are durable (see runWrite for the rules), and new
   * indexes among them are built.
   */
  persist(ops: StoreOp[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    const builds = ops.flatMap((o) => (o.op === "ci" ? [this.store.collection(o.db, o.c)?.indexes.get(o.spec.name)?.built ?? null] : [])).filter((b) => b !== null);
    const batch = this.batch;
    const durable = !batch ? this.tables.flushed() : batch.committed.then(() => (batch.journal ? this.tables.flushed() : undefined));
    return durable.then(() => Promise.all(builds)).then(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.scrubbed;
    await this.purger.kick().catch(() => undefined); // stops at its next slice; resumed at the next start
    await this.tables.close();
    await this.releaseLock();
  }
}

/** lmdb-js rejects every write of a failed batch with a generic error; the cause comes separately. */
async function commitFailure(err: unknown): Promise<MongoCommandError> {
  let cause = err as Error & { commitError?: Promise<unknown>; code?: number };
  if (cause?.commitError) cause = ((await cause.commitError.then(() => cause, (e: unknown) => e)) as typeof cause) ?? cause;
  const message = `write not committed, nothing of it was stored: ${cause?.message ?? String(err)}`;
  return new MongoCommandError(cause?.code === 28 ? "OutOfDiskSpace" : "InternalError", message);
}
