import type { Document } from "bson";
import { Query } from "mingo";
import { valueKey, pathValues } from "./keys";

export interface IndexSpec {
  v: number;
  key: Record<string, number | string>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

const COMPOUND_SEPARATOR = "\u0000";

/**
 * One secondary (or _id) index: a map from key string to the ids of documents holding it.
 * Unique indexes keep the same map; a second id under one key is a duplicate.
 */
export class Index {
  readonly fields: string[];
  private readonly map = new Map<string, Set<string>>();
  private readonly partial: Query | null;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key);
    this.partial = spec.partialFilterExpression ? new Query(spec.partialFilterExpression, { scriptEnabled: false }) : null;
  }

  get unique(): boolean {
    return this.spec.unique === true || this.spec.name === "_id_";
  }

  /** Every key this document contributes (several when a field holds an array). */
  keysFor(doc: Document): string[] {
    if (this.partial && !this.partial.test(doc)) return [];
    let keys = [""];
    let anyPresent = false;
    for (const field of this.fields) {
      const values = pathValues(doc, field);
      if (values.some((v) => v !== undefined)) anyPresent = true;
      const parts = [...new Set(values.map(valueKey))];
      const next: string[] = [];
      for (const prefix of keys) for (const p of parts) next.push(prefix ? prefix + COMPOUND_SEPARATOR + p : p);
      keys = next;
    }
    if (this.spec.sparse && !anyPresent) return [];
    return keys;
  }

  /** Key for an equality lookup on all indexed fields (values already known to be scalar). */
  static lookupKey(values: unknown[]): string {
    return values.map(valueKey).join(COMPOUND_SEPARATOR);
  }

  add(doc: Document, id: string): void {
    for (const k of this.keysFor(doc)) {
      let set = this.map.get(k);
      if (!set) this.map.set(k, (set = new Set()));
      set.add(id);
    }
  }

  remove(doc: Document, id: string): void {
    for (const k of this.keysFor(doc)) {
      const set = this.map.get(k);
      if (!set) continue;
      set.delete(id);
      if (set.size === 0) this.map.delete(k);
    }
  }

  lookup(key: string): ReadonlySet<string> {
    return this.map.get(key) ?? EMPTY;
  }

  /** For a unique index: does `doc` collide with a document other than `selfId`? */
  conflicts(doc: Document, selfId: string): boolean {
    if (!this.unique) return false;
    for (const k of this.keysFor(doc)) {
      const set = this.map.get(k);
      if (set) for (const other of set) if (other !== selfId) return true;
    }
    return false;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
