import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import { duplicateKeyError } from "./duplicateKey";
import { Index } from "./Index";
import type { IndexSpec } from "./Index";
import { isIndexableScalar, valueKey } from "./keys";

export interface ScanStats {
  docsExamined: number;
  indexLookups: number;
  collectionScans: number;
}

/**
 * Documents of one collection in insertion order, keyed by the canonical key of `_id`,
 * plus the indexes over them. Stored documents are never mutated: updates replace them,
 * so a cursor holding references keeps a stable view.
 * Methods throw before changing anything, so a failed write leaves no trace.
 */
export class Collection {
  private readonly docs = new Map<string, Document>();
  readonly indexes = new Map<string, Index>();

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Document,
    private readonly stats: ScanStats,
  ) {
    this.indexes.set("_id_", new Index({ v: 2, key: { _id: 1 }, name: "_id_" }));
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get size(): number {
    return this.docs.size;
  }

  all(): IterableIterator<Document> {
    return this.docs.values();
  }

  getById(id: unknown): Document | undefined {
    return this.docs.get(valueKey(id));
  }

  insert(doc: Document): void {
    if (doc._id === undefined) throw new MongoCommandError("BadValue", "document has no _id");
    if (Array.isArray(doc._id)) throw new MongoCommandError("BadValue", "can't use an array for _id");
    const id = valueKey(doc._id);
    if (this.docs.has(id)) throw duplicateKeyError(this.ns, this.indexes.get("_id_")!, doc);
    this.assertUnique(doc, id);
    this.docs.set(id, doc);
    for (const ix of this.indexes.values()) ix.add(doc, id);
  }

  replace(doc: Document): void {
    const id = valueKey(doc._id);
    const old = this.docs.get(id);
    if (!old) throw new MongoCommandError("InternalError", `no document with _id key ${id} in ${this.ns}`);
    this.assertUnique(doc, id);
    for (const ix of this.indexes.values()) ix.remove(old, id);
    this.docs.set(id, doc);
    for (const ix of this.indexes.values()) ix.add(doc, id);
  }

  remove(idValue: unknown): boolean {
    const id = valueKey(idValue);
    const old = this.docs.get(id);
    if (!old) return false;
    for (const ix of this.indexes.values()) ix.remove(old, id);
    this.docs.delete(id);
    return true;
  }

  createIndex(spec: IndexSpec): void {
    const ix = new Index(spec);
    for (const [id, doc] of this.docs) {
      if (ix.conflicts(doc, id)) throw duplicateKeyError(this.ns, ix, doc);
      ix.add(doc, id);
    }
    this.indexes.set(spec.name, ix);
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
  }

  private assertUnique(doc: Document, id: string): void {
    for (const ix of this.indexes.values()) {
      if (ix.spec.name !== "_id_" && ix.conflicts(doc, id)) throw duplicateKeyError(this.ns, ix, doc);
    }
  }

  /**
   * Documents that may match `filter`: through an index when the filter pins every field
   * of some index to scalar values, else the whole collection. Callers still apply the filter.
   */
  candidates(filter: Document | undefined): Document[] {
    const eq = equalityConditions(filter ?? {});
    let best: { index: Index; keys: string[] } | null = null;
    for (const ix of this.indexes.values()) {
      if (ix.spec.partialFilterExpression || ix.spec.sparse) continue; // they omit documents
      if (!ix.fields.every((f) => eq.has(f))) continue;
      const keys = combineKeys(ix.fields.map((f) => eq.get(f)!));
      if (keys.length > 1000) continue;
      if (!best || keys.length < best.keys.length || (ix.unique && !best.index.unique)) best = { index: ix, keys };
    }
    if (!best) {
      this.stats.collectionScans++;
      this.stats.docsExamined += this.docs.size;
      return [...this.docs.values()];
    }
    this.stats.indexLookups++;
    const ids = new Set<string>();
    for (const k of best.keys) for (const id of best.index.lookup(k)) ids.add(id);
    const out: Document[] = [];
    for (const id of ids) {
      const d = this.docs.get(id);
      if (d) out.push(d);
    }
    this.stats.docsExamined += out.length;
    return out;
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
