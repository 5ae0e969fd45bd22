import type { Document } from "bson";
import { compileMatcher } from "./match";
import type { Matcher } from "./match";
import { seal, unseal } from "./checksum";
import { valueKey, pathValues } from "./keys";
import { entryKey, entryKeyRange, recIdOf, storedKey, uniqueKey } from "./storageKeys";
import type { Tables } from "./Tables";

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
const EMPTY = new Uint8Array(0);

/**
 * One secondary (or _id) index, stored in lmdb's `entries` table: one entry per
 * (key, record id). Keys are the canonical equality strings of `valueKey`, so lookups are
 * by equality only. Unique indexes are the same table; a second record under one key is
 * a duplicate.
 */
export class Index {
  readonly fields: string[];
  private readonly partial: Matcher | null;
  /** Being filled in the background: kept up to date by writes, not used by queries yet. */
  building = false;
  /** A duplicate met while building a unique index: the build fails with it. */
  buildFailed: Error | null = null;
  /** Settles when a background build ends (rejects with the reason it failed). */
  built: Promise<void> | null = null;

  constructor(
    readonly spec: IndexSpec,
    readonly ixId: number,
    private readonly tables: Tables,
  ) {
    this.fields = Object.keys(spec.key);
    // The same matcher as queries, so a partial index holds exactly the documents a query on its filter finds.
    this.partial = spec.partialFilterExpression ? compileMatcher(spec.partialFilterExpression) : null;
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

  /** Inside a write transaction. */
  add(doc: Document, recId: number): void {
    for (const k of this.keysFor(doc)) {
      if (this.unique) {
        const key = uniqueKey(this.ixId, k);
        const rec = Buffer.allocUnsafe(8);
        rec.writeBigUInt64BE(BigInt(recId), 0);
        this.tables.entries.put(key, seal(key, rec));
      } else {
        const key = entryKey(this.ixId, k, recId);
        this.tables.entries.put(key, seal(key, EMPTY));
      }
    }
  }

  /** Inside a write transaction. */
  remove(doc: Document, recId: number): void {
    for (const k of this.keysFor(doc)) {
      if (!this.unique) this.tables.entries.remove(entryKey(this.ixId, k, recId));
      else if (this.lookup(k)[0] === recId) this.tables.entries.remove(uniqueKey(this.ixId, k));
    }
  }

  /** Record ids holding `key`, checksums verified. For a hashed (long) key, callers re-check. */
  lookup(key: string): number[] {
    if (this.unique) {
      const k = uniqueKey(this.ixId, key);
      const v = this.tables.entries.get(k);
      return v === undefined ? [] : [Number(unseal("index entry", k, v).readBigUInt64BE(0))];
    }
    const out: number[] = [];
    for (const { key: k, value } of this.tables.entries.getRange(entryKeyRange(this.ixId, key))) {
      unseal("index entry", k, value);
      out.push(recIdOf(k));
    }
    return out;
  }

  /**
   * For a unique index: does `doc` collide with a record other than `selfRecId`?
   * A long key is stored by hash, so a hash match is confirmed on the other document.
   */
  conflicts(doc: Document, selfRecId: number, load: (recId: number) => Document | undefined): boolean {
    if (!this.unique) return false;
    for (const k of this.keysFor(doc)) {
      const hashed = storedKey(k).hashed;
      for (const other of this.lookup(k)) {
        if (other === selfRecId) continue;
        if (!hashed) return true;
        const otherDoc = load(other);
        if (otherDoc && this.keysFor(otherDoc).includes(k)) return true;
      }
    }
    return false;
  }
}
