import { calculateObjectSize, ObjectId } from "bson";
import { cloneExact } from "./bsonTypes";
import type { Document } from "bson";
import { Aggregator } from "mingo";
import { MongoCommandError } from "../errors";
import { MAX_BSON_OBJECT_SIZE } from "../wire/constants";
import { valueKey } from "./keys";
import { MINGO_OPTIONS } from "./match";
import { isDocument } from "./paths";
import { checkOperand, UPDATE_OPS } from "./updateOps";
import { checkConflicts, compileArrayFilters, expandPath, slotFor, writeSlot } from "./updatePaths";

export type UpdateSpec = Document | Document[];

/** Deep copy through BSON: keeps ObjectId/Date/Binary types and never shares structure. */
export function cloneDoc(doc: Document): Document {
  return cloneExact(doc);
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
  const next = cloneDoc(doc);
  applyOperators(next, doc, u, opts);
  return checkResult(id, withIdFirst(next));
}

/** Parses every operator and operand, then applies them in order to `doc` (a private copy). */
function applyOperators(doc: Document, original: Document, u: Document, opts: { filter?: Document; arrayFilters?: Document[]; inserting?: boolean }): void {
  const planned: { op: string; path: string; operand: unknown }[] = [];
  for (const [op, fields] of Object.entries(u)) {
    if (!Object.hasOwn(UPDATE_OPS, op)) {
      throw new MongoCommandError("FailedToParse", `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    }
    if (!fields || typeof fields !== "object" || Array.isArray(fields)) {
      throw new MongoCommandError("FailedToParse", `Modifiers operate on fields but we found type ${Array.isArray(fields) ? "array" : typeof fields} instead. For example: {$mod: {<field>: ...}} not {$set: ...}`);
    }
    for (const [path, operand] of Object.entries(fields as Document)) {
      if (path === "" || path.split(".").some((p) => p === "")) {
        throw new MongoCommandError("BadValue", `The update path '${path}' contains an empty field name, which is not allowed.`);
      }
      checkOperand(op, path, operand);
      planned.push({ op, path, operand });
    }
  }
  checkConflicts(planned.flatMap((p) => (p.op === "$rename" ? [p.path, p.operand as string] : [p.path])));
  const ctx = { filter: opts.filter, original, arrayFilters: compileArrayFilters(opts.arrayFilters) };
  const env = { doc, idText: `{_id: ${describeId(doc._id)}}`, now: new Date() };
  for (const { op, path, operand } of planned) {
    if (op === "$setOnInsert" && !opts.inserting) continue;
    for (const concrete of expandPath(doc, path.split("."), ctx)) UPDATE_OPS[op](env, concrete, operand);
  }
}

function describeId(id: unknown): string {
  if (id instanceof ObjectId) return `ObjectId('${id.toHexString()}')`;
  return typeof id === "string" ? JSON.stringify(id) : String(id);
}

/**
 * The document an upsert inserts: the filter's equality conditions (top level and inside
 * $and; never regexes or other operators), then the update applied as an insert.
 */
export function upsertDocument(filter: Document, u: UpdateSpec, arrayFilters?: Document[]): Document {
  let base: Document = {};
  if (!Array.isArray(u) && !isOperatorUpdate(u)) {
    base = cloneDoc(u);
    if (base._id === undefined && filter._id !== undefined && isEquality(filter._id)) base._id = equalityValue(filter._id);
  } else {
    const seed: [string, unknown][] = [];
    collectEqualities(filter, seed);
    for (const [path, v] of seed) {
      const slot = slotFor(base, path.split("."), true);
      if (slot) writeSlot(slot, cloneValue(v));
    }
    base = applyUpdate(base, u, { filter, arrayFilters, inserting: true });
  }
  if (base._id === undefined) base._id = new ObjectId();
  return withIdFirst(base);
}

function cloneValue(v: unknown): unknown {
  return cloneDoc({ v }).v;
}

function isRegex(v: unknown): boolean {
  return v instanceof RegExp || (!!v && typeof v === "object" && (v as { _bsontype?: string })._bsontype === "BSONRegExp");
}

/** `field: value` or `field: { $eq: value }`, where value is not a regex. */
function isEquality(v: unknown): boolean {
  if (isRegex(v)) return false;
  if (!isDocument(v)) return true;
  const keys = Object.keys(v);
  if (!keys.some((k) => k.startsWith("$"))) return true;
  return keys.length === 1 && keys[0] === "$eq" && !isRegex(v.$eq);
}

function equalityValue(v: unknown): unknown {
  return isDocument(v) && Object.keys(v)[0] === "$eq" ? v.$eq : v;
}

function collectEqualities(filter: Document, out: [string, unknown][]): void {
  for (const [k, v] of Object.entries(filter)) {
    if (k === "$and" && Array.isArray(v)) {
      for (const sub of v) if (isDocument(sub)) collectEqualities(sub, out);
    } else if (k === "$or" && Array.isArray(v) && v.length === 1 && isDocument(v[0])) {
      collectEqualities(v[0], out);
    } else if (!k.startsWith("$") && isEquality(v)) out.push([k, equalityValue(v)]);
  }
}
