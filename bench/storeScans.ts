/**
 * The store benchmark's operations that no index serves (issue 14): each is paced by the
 * store, so it should take long without stalling others. While one runs, a second connection
 * reads single documents by an indexed key; its slowest answer is what another client waits.
 */
import { performance } from "node:perf_hooks";
import type { Collection } from "mongodb";

export type Measure = (name: string, fn: () => Promise<string>) => Promise<void>;

const at = (i: number) => new Date(1_700_000_000_000 + i * 1000);

/** Runs `op` while another connection keeps reading; resolves with op's note and the reader's slowest answer. */
async function withProbe(coll: Collection, count: number, op: () => Promise<string>): Promise<string> {
  let done = false;
  let worst = 0;
  let reads = 0;
  const probe = (async () => {
    while (!done) {
      const t0 = performance.now();
      await coll.findOne({ seq: Math.floor(Math.random() * count) });
      worst = Math.max(worst, performance.now() - t0);
      reads++;
    }
  })();
  let note: string;
  try {
    note = await op();
  } finally {
    done = true;
    await probe;
  }
  return `${note}; meanwhile ${reads.toLocaleString("en")} findOne by seq on another connection, slowest ${worst.toFixed(1)} ms`;
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`wrong answer: ${what}`);
}

/** The unindexed operations over `count` documents (fields as bench/store.ts writes them). */
export async function unindexedPhases(coll: Collection, count: number, rooms: number, measure: Measure): Promise<void> {
  const half = Math.floor(count / 2);
  const tenth = Math.floor(count / 10);
  const probed = (name: string, op: () => Promise<string>) => measure(name, () => withProbe(coll, count, op));

  await probed("find + sort, unindexed (half)", async () => {
    const docs = await coll.find({ at: { $gte: at(half) } }).sort({ text: -1 }).limit(20).toArray();
    check(docs.length === 20 && docs.every((d, i) => i === 0 || docs[i - 1].text >= d.text), "find + sort");
    return `${(count - half).toLocaleString("en")} matched, sorted by text, first 20 returned`;
  });

  await probed("countDocuments, unindexed (half)", async () => {
    const n = await coll.countDocuments({ at: { $lt: at(half) } });
    check(n === half, `countDocuments gave ${n}, not ${half}`);
    const all = await coll.countDocuments({});
    check(all === count, `countDocuments({}) gave ${all}`);
    return `${n.toLocaleString("en")} counted; countDocuments({}) from the catalog`;
  });

  await probed("distinct room, unindexed filter", async () => {
    const values = await coll.distinct("room", { at: { $lt: at(half) } });
    check(values.length === Math.min(rooms, half), `distinct gave ${values.length} values`);
    return `${values.length.toLocaleString("en")} values`;
  });

  await probed("aggregate $match + $group (half)", async () => {
    const groups = await coll.aggregate<{ _id: string; n: number; top: number }>([
      { $match: { at: { $gte: at(half) } } },
      { $group: { _id: "$room", n: { $sum: 1 }, top: { $max: "$seq" } } },
    ]).toArray();
    const total = groups.reduce((s, g) => s + g.n, 0);
    check(total === count - half && groups.length === Math.min(rooms, count - half), "aggregate totals");
    check(groups.every((g) => g.top >= count - rooms), "aggregate $max");
    return `${groups.length.toLocaleString("en")} groups over ${total.toLocaleString("en")} docs`;
  });

  await probed("updateMany, unindexed (a tenth)", async () => {
    const r = await coll.updateMany({ at: { $lt: at(tenth) } }, { $set: { archived: true } });
    check(r.modifiedCount === tenth, `updateMany modified ${r.modifiedCount}`);
    return `${r.modifiedCount.toLocaleString("en")} modified`;
  });

  await probed("deleteMany, unindexed (a tenth)", async () => {
    const r = await coll.deleteMany({ archived: true });
    check(r.deletedCount === tenth, `deleteMany deleted ${r.deletedCount}`);
    return `${r.deletedCount.toLocaleString("en")} deleted`;
  });
}
