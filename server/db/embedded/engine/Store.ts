import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import { Collection } from "./Collection";
import type { ScanStats } from "./Collection";
import type { StoreOp } from "./ops";

const NAME_RE = /^[^\0$/\\. "]+$/;

export function assertDbName(db: string): void {
  if (!NAME_RE.test(db) || db.length > 63) throw new MongoCommandError("InvalidNamespace", `Invalid database name: '${db}'`);
}

export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== "string" || name.length === 0 || name.includes("\0") || name.includes("$") || name.startsWith(".")) {
    throw new MongoCommandError("InvalidNamespace", `Invalid collection name: ${String(name)}`);
  }
  if (name.startsWith("system.")) throw new MongoCommandError("InvalidNamespace", `Invalid system namespace: ${name}`);
}

/** All databases and collections in memory. Mutated only through `apply`. */
export class Store {
  private readonly dbs = new Map<string, Map<string, Collection>>();
  readonly stats: ScanStats = { docsExamined: 0, indexLookups: 0, collectionScans: 0 };

  collection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  collections(db: string): Collection[] {
    return [...(this.dbs.get(db)?.values() ?? [])];
  }

  databases(): string[] {
    return [...this.dbs.keys()].filter((d) => (this.dbs.get(d)?.size ?? 0) > 0);
  }

  /** Applies one mutation or throws without side effects. */
  apply(o: StoreOp): void {
    switch (o.op) {
      case "cc": {
        assertDbName(o.db);
        let db = this.dbs.get(o.db);
        if (!db) this.dbs.set(o.db, (db = new Map()));
        if (db.has(o.c)) throw new MongoCommandError("NamespaceExists", `Collection ${o.db}.${o.c} already exists.`);
        db.set(o.c, new Collection(o.db, o.c, o.options, this.stats));
        return;
      }
      case "dc":
        this.dbs.get(o.db)?.delete(o.c);
        return;
      case "dd":
        this.dbs.delete(o.db);
        return;
      default:
        break;
    }
    const coll = this.collection(o.db, o.c);
    if (!coll) throw new MongoCommandError("NamespaceNotFound", `ns does not exist: ${o.db}.${o.c}`);
    switch (o.op) {
      case "i":
        coll.insert(o.doc);
        return;
      case "u":
        coll.replace(o.doc);
        return;
      case "d":
        coll.remove(o.id);
        return;
      case "ci":
        coll.createIndex(o.spec);
        return;
      case "di":
        coll.dropIndex(o.name);
        return;
    }
  }

  /** Every op needed to rebuild the current state: the snapshot's content. */
  *dumpOps(): Generator<StoreOp> {
    for (const [db, colls] of this.dbs) {
      for (const [c, coll] of colls) {
        yield { op: "cc", db, c, options: coll.options };
        for (const ix of coll.indexes.values()) if (ix.spec.name !== "_id_") yield { op: "ci", db, c, spec: ix.spec };
        for (const doc of coll.all()) yield { op: "i", db, c, doc };
      }
    }
  }

  /** Ensures a collection exists; returns the op that created it, if any (to be journaled). */
  ensureCollection(db: string, c: string): StoreOp | null {
    if (this.collection(db, c)) return null;
    assertCollectionName(c);
    const op: StoreOp = { op: "cc", db, c, options: {} as Document };
    this.apply(op);
    return op;
  }
}
