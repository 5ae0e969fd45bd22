import type { Binary, BSONRegExp, Document } from "bson";
import { MongoCommandError, refused } from "../errors";
import { bsonTag, bsonTypeName, compareValues, isNumeric, toDouble, TYPE_NAMES, TYPE_NUMBERS, typeClass, TypeClass } from "./bsonOrder";
import type { Found } from "./paths";
import { docView, isDocument } from "./paths";

/** A compiled condition on the values one path reaches. */
export type FieldPred = (found: Found[]) => boolean;

/** Compiles a document query; match.ts provides it (for $elemMatch), so the two files do not import each other. */
export type DocCompiler = (filter: Document) => (doc: unknown) => boolean;

export function isRegexValue(v: unknown): v is RegExp | BSONRegExp {
  return v instanceof RegExp || bsonTag(v) === "BSONRegExp";
}

const JS_FLAGS = new Set(["i", "m", "s"]);

export function toRegExp(pattern: unknown, options = ""): RegExp {
  if (pattern instanceof RegExp && !options) return pattern;
  let source: string;
  let flags = options;
  if (pattern instanceof RegExp) source = pattern.source;
  else if (bsonTag(pattern) === "BSONRegExp") {
    source = (pattern as BSONRegExp).pattern;
    flags = (pattern as BSONRegExp).options + options;
  } else if (typeof pattern === "string") source = pattern;
  else throw new MongoCommandError("BadValue", "$regex has to be a string");
  if (flags.includes("x")) throw refused("the regex option 'x' (extended)");
  const js = [...new Set(flags)].filter((f) => JS_FLAGS.has(f)).join("");
  try {
    return new RegExp(source, js);
  } catch (err) {
    throw new MongoCommandError("BadValue", `Regular expression is invalid: ${(err as Error).message}`);
  }
}

function regexSame(v: unknown, re: RegExp): boolean {
  if (!isRegexValue(v)) return false;
  const r = toRegExp(v);
  return r.source === re.source && r.flags === re.flags;
}

/** `{ field: /re/ }` and regexes inside $in: strings that match, or an equal regex. */
export function regexMatches(v: unknown, re: RegExp): boolean {
  if (typeof v === "string") {
    re.lastIndex = 0;
    return re.test(v);
  }
  if (bsonTag(v) === "BSONSymbol") return re.test(String((v as { value: string }).value));
  return regexSame(v, re);
}

/** Equality as `{ field: value }` means it: null also matches a missing field. */
export function equalsOperand(v: unknown, x: unknown): boolean {
  if (x === null || x === undefined) return v === null || v === undefined;
  if (v === undefined) return false;
  return compareValues(v, x) === 0;
}

function literalMatches(v: unknown, x: unknown): boolean {
  return isRegexValue(x) ? regexMatches(v, toRegExp(x)) : equalsOperand(v, x);
}

function rangeMatches(v: unknown, x: unknown, ok: (c: number) => boolean): boolean {
  const cx = typeClass(x);
  if (cx !== TypeClass.MinKey && cx !== TypeClass.MaxKey && typeClass(v) !== cx) return false;
  if (v === undefined && x !== null) return false;
  return ok(compareValues(v, x));
}

function typeMatches(v: unknown, names: string[]): boolean {
  const t = bsonTypeName(v);
  return names.some((n) => n === t || (n === "number" && isNumeric(v)));
}

function typeNames(spec: unknown): string[] {
  const list = Array.isArray(spec) ? spec : [spec];
  return list.map((t) => {
    const name = typeof t === "number" || isNumeric(t) ? TYPE_NUMBERS[toDouble(t)] : t;
    if (typeof name !== "string" || !TYPE_NAMES.has(name)) {
      throw new MongoCommandError("BadValue", typeof t === "string" ? `Unknown type name alias: ${t}` : `Invalid numerical type code: ${String(t)}`);
    }
    return name;
  });
}

function arrayOperand(op: string, v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new MongoCommandError("BadValue", `${op} needs an array`);
  return v;
}

function bitsOf(v: unknown): bigint | null {
  if (bsonTag(v) === "Binary") {
    const b = v as Binary;
    let n = 0n;
    const bytes = b.buffer.subarray(0, b.position);
    for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
    return n;
  }
  if (!isNumeric(v)) return null;
  const d = toDouble(v);
  if (!Number.isInteger(d)) return null;
  return BigInt.asUintN(64, BigInt(d));
}

function bitMask(op: string, spec: unknown): bigint {
  if (Array.isArray(spec)) return spec.reduce<bigint>((m, p) => m | (1n << BigInt(toDouble(p))), 0n);
  const m = bitsOf(spec);
  if (m === null || (isNumeric(spec) && toDouble(spec) < 0)) throw new MongoCommandError("BadValue", `${op} takes an Array, a number, or a BinData but received: ${String(spec)}`);
  return m;
}

const GEO = new Set(["$near", "$nearSphere", "$geoWithin", "$geoIntersects", "$within", "$box", "$center", "$centerSphere", "$polygon", "$maxDistance", "$minDistance"]);

/**
 * One field operator (`$gt`, `$in`, ...) with its operand; `siblings` is the whole operator
 * object, for `$regex` with `$options`.
 */
export function compileFieldOp(op: string, x: unknown, siblings: Document, compileDoc: DocCompiler): FieldPred | null {
  const some = (p: (f: Found) => boolean): FieldPred => (found) => found.some(p);
  switch (op) {
    case "$eq":
      return some((f) => equalsOperand(f.v, x));
    case "$ne":
      return (found) => !found.some((f) => equalsOperand(f.v, x));
    case "$gt":
      return some((f) => rangeMatches(f.v, x, (c) => c > 0));
    case "$gte":
      return some((f) => rangeMatches(f.v, x, (c) => c >= 0));
    case "$lt":
      return some((f) => rangeMatches(f.v, x, (c) => c < 0));
    case "$lte":
      return some((f) => rangeMatches(f.v, x, (c) => c <= 0));
    case "$in": {
      const list = arrayOperand(op, x);
      return some((f) => list.some((y) => literalMatches(f.v, y)));
    }
    case "$nin": {
      const list = arrayOperand(op, x);
      return (found) => !found.some((f) => list.some((y) => literalMatches(f.v, y)));
    }
    case "$exists": {
      const want = !(x === false || x === 0 || x === null || (isNumeric(x) && toDouble(x) === 0));
      return (found) => found.some((f) => f.v !== undefined && !f.elem) === want;
    }
    case "$type": {
      const names = typeNames(x);
      return some((f) => f.v !== undefined && typeMatches(f.v, names));
    }
    case "$size": {
      if (!isNumeric(x) || !Number.isInteger(toDouble(x))) throw new MongoCommandError("BadValue", "$size needs a number");
      const n = toDouble(x);
      return some((f) => !f.elem && Array.isArray(f.v) && f.v.length === n);
    }
    case "$all": {
      const list = arrayOperand(op, x);
      if (list.length === 0) return () => false;
      const preds = list.map((item) => {
        if (isDocument(item) && Object.keys(item)[0] === "$elemMatch") return compileFieldOp("$elemMatch", item.$elemMatch, item, compileDoc)!;
        return some((f) => literalMatches(f.v, item));
      });
      return (found) => preds.every((p) => p(found));
    }
    case "$elemMatch": {
      if (!isDocument(x)) throw new MongoCommandError("BadValue", "$elemMatch needs an Object");
      const elemPred = compileElemMatch(x, compileDoc);
      return some((f) => !f.elem && Array.isArray(f.v) && f.v.some(elemPred));
    }
    case "$regex": {
      const re = toRegExp(x, typeof siblings.$options === "string" ? siblings.$options : "");
      return some((f) => regexMatches(f.v, re));
    }
    case "$options":
      if (siblings.$regex === undefined) throw new MongoCommandError("BadValue", "$options needs a $regex");
      return null;
    case "$not": {
      let inner: FieldPred;
      if (isRegexValue(x)) {
        const re = toRegExp(x);
        inner = some((f) => regexMatches(f.v, re));
      } else if (isDocument(x) && Object.keys(x).length > 0 && Object.keys(x).every((k) => k.startsWith("$"))) {
        inner = compileOperators(x, compileDoc);
      } else throw new MongoCommandError("BadValue", "$not needs a regex or a document");
      return (found) => !inner(found);
    }
    case "$mod": {
      const [d, r] = arrayOperand(op, x);
      if (arrayOperand(op, x).length !== 2 || !isNumeric(d) || !isNumeric(r)) throw new MongoCommandError("BadValue", "malformed mod, needs to be an array of two numbers");
      const div = Math.trunc(toDouble(d));
      const rem = Math.trunc(toDouble(r));
      if (div === 0) throw new MongoCommandError("BadValue", "divisor cannot be 0");
      return some((f) => isNumeric(f.v) && Number.isFinite(toDouble(f.v)) && Math.trunc(toDouble(f.v)) % div === rem);
    }
    case "$bitsAllSet":
    case "$bitsAnySet":
    case "$bitsAllClear":
    case "$bitsAnyClear": {
      const mask = bitMask(op, x);
      const test = (n: bigint): boolean => {
        const set = n & mask;
        if (op === "$bitsAllSet") return set === mask;
        if (op === "$bitsAnySet") return set !== 0n;
        if (op === "$bitsAllClear") return set === 0n;
        return set !== mask;
      };
      return some((f) => {
        const n = bitsOf(f.v);
        return n !== null && test(n);
      });
    }
    case "$comment":
      return null;
    default:
      if (GEO.has(op)) throw refused(`the geospatial query operator ${op}`);
      if (op === "$text") throw refused("text search ($text)");
      throw new MongoCommandError("BadValue", `unknown operator: ${op}`);
  }
}

/** An object of field operators, all of which must hold. */
export function compileOperators(ops: Document, compileDoc: DocCompiler): FieldPred {
  const preds: FieldPred[] = [];
  for (const [op, x] of Object.entries(ops)) {
    const p = compileFieldOp(op, x, ops, compileDoc);
    if (p) preds.push(p);
  }
  return (found) => preds.every((p) => p(found));
}

const DBREF = new Set(["$ref", "$id", "$db"]);
const DOC_LEVEL = new Set(["$and", "$or", "$nor", "$expr", "$where", "$text", "$comment", "$jsonSchema"]);

/** `$elemMatch: { $gt: 1 }` tests each element as a value; `$elemMatch: { a: 1 }` as a document. */
function compileElemMatch(q: Document, compileDoc: DocCompiler): (e: unknown) => boolean {
  const keys = Object.keys(q);
  if (keys.length > 0 && keys.every((k) => k.startsWith("$") && !DOC_LEVEL.has(k) && !DBREF.has(k))) {
    const pred = compileOperators(q, compileDoc);
    return (e) => {
      const found: Found[] = [{ v: e, elem: false }];
      if (Array.isArray(e)) for (const x of e) found.push({ v: x, elem: true });
      return pred(found);
    };
  }
  const doc = compileDoc(q);
  return (raw) => {
    const e = docView(raw);
    return (isDocument(e) || Array.isArray(e)) && doc(e);
  };
}

/** `{ field: value }`: a regex matches strings, anything else is equality. */
export function compileLiteral(x: unknown): FieldPred {
  if (isRegexValue(x)) {
    const re = toRegExp(x);
    return (found) => found.some((f) => regexMatches(f.v, re));
  }
  return (found) => found.some((f) => equalsOperand(f.v, x));
}
