import { promises as fsp } from "node:fs";
import path from "node:path";
import { fsyncDir, journalName, writeFully } from "./files";

interface Pending {
  gen: number;
  buf: Buffer;
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Append-only journal with group commit: records queued while one fsync is in flight are
 * written and fsynced together by the next one. Each append's promise resolves only once its
 * bytes are on disk, and only then is the write acknowledged to the client.
 * Generations: `rotate()` switches new appends to the next file so a snapshot can cover
 * everything up to the old generation, after which old files are deleted.
 */
export class Journal {
  private pending: Pending[] = [];
  private running: Promise<void> | null = null;
  private file: { gen: number; fh: fsp.FileHandle } | null = null;
  private failed: Error | null = null;
  private lastOfGen = new Map<number, Promise<void>>();
  /** Bytes appended to the current generation (drives compaction). */
  bytesInGen = 0;
  /** fsyncs issued so far; with group commit, fewer than appends under concurrency. */
  syncs = 0;

  constructor(
    private readonly dir: string,
    private gen: number,
  ) {}

  get generation(): number {
    return this.gen;
  }

  append(buf: Buffer): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    const p = new Promise<void>((resolve, reject) => this.pending.push({ gen: this.gen, buf, resolve, reject }));
    this.lastOfGen.set(this.gen, p);
    this.bytesInGen += buf.length;
    this.kick();
    return p;
  }

  /** Starts a new generation; returns the closed one and a promise for its last write. */
  rotate(): { gen: number; flushed: Promise<void> } {
    const gen = this.gen;
    const flushed = (this.lastOfGen.get(gen) ?? Promise.resolve()).catch(() => undefined);
    this.lastOfGen.delete(gen);
    this.gen++;
    this.bytesInGen = 0;
    return { gen, flushed };
  }

  /** Waits for every queued record to be durable. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    await this.drain();
    if (this.file) {
      await this.file.fh.close();
      this.file = null;
    }
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.loop().finally(() => {
      this.running = null;
      if (this.pending.length) this.kick();
    });
  }

  private async loop(): Promise<void> {
    while (this.pending.length) {
      const gen = this.pending[0].gen;
      let n = 0;
      while (n < this.pending.length && this.pending[n].gen === gen) n++;
      const batch = this.pending.splice(0, n);
      try {
        const fh = await this.fileFor(gen);
        await writeFully(fh, Buffer.concat(batch.map((b) => b.buf)));
        await fh.datasync();
        this.syncs++;
        for (const b of batch) b.resolve();
      } catch (err) {
        // Memory and disk may now disagree: refuse all further writes rather than lie.
        this.failed = new Error(`journal write failed: ${(err as Error).message}`);
        for (const b of [...batch, ...this.pending.splice(0)]) b.reject(this.failed);
      }
    }
  }

  private async fileFor(gen: number): Promise<fsp.FileHandle> {
    if (this.file?.gen === gen) return this.file.fh;
    if (this.file) await this.file.fh.close();
    const fh = await fsp.open(path.join(this.dir, journalName(gen)), "a");
    await fsyncDir(this.dir);
    this.file = { gen, fh };
    return fh;
  }
}
