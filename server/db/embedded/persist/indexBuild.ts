import { setImmediate as nextTurn } from "node:timers/promises";
import type { Collection } from "../engine/Collection";
import type { Index } from "../engine/Index";

const DOCS_PER_SLICE = 1000;

/**
 * Fills a new index in the background: a slice of documents per write batch, a turn of the
 * event loop between slices, so indexing a million documents never stalls the server.
 * Writes meanwhile keep the index up to date; queries do not use it until it is finished.
 * A duplicate under a unique index (found by the scan or by a concurrent write) drops the
 * index and fails the build with mongod's E11000 error. A build cut short by a restart is
 * resumed at the next start (its entries so far are rewritten, which changes nothing).
 */
export async function buildIndex(
  coll: Collection,
  ix: Index,
  started: Promise<void>,
  write: (fn: () => void) => Promise<void>,
): Promise<void> {
  try {
    await started; // the batch that registered the index
  } catch {
    return; // it was never committed, so the index does not exist
  }
  let after = 0;
  for (let more = true; more && !ix.buildFailed && !coll.dropped; ) {
    await write(() => {
      ({ more, last: after } = coll.buildSlice(ix, after, DOCS_PER_SLICE));
    });
    await nextTurn();
  }
  await write(() => coll.finishBuild(ix));
  if (ix.buildFailed) throw ix.buildFailed;
}
