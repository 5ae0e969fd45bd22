import type { Document } from "bson";
import { performance } from "node:perf_hooks";
import { asCommandError } from "../errors";
import type { StoreOp } from "../engine/ops";
import { SLICE_MS } from "../engine/pacer";
import type { CommandContext } from "./context";
import { writeReply } from "./writeHelpers";

/** What one write batch did; added to the command's totals only once the batch is committed. */
export interface Tally {
  n: number;
  nModified: number;
  upserted: Document[];
  writeErrors: Document[];
  /** An ordered command stops at its first failed item. */
  stop: boolean;
}

/** Applies an op inside the current batch and remembers it for `persist`. */
export type Apply = (op: StoreOp) => void;

/**
 * A write command cut into write batches of about SLICE_MS of work each (issue 14: no single
 * step may hold the event loop for long). Each item, and each document a multi-document item
 * changes, is still all-or-nothing; the command as a whole is not, as in mongod, where
 * `insertMany` and `updateMany` are not atomic either. Items run in order. If a batch fails to
 * commit, nothing of it is stored: the command fails if nothing of it was committed before,
 * else it stops with that error at the first item of the failed batch.
 */
export class SlicedWrite {
  private readonly totals: Tally = { n: 0, nModified: 0, upserted: [], writeErrors: [], stop: false };
  private readonly durable: Promise<void>[] = [];
  private committedAny = false;

  constructor(
    private readonly ctx: CommandContext,
    readonly ordered: boolean,
  ) {}

  get stopped(): boolean {
    return this.totals.stop;
  }

  /** Records a failed item (outside a batch: nothing of it was applied). */
  fail(index: number, err: unknown): void {
    failItem(this.totals, this.ordered, index, err);
  }

  /**
   * Runs `body` inside one write batch; `timeLeft()` says whether the slice has time for more.
   * Resolves with what `body` returned, or undefined if `body` threw or the batch failed (either
   * recorded at `index`).
   */
  async batch<T>(index: number, body: (apply: Apply, tally: Tally, timeLeft: () => boolean) => T): Promise<T | undefined> {
    const tally: Tally = { n: 0, nModified: 0, upserted: [], writeErrors: [], stop: false };
    let out: T;
    try {
      const { durable } = await this.ctx.write(() => {
        const t0 = performance.now();
        const ops: StoreOp[] = [];
        const apply: Apply = (op) => {
          this.ctx.store.apply(op);
          ops.push(op);
        };
        try {
          out = body(apply, tally, () => performance.now() - t0 < SLICE_MS);
        } catch (err) {
          // The item's own error (an update that cannot apply, a duplicate key): a write error of
          // that item, as in mongod, not a failed commit; what the batch applied before it stays.
          failItem(tally, this.ordered, index, err);
        }
        // Wrapped: a promise returned as is would make the write wait for durability here.
        return { durable: this.ctx.persist(ops) };
      });
      durable.catch(() => undefined); // awaited in `reply`
      this.durable.push(durable);
    } catch (err) {
      if (!this.committedAny) throw err;
      this.fail(index, err);
      this.totals.stop = true;
      return undefined;
    }
    this.committedAny = true;
    this.totals.n += tally.n;
    this.totals.nModified += tally.nModified;
    this.totals.upserted.push(...tally.upserted);
    this.totals.writeErrors.push(...tally.writeErrors);
    if (tally.stop) this.totals.stop = true;
    return out!;
  }

  /**
   * Runs items 0..count-1 in order: those `inBatch` accepts (quick ones) together, as many per
   * batch as the slice allows; any other one through `alone`, which opens batches of its own.
   */
  async items(
    count: number,
    inBatch: (index: number) => boolean,
    step: (index: number, apply: Apply, tally: Tally) => void,
    alone: (index: number) => Promise<void>,
  ): Promise<void> {
    let i = 0;
    while (i < count && !this.stopped) {
      if (!inBatch(i)) {
        await alone(i++);
        continue;
      }
      const from = i;
      const reached = await this.batch(from, (apply, tally, timeLeft) => {
        let k = from;
        do {
          try {
            step(k, apply, tally);
          } catch (err) {
            failItem(tally, this.ordered, k, err);
          }
          k++;
        } while (k < count && !tally.stop && timeLeft() && inBatch(k));
        return k;
      });
      if (reached === undefined) return;
      i = reached;
    }
  }

  /** The reply, once every batch is durable. */
  async reply(withModified: boolean): Promise<Document> {
    await Promise.all(this.durable);
    const { n, nModified, upserted, writeErrors } = this.totals;
    const base: Document = withModified ? { n, nModified } : { n };
    if (upserted.length) base.upserted = upserted;
    return writeReply(base, writeErrors);
  }
}

/** Records a failed item in a batch's tally; an ordered command stops at it. */
export function failItem(tally: Tally, ordered: boolean, index: number, err: unknown): void {
  tally.writeErrors.push(asCommandError(err).toWriteError(index));
  if (ordered) tally.stop = true;
}
