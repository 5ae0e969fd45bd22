import { setImmediate as nextTurn } from "node:timers/promises";
import type { StoreOp } from "./ops";
import { pathValues } from "./keys";
import type { Store } from "./Store";

/** Documents read per slice; the sweep yields to the event loop between slices. */
const SLICE = 1000;

/**
 * Deletions due under TTL indexes (`expireAfterSeconds` on a date field), like mongod's TTL
 * monitor. Collections are read in slices with a turn of the event loop between them, so a
 * large collection never stalls the server.
 */
export async function expiredOps(store: Store, now = Date.now()): Promise<StoreOp[]> {
  const ops: StoreOp[] = [];
  for (const db of store.databases()) {
    for (const coll of store.collections(db)) {
      const ttls = [...coll.indexes.values()].filter((ix) => typeof ix.spec.expireAfterSeconds === "number" && ix.fields.length === 1);
      if (ttls.length === 0) continue;
      for (let after = 0, batch; (batch = coll.slice(after, SLICE)).length > 0; after = batch[batch.length - 1].recId) {
        for (const { doc } of batch) {
          const due = ttls.some((ix) => {
            const dates = pathValues(doc, ix.fields[0]).filter((v): v is Date => v instanceof Date);
            return dates.length > 0 && Math.min(...dates.map((d) => d.getTime())) + ix.spec.expireAfterSeconds! * 1000 <= now;
          });
          if (due) ops.push({ op: "d", db, c: coll.name, id: doc._id });
        }
        await nextTurn();
      }
    }
  }
  return ops;
}
