import { serialize } from "bson";
import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import { addPurge, writeCollectionRecord, writeCount } from "./catalog";
import type { CollectionRecord } from "./catalog";
import { decodeExact } from "./bsonTypes";
import { seal, unseal } from "./checksum";
import { duplicateKeyError } from "./duplicateKey";
import { Index } from "./Index";
import type { IndexSpec } from "./Index";
import { isIndexableScalar, valueKey } from "./keys";
import { docKey, docRange, recIdOf } from "./storageKeys";
import type { Tables } from "./Tables";
import { drain, UNPACED } from "./pacer";
import type { PaceCheck } from "./pacer";

/** Fills a new index in the background; absent, indexes are built inside the creating write. */
export type IndexBuilder = (coll: Collection, ix: Index) => Promise<void>;

export interface ScanStats {
  docsExamined: number;
  indexLookups: number;
  collectionScans: number;
}

/**
 * One collection, stored in lmdb: documents by record id (insertion order, like mongod's
 * natural order; an update keeps the record id) and the index entries over them.
 * Every read deserialises a fresh document, so callers may hold or change what they get.
 * Mutations run inside a write transaction (`Tables.inWrite`) and check everything that
 * can fail before writing, so a failed write leaves no trace.
 */
export class Collection {
  readonly indexes = new Map<string, Index>();
  /** Set when the collection is dropped (its records are purged in the background). */
  dropped = false;
  private nextRecId: number;

  constructor(
    private readonly record: CollectionRecord,
    private count: number,
    private readonly tables: Tables,
    private readonly stats: ScanStats,
    private readonly allocateId: () => number,
    private readonly builder: () => IndexBuilder | null,
    private readonly onPurge: () => void = () => undefined,
  ) {
    for (const { ixId, spec, building } of record.indexes) {
      const ix = new Index(spec, ixId, tables);
      ix.building = building === true;
      this.indexes.set(spec.name, ix);
    }
    let last = 0;
    const { start, end } = docRange(record.collId);
    // Reverse ranges run from `start` down to `end`.
    for (const key of tables.docs.getKeys({ start: end, end: start, reverse: true, limit: 1 })) last = recIdOf(key as Buffer);
    this.nextRecId = last + 1;
  }

  get db(): string {
    return this.record.db;
  }

  get name(): string {
    return this.record.name;
  }

  get options(): Document {
    return this.record.options;
  }

  get collId(): number {
    return this.record.collId;
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get size(): number {
    return this.count;
  }

  /** Every document in natural (insertion) order, read lazily. */
  *all(): IterableIterator<Document> {
    for (const { key, value } of this.tables.docs.getRange(docRange(this.record.collId))) yield this.decode(key, value);
  }

  /** Up to `limit` documents after record id `after`, for work that yields between slices. */
  slice(after: number, limit: number): Array<{ recId: number; doc: Document }> {
    const out: Array<{ recId: number; doc: Document }> = [];
    for (const { key, value } of this.tables.docs.getRange({ ...docRange(this.record.collId, after), limit })) {
      out.push({ recId: recIdOf(key), doc: this.decode(key, value) });
    }
    return out;
  }

  getById(id: unknown): Document | undefined {
    const rec = this.recIdOf(id);
    return rec === undefined ? undefined : this.load(rec);
  }

  insert(doc: Document): void {
    if (doc._id === undefined) throw new MongoCommandError("BadValue", "document has no _id");
    if (Array.isArray(doc._id)) throw new MongoCommandError("BadValue", "can't use an array for _id");
    if (this.recIdOf(doc._id) !== undefined) throw duplicateKeyError(this.ns, this.indexes.get("_id_")!, doc);
    const recId = this.nextRecId;
    this.assertUnique(doc, recId);
    this.tables.inWrite(() => {
      this.put(recId, doc);
      for (const ix of this.indexes.values()) ix.add(doc, recId);
      this.nextRecId++;
      this.count++;
      this.tables.deferToEnd(this.saveCount);
    });
  }

  replace(doc: Document): void {
    const recId = this.recIdOf(doc._id);
    const old = recId === undefined ? undefined : this.load(recId);
    if (recId === undefined || !old) throw new MongoCommandError("InternalError", `no document with _id key ${valueKey(doc._id)} in ${this.ns}`);
    this.assertUnique(doc, recId);
    this.tables.inWrite(() => {
      for (const ix of this.indexes.values()) ix.remove(old, recId);
      this.put(recId, doc);
      for (const ix of this.indexes.values()) ix.add(doc, recId);
    });
  }

  remove(idValue: unknown): boolean {
    const recId = this.recIdOf(idValue);
    const old = recId === undefined ? undefined : this.load(recId);
    if (recId === undefined || !old) return false;
    this.tables.inWrite(() => {
      for (const ix of this.indexes.values()) ix.remove(old, recId);
      this.tables.docs.remove(docKey(this.collId, recId));
      this.count--;
      this.tables.deferToEnd(this.saveCount);
    });
    return true;
  }

  /**
   * Registers a new index. With a builder (the server) and documents to index, it is filled in
   * the background in slices (see persist/indexBuild.ts); otherwise right here.
   */
  createIndex(spec: IndexSpec): void {
    this.tables.inWrite(() => {
      const ix = new Index(spec, this.allocateId(), this.tables);
      // An empty collection's index is ready at once, as in mongod: nothing to build.
      const builder = this.count > 0 ? this.builder() : null;
      if (builder) {
        ix.building = true;
        this.indexes.set(spec.name, ix);
        this.saveRecord();
        ix.built = builder(this, ix);
        return;
      }
      for (let after = 0, batch; (batch = this.slice(after, 1000)).length > 0; after = batch[batch.length - 1].recId) {
        for (const { recId, doc } of batch) {
          if (ix.conflicts(doc, recId, (r) => this.load(r))) {
            addPurge(this.tables.catalog, { table: "entries", id: ix.ixId }); // entries written so far
            throw duplicateKeyError(this.ns, ix, doc);
          }
          ix.add(doc, recId);
        }
      }
      this.indexes.set(spec.name, ix);
      this.saveRecord();
    });
  }

  /** One slice of a background build (inside a write transaction); false when done or failed. */
  buildSlice(ix: Index, after: number, limit: number): { more: boolean; last: number } {
    const batch = this.dropped ? [] : this.slice(after, limit);
    for (const { recId, doc } of batch) {
      if (ix.conflicts(doc, recId, (r) => this.load(r))) {
        ix.buildFailed ??= duplicateKeyError(this.ns, ix, doc);
        return { more: false, last: recId };
      }
      ix.add(doc, recId);
    }
    return { more: batch.length === limit, last: batch.length ? batch[batch.length - 1].recId : after };
  }

  /** Ends a background build: the index serves queries, or (failed) is dropped. */
  finishBuild(ix: Index): void {
    if (this.dropped || this.indexes.get(ix.spec.name) !== ix) return;
    this.tables.inWrite(() => {
      if (ix.buildFailed) this.dropIndex(ix.spec.name);
      else {
        ix.building = false;
        this.saveRecord();
      }
    });
  }

  dropIndex(name: string): void {
    const ix = this.indexes.get(name);
    if (!ix) return;
    this.tables.inWrite(() => {
      addPurge(this.tables.catalog, { table: "entries", id: ix.ixId });
      this.onPurge();
      this.indexes.delete(name);
      this.saveRecord();
    });
  }

  /** Queues every document and index entry for purging (inside a write transaction). */
  purgeAll(): void {
    addPurge(this.tables.catalog, { table: "docs", id: this.collId });
    for (const ix of this.indexes.values()) addPurge(this.tables.catalog, { table: "entries", id: ix.ixId });
    this.dropped = true;
  }

  /**
   * How the documents that may match `filter` are found: the record ids (ascending, so in
   * natural order) under an index when the filter pins every field of some index to scalar
   * values, or null for a collection scan. `exact`: every candidate matches, because the
   * filter is nothing but that index's own equalities.
   */
  plan(filter: Document | undefined): { recIds: number[]; exact: boolean } | null {
    const eq = equalityConditions(filter ?? {});
    let best: { index: Index; keys: string[] } | null = null;
    for (const ix of this.indexes.values()) {
      if (ix.spec.partialFilterExpression || ix.spec.sparse || ix.building) continue; // they omit documents
      if (!ix.fields.every((f) => eq.has(f))) continue;
      const keys = combineKeys(ix.fields.map((f) => eq.get(f)!));
      if (keys.length > 1000) continue;
      if (!best || keys.length < best.keys.length || (ix.unique && !best.index.unique)) best = { index: ix, keys };
    }
    if (!best) return null;
    const found = best;
    const ids = new Set<number>();
    this.tables.checked(() => {
      for (const k of found.keys) for (const id of found.index.lookup(k)) ids.add(id);
    });
    const exact = found.keys.length === 1 && Object.keys(filter ?? {}).length === found.index.fields.length && found.index.fields.every((f) => eq.get(f)?.length === 1 && f in (filter ?? {}));
    return { recIds: [...ids].sort((a, b) => a - b), exact };
  }

  /**
   * Documents that may match `filter` (see `plan`), read in one go. Callers still apply the
   * filter. `wanted` (first matches in natural order, when there is no sort) lets an index that
   * answers the whole filter stop early.
   */
  candidates(filter: Document | undefined, wanted?: number): Document[] {
    return drain(this.candidateSteps(filter, UNPACED, { wanted }));
  }

  /**
   * The candidates for `filter` that pass `keep`, in natural order (backwards with `reverse`),
   * read lazily and paced (see pacer.ts): a generator that yields whenever `pace` is due.
   * With `keep` (the whole filter), it stops once `wanted` documents are kept; without it,
   * only an exact index answer stops early. `forceScan` reads the collection whatever the
   * filter (a `$natural` hint).
   */
  *candidateSteps(
    filter: Document | undefined,
    pace: PaceCheck,
    opts: { wanted?: number; keep?: (d: Document) => boolean; reverse?: boolean; forceScan?: boolean } = {},
  ): Generator<void, Document[]> {
    const { wanted, keep, reverse = false } = opts;
    const out: Document[] = [];
    const full = (): boolean => wanted !== undefined && out.length >= wanted;
    const plan = opts.forceScan || reverse ? null : this.plan(filter);
    if (!plan) {
      this.stats.collectionScans++;
      this.stats.docsExamined += this.count;
      yield* this.scanSteps(pace, reverse, (d) => {
        if (!keep || keep(d)) out.push(d);
        return !(keep && full());
      });
      return out;
    }
    this.stats.indexLookups++;
    const stopEarly = keep !== undefined || plan.exact;
    let examined = 0;
    for (const id of plan.recIds) {
      if (stopEarly && full()) break;
      const d = this.load(id);
      if (d) {
        examined++;
        if (!keep || keep(d)) out.push(d);
      }
      if (pace.due) yield;
    }
    this.stats.docsExamined += examined;
    return out;
  }

  /**
   * Every document in natural order (or backwards), handed to `visit` until it returns false.
   * Read a range at a time and resumed after the last record id seen, so a pause never holds
   * an lmdb read transaction open: after a pause the scan reads what is committed by then.
   */
  private *scanSteps(pace: PaceCheck, reverse: boolean, visit: (d: Document) => boolean): Generator<void, void> {
    const RANGE = 1000;
    const whole = docRange(this.collId);
    let last: number | undefined; // the last record id handed out
    for (;;) {
      const range = reverse
        ? { start: last === undefined ? whole.end : docKey(this.collId, last), end: whole.start, reverse: true }
        : docRange(this.collId, last);
      let seen = 0;
      let paused = false;
      for (const { key, value } of this.tables.docs.getRange({ ...range, limit: RANGE })) {
        seen++;
        const recId = recIdOf(key);
        if (reverse && last !== undefined && recId >= last) continue; // the range may start at `last` itself
        last = recId;
        if (!visit(this.decode(key, value))) return;
        if (pace.due) {
          paused = true;
          break;
        }
      }
      if (paused) yield;
      else if (seen < RANGE) return;
    }
  }

  private recIdOf(id: unknown): number | undefined {
    const key = valueKey(id);
    const ix = this.indexes.get("_id_")!;
    return this.tables.checked(() => {
      for (const rec of ix.lookup(key)) {
        const d = this.load(rec);
        if (d && valueKey(d._id) === key) return rec;
      }
      return undefined;
    });
  }

  private load(recId: number): Document | undefined {
    const key = docKey(this.collId, recId);
    const v = this.tables.docs.get(key);
    return v === undefined ? undefined : this.tables.checked(() => this.decode(key, v));
  }

  private decode(key: Buffer, value: Buffer): Document {
    // Exact decoding: an int64 stays an int64 and 42.0 a double across reads and restarts.
    return this.tables.checked(() => decodeExact(unseal("document", key, value)));
  }

  private put(recId: number, doc: Document): void {
    const key = docKey(this.collId, recId);
    this.tables.docs.put(key, seal(key, serialize(doc)));
  }

  /** The stored count, written once per write callback however many documents it changed. */
  private readonly saveCount = (): void => {
    if (!this.dropped) writeCount(this.tables.catalog, this.collId, this.count);
  };

  private saveRecord(): void {
    this.record.indexes = [...this.indexes.values()].map((ix) => (ix.building ? { ixId: ix.ixId, spec: ix.spec, building: true } : { ixId: ix.ixId, spec: ix.spec }));
    writeCollectionRecord(this.tables.catalog, this.record);
  }

  private assertUnique(doc: Document, recId: number): void {
    for (const ix of this.indexes.values()) {
      if (ix.spec.name === "_id_" || !ix.conflicts(doc, recId, (r) => this.load(r))) continue;
      // A duplicate under an index still being built fails the build, not this write (as in mongod).
      if (ix.building) ix.buildFailed ??= duplicateKeyError(this.ns, ix, doc);
      else throw duplicateKeyError(this.ns, ix, doc);
    }
  }
}

/** Top-level `field: scalar`, `{$eq: scalar}` and `{$in: [scalars]}` conditions, also inside $and. */
function equalityConditions(filter: Document, out = new Map<string, unknown[]>()): Map<string, unknown[]> {
  for (const [k, v] of Object.entries(filter)) {
    if (k === "$and" && Array.isArray(v)) {
      for (const sub of v) if (sub && typeof sub === "object") equalityConditions(sub as Document, out);
      continue;
    }
    if (k.startsWith("$")) continue;
    if (isIndexableScalar(v)) out.set(k, [v]);
    else if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof RegExp)) {
      const ops = Object.keys(v);
      const o = v as Document;
      if (ops.length === 1 && ops[0] === "$eq" && isIndexableScalar(o.$eq)) out.set(k, [o.$eq]);
      else if (ops.length === 1 && ops[0] === "$in" && Array.isArray(o.$in) && o.$in.every(isIndexableScalar)) {
        out.set(k, o.$in);
      }
    }
  }
  return out;
}

function combineKeys(valueLists: unknown[][]): string[] {
  let combos: unknown[][] = [[]];
  for (const list of valueLists) {
    const next: unknown[][] = [];
    for (const c of combos) for (const v of list) next.push([...c, v]);
    combos = next;
    if (combos.length > 1000) break;
  }
  return combos.map((c) => Index.lookupKey(c));
}
