import { serialize } from "bson";
import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import { MAX_WRITE_BATCH_SIZE } from "../wire/constants";

export function sameDocument(a: Document, b: Document): boolean {
  return Buffer.from(serialize(a)).equals(serialize(b));
}

export function checkBatch(items: unknown[], what: string): void {
  if (items.length === 0) throw new MongoCommandError("InvalidOptions", `Write batch '${what}' must not be empty`);
  if (items.length > MAX_WRITE_BATCH_SIZE) {
    throw new MongoCommandError("InvalidOptions", `Write batch sizes must be between 1 and ${MAX_WRITE_BATCH_SIZE}. Got ${items.length} operations.`);
  }
  for (const it of items) if (!it || typeof it !== "object" || Array.isArray(it)) throw new MongoCommandError("TypeMismatch", `each '${what}' entry must be an object`);
}

/** Top-level `$` names are operators, never storable fields. */
export function checkStorable(doc: Document): void {
  for (const k of Object.keys(doc)) {
    if (k.startsWith("$")) throw new MongoCommandError("BadValue", `Document can't have $ prefixed field names: ${k}`);
  }
}

export function writeReply(base: Document, writeErrors: Document[]): Document {
  return writeErrors.length ? { ...base, writeErrors, ok: 1 } : { ...base, ok: 1 };
}
