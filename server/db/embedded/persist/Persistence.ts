import { promises as fsp } from "node:fs";
import type { Document } from "bson";
import { Store } from "../engine/Store";
import type { StoreOp } from "../engine/ops";
import { listJournals } from "./files";
import { Journal } from "./Journal";
import { acquireLock } from "./lockFile";
import { decodeRecords, encodeRecord } from "./records";
import { loadSnapshot, writeSnapshot } from "./snapshot";

export interface PersistenceOptions {
  dataDir: string;
  log: (msg: string) => void;
  /** Journal bytes after which a background snapshot is taken. */
  compactAfterBytes?: number;
}

/**
 * Owns the data directory: lock, snapshot + journal replay at open, journaling of every
 * mutation, and background compaction.
 */
export class Persistence {
  private compacting: Promise<void> | null = null;
  private closed = false;

  private constructor(
    readonly store: Store,
    private readonly journal: Journal,
    private readonly opts: PersistenceOptions,
    private readonly releaseLock: () => Promise<void>,
  ) {}

  static async open(opts: PersistenceOptions): Promise<Persistence> {
    await fsp.mkdir(opts.dataDir, { recursive: true });
    const release = await acquireLock(opts.dataDir);
    try {
      const store = new Store();
      const snap = await loadSnapshot(opts.dataDir);
      let lastGen = snap?.coversGen ?? 0;
      if (snap) for (const op of snap.ops) store.apply(op as StoreOp);
      for (const { gen, file } of await listJournals(opts.dataDir)) {
        if (gen <= (snap?.coversGen ?? 0)) {
          await fsp.rm(file, { force: true }); // already inside the snapshot
          continue;
        }
        lastGen = Math.max(lastGen, gen);
        await replayJournal(store, file, opts.log);
      }
      const p = new Persistence(store, new Journal(opts.dataDir, lastGen + 1), opts, release);
      return p;
    } catch (err) {
      await release();
      throw err;
    }
  }

  /** Journals ops already applied to the store; resolves once they are durable. */
  persist(ops: StoreOp[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error("store is closed"));
    const done = Promise.all(ops.map((o) => this.journal.append(encodeRecord(o as unknown as Document)))).then(() => undefined);
    if (this.journal.bytesInGen > (this.opts.compactAfterBytes ?? 16 * 1024 * 1024)) {
      this.compact().catch((err) => this.opts.log(`compaction failed: ${(err as Error).message}`));
    }
    return done;
  }

  /** Snapshot the current state, then delete the journals it covers. */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    // Rotation and the dump are synchronous together, so the snapshot holds exactly
    // the effects of every record in generations up to `gen`.
    const { gen, flushed } = this.journal.rotate();
    const records: Buffer[] = [];
    for (const op of this.store.dumpOps()) records.push(encodeRecord(op as unknown as Document));
    this.compacting = (async () => {
      await flushed;
      await writeSnapshot(this.opts.dataDir, gen, records);
      for (const j of await listJournals(this.opts.dataDir)) if (j.gen <= gen) await fsp.rm(j.file, { force: true });
    })().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  /** Resolves when no background compaction is in progress. */
  async settled(): Promise<void> {
    while (this.compacting) await this.compacting.catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.journal.drain();
    if (this.compacting) await this.compacting.catch(() => undefined);
    try {
      await this.compact();
    } catch (err) {
      this.opts.log(`final compaction failed, journal kept: ${(err as Error).message}`);
    }
    await this.journal.close();
    await this.releaseLock();
  }
}

async function replayJournal(store: Store, file: string, log: (msg: string) => void): Promise<void> {
  const buf = await fsp.readFile(file);
  const { docs, validLength, stoppedBecause } = decodeRecords(buf);
  for (const op of docs) {
    try {
      store.apply(op as StoreOp);
    } catch (err) {
      log(`journal ${file}: skipped op that no longer applies: ${(err as Error).message}`);
    }
  }
  if (stoppedBecause) {
    // A record torn by a crash was never acknowledged; cut it off so later appends are clean.
    log(`journal ${file}: ignoring ${buf.length - validLength} trailing bytes (${stoppedBecause})`);
    await fsp.truncate(file, validLength);
  }
}
