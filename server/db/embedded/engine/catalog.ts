import { deserialize, serialize } from "bson";
import type { Document } from "bson";
import { seal, unseal } from "./checksum";
import type { IndexSpec } from "./Index";
import type { Table } from "./Tables";

/**
 * Records of the `catalog` table: one per collection (its id, options and indexes), one
 * document count per collection, the id counter, and the format marker.
 */
export interface CollectionRecord {
  collId: number;
  db: string;
  name: string;
  options: Document;
  /** `building`: created, being filled in the background; not used by queries until done. */
  indexes: Array<{ ixId: number; spec: IndexSpec; building?: boolean }>;
}

/** A key range left by a dropped collection or index, deleted in the background. */
export interface PurgeRecord {
  table: "docs" | "entries";
  id: number;
}

export const FORMAT = { format: "deskmap-embedded-lmdb", version: 1 } as const;

const FORMAT_KEY = Buffer.from("format");
const IDS_KEY = Buffer.from("ids");
const COLL_PREFIX = "c\u0000";

export function collectionKey(db: string, name: string): Buffer {
  return Buffer.from(`${COLL_PREFIX}${db}\u0000${name}`, "utf8");
}

function countKey(collId: number): Buffer {
  const k = Buffer.alloc(5);
  k.write("n", 0);
  k.writeUInt32BE(collId, 1);
  return k;
}

function readDoc(table: Table, key: Buffer): Document | undefined {
  const v = table.get(key);
  return v === undefined ? undefined : deserialize(unseal("catalog", key, v), { promoteBuffers: false });
}

function writeDoc(table: Table, key: Buffer, doc: Document): void {
  table.put(key, seal(key, serialize(doc)));
}

export function readFormat(table: Table): Document | undefined {
  return readDoc(table, FORMAT_KEY);
}

export function writeFormat(table: Table, extra: Document = {}): void {
  writeDoc(table, FORMAT_KEY, { ...FORMAT, ...extra });
}

export function listCollectionRecords(table: Table): CollectionRecord[] {
  const start = Buffer.from(COLL_PREFIX);
  const end = Buffer.from("c\u0001");
  const out: CollectionRecord[] = [];
  for (const { key, value } of table.getRange({ start, end })) {
    out.push(deserialize(unseal("catalog", key, value), { promoteBuffers: false }) as CollectionRecord);
  }
  return out;
}

export function writeCollectionRecord(table: Table, rec: CollectionRecord): void {
  writeDoc(table, collectionKey(rec.db, rec.name), rec);
}

export function removeCollectionRecord(table: Table, rec: CollectionRecord): void {
  table.remove(collectionKey(rec.db, rec.name));
  table.remove(countKey(rec.collId));
}

export function readCount(table: Table, collId: number): number {
  const key = countKey(collId);
  const v = table.get(key);
  return v === undefined ? 0 : Number(unseal("catalog", key, v).readBigUInt64BE(0));
}

export function writeCount(table: Table, collId: number, n: number): void {
  const key = countKey(collId);
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n), 0);
  table.put(key, seal(key, b));
}

/** Collection and index ids are never reused, so stale entries can never be read as new ones. */
export function allocateId(table: Table): number {
  const next = Number(readDoc(table, IDS_KEY)?.next ?? 1);
  writeDoc(table, IDS_KEY, { next: next + 1 });
  return next;
}

function purgeKey(p: PurgeRecord): Buffer {
  const k = Buffer.alloc(6);
  k.write("p", 0);
  k.write(p.table === "docs" ? "d" : "e", 1);
  k.writeUInt32BE(p.id, 2);
  return k;
}

export function addPurge(table: Table, p: PurgeRecord): void {
  const key = purgeKey(p);
  table.put(key, seal(key, Buffer.alloc(0)));
}

export function removePurge(table: Table, p: PurgeRecord): void {
  table.remove(purgeKey(p));
}

export function listPurges(table: Table): PurgeRecord[] {
  const out: PurgeRecord[] = [];
  for (const { key, value } of table.getRange({ start: Buffer.from("p"), end: Buffer.from("q") })) {
    unseal("catalog", key, value);
    out.push({ table: key[1] === 0x64 ? "docs" : "entries", id: key.readUInt32BE(2) });
  }
  return out;
}
