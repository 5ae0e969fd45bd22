import { calculateObjectSize, deserialize, ObjectId, serialize } from "bson";
import type { Document } from "bson";
import { Aggregator } from "mingo";
import { update as mingoUpdate } from "mingo/updater";
import type { Modifier } from "mingo/updater";
import { MongoCommandError } from "../errors";
import { MAX_BSON_OBJECT_SIZE } from "../wire/constants";
import { valueKey } from "./keys";
import { MINGO_OPTIONS } from "./query";

export type UpdateSpec = Document | Document[];

/** Deep copy through BSON: keeps ObjectId/Date/Binary types and never shares structure. */
export function cloneDoc(doc: Document): Document {
  return deserialize(serialize(doc), { promoteBuffers: false });
}

export function isOperatorUpdate(u: UpdateSpec): boolean {
  if (Array.isArray(u)) return false;
  const keys = Object.keys(u);
  return keys.length > 0 && keys[0].startsWith("$");
}

/** Validates the shape of an update document before anything is touched. */
export function checkUpdateSpec(u: unknown): asserts u is UpdateSpec {
  if (Array.isArray(u)) {
    if (!u.every((s) => s && typeof s === "object")) throw new MongoCommandError("FailedToParse", "update pipeline stages must be objects");
    return;
  }
  if (!u || typeof u !== "object") throw new MongoCommandError("FailedToParse", "update must be an object or a pipeline");
  const keys = Object.keys(u);
  const ops = keys.filter((k) => k.startsWith("$"));
  if (ops.length > 0 && ops.length !== keys.length) {
    throw new MongoCommandError("FailedToParse", "update document mixes operators and fields");
  }
}

function withIdFirst(doc: Document): Document {
  if (Object.keys(doc)[0] === "_id") return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

function checkResult(before: unknown, after: Document): Document {
  if (before !== undefined && valueKey(before) !== valueKey(after._id)) {
    throw new MongoCommandError("ImmutableField", "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  if (calculateObjectSize(after) > MAX_BSON_OBJECT_SIZE) {
    throw new MongoCommandError("BSONObjectTooLarge", "Resulting document after update is larger than 16777216");
  }
  return after;
}

/**
 * Computes the new version of `doc` (never mutating it).
 * `inserting` marks an upsert's insert, where $setOnInsert applies.
 */
export function applyUpdate(
  doc: Document,
  u: UpdateSpec,
  opts: { filter?: Document; arrayFilters?: Document[]; inserting?: boolean },
): Document {
  const id = doc._id;
  if (Array.isArray(u)) {
    const out = new Aggregator(u, MINGO_OPTIONS).run([cloneDoc(doc)])[0] as Document | undefined;
    if (!out) throw new MongoCommandError("BadValue", "update pipeline removed the document");
    return checkResult(id, withIdFirst(out));
  }
  if (!isOperatorUpdate(u)) {
    if (u._id !== undefined && id !== undefined && valueKey(u._id) !== valueKey(id)) {
      throw new MongoCommandError("ImmutableField", "The _id field cannot be changed");
    }
    const { _id: _ignored, ...rest } = cloneDoc(u);
    return checkResult(id, id === undefined ? { ...rest } : { _id: id, ...rest });
  }
  const { $setOnInsert, ...mods } = u;
  if (opts.inserting && $setOnInsert) mods.$set = { ...(mods.$set as Document | undefined), ...($setOnInsert as Document) };
  const next = cloneDoc(doc);
  if (Object.keys(mods).length > 0) {
    mingoUpdate(next, mods as Modifier<Document>, opts.arrayFilters, opts.filter, { cloneMode: "deep", queryOptions: MINGO_OPTIONS });
  }
  return checkResult(id, withIdFirst(next));
}

/** The document an upsert inserts: equality fields of the filter, then the update. */
export function upsertDocument(filter: Document, u: UpdateSpec, arrayFilters?: Document[]): Document {
  let base: Document = {};
  if (!Array.isArray(u) && !isOperatorUpdate(u)) {
    base = cloneDoc(u);
    if (base._id === undefined && filter._id !== undefined && !isOperatorObject(filter._id)) base._id = filter._id;
  } else {
    const seed: Document = {};
    collectEqualities(filter, seed);
    const dotted = Object.keys(seed).length ? { $set: seed } : null;
    if (dotted) mingoUpdate(base, dotted as Modifier<Document>, undefined, undefined, { cloneMode: "deep" });
    base = applyUpdate(base, u, { arrayFilters, inserting: true });
  }
  if (base._id === undefined) base._id = new ObjectId();
  return withIdFirst(base);
}

function isOperatorObject(v: unknown): boolean {
  return !!v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).some((k) => k.startsWith("$"));
}

function collectEqualities(filter: Document, out: Document): void {
  for (const [k, v] of Object.entries(filter)) {
    if (k === "$and" && Array.isArray(v)) for (const sub of v) collectEqualities(sub as Document, out);
    else if (!k.startsWith("$")) {
      if (!isOperatorObject(v)) out[k] = v;
      else if (v && typeof v === "object" && "$eq" in v) out[k] = (v as Document).$eq;
    }
  }
}
