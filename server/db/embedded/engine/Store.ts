import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import { allocateId, listCollectionRecords, readCount, removeCollectionRecord, writeCollectionRecord, writeCount } from "./catalog";
import type { CollectionRecord } from "./catalog";
import { Collection } from "./Collection";
import type { IndexBuilder, ScanStats } from "./Collection";
import type { StoreOp } from "./ops";
import type { Tables } from "./Tables";

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

/**
 * All databases and collections, stored in lmdb (see Tables). The catalog (names, options,
 * index specs, counts) is kept in memory too; documents and index entries are read from
 * lmdb's memory map on demand, so opening costs nothing per document.
 * Mutated only through `apply`, inside a write transaction.
 */
export class Store {
  private dbs = new Map<string, Map<string, Collection>>();
  readonly stats: ScanStats = { docsExamined: 0, indexLookups: 0, collectionScans: 0 };
  /** Set by the server so new indexes are built in the background (see Collection.createIndex). */
  indexBuilder: IndexBuilder | null = null;
  /** Set when a drop queued records for the background purge. */
  purgeQueued = false;

  constructor(readonly tables: Tables) {
    this.reload();
  }

  /** Rebuilds the in-memory catalog from what lmdb has committed (after a failed batch). */
  reload(): void {
    const dbs = new Map<string, Map<string, Collection>>();
    this.tables.checked(() => {
      for (const rec of listCollectionRecords(this.tables.catalog)) {
        let db = dbs.get(rec.db);
        if (!db) dbs.set(rec.db, (db = new Map()));
        db.set(rec.name, this.open(rec, readCount(this.tables.catalog, rec.collId)));
      }
    });
    this.dbs = dbs;
  }

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
    if (this.tables.damaged) throw this.tables.damageError();
    switch (o.op) {
      case "cc": {
        assertDbName(o.db);
        if (this.collection(o.db, o.c)) throw new MongoCommandError("NamespaceExists", `Collection ${o.db}.${o.c} already exists.`);
        this.tables.inWrite(() => {
          const collId = allocateId(this.tables.catalog);
          const rec: CollectionRecord = { collId, db: o.db, name: o.c, options: o.options, indexes: [{ ixId: allocateId(this.tables.catalog), spec: { v: 2, key: { _id: 1 }, name: "_id_" } }] };
          writeCollectionRecord(this.tables.catalog, rec);
          writeCount(this.tables.catalog, collId, 0);
          let db = this.dbs.get(o.db);
          if (!db) this.dbs.set(o.db, (db = new Map()));
          db.set(o.c, this.open(rec, 0));
        });
        return;
      }
      case "dc": {
        const coll = this.collection(o.db, o.c);
        if (coll) this.tables.inWrite(() => this.dropCollection(coll));
        return;
      }
      case "dd":
        this.tables.inWrite(() => {
          for (const coll of this.collections(o.db)) this.dropCollection(coll);
        });
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

  /** Ensures a collection exists; returns the op that created it, if any. */
  ensureCollection(db: string, c: string): StoreOp | null {
    if (this.collection(db, c)) return null;
    assertCollectionName(c);
    const op: StoreOp = { op: "cc", db, c, options: {} as Document };
    this.apply(op);
    return op;
  }

  private open(rec: CollectionRecord, count: number): Collection {
    return new Collection(rec, count, this.tables, this.stats, () => allocateId(this.tables.catalog), () => this.indexBuilder, () => {
      this.purgeQueued = true;
    });
  }

  private dropCollection(coll: Collection): void {
    coll.purgeAll();
    this.purgeQueued = true;
    removeCollectionRecord(this.tables.catalog, { collId: coll.collId, db: coll.db, name: coll.name, options: coll.options, indexes: [] });
    this.dbs.get(coll.db)?.delete(coll.name);
  }
}
