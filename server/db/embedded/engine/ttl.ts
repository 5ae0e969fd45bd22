import type { StoreOp } from "./ops";
import { pathValues } from "./keys";
import type { Store } from "./Store";

/** Deletions due under TTL indexes (`expireAfterSeconds` on a date field), like mongod's TTL monitor. */
export function expiredOps(store: Store, now = Date.now()): StoreOp[] {
  const ops: StoreOp[] = [];
  for (const db of store.databases()) {
    for (const coll of store.collections(db)) {
      for (const ix of coll.indexes.values()) {
        const ttl = ix.spec.expireAfterSeconds;
        if (typeof ttl !== "number" || ix.fields.length !== 1) continue;
        for (const doc of coll.all()) {
          const dates = pathValues(doc, ix.fields[0]).filter((v): v is Date => v instanceof Date);
          if (dates.length && Math.min(...dates.map((d) => d.getTime())) + ttl * 1000 <= now) {
            ops.push({ op: "d", db, c: coll.name, id: doc._id });
          }
        }
      }
    }
  }
  return ops;
}
