import { Decimal128, Double, Long, Timestamp } from "bson";
import { cloneExact } from "./bsonTypes";
import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import { bsonTag, bsonTypeName, compareValues, isNumeric, toDouble } from "./bsonOrder";
import { compileMatcher } from "./match";
import { compileLiteral, compileOperators } from "./matchOps";
import type { Found } from "./paths";
import { isDocument } from "./paths";
import { clearSlot, readSlot, slotFor, writeSlot } from "./updatePaths";
import { decimalAdd, decimalMul } from "./decimal";

export interface OpEnv {
  doc: Document;
  /** `{_id: ...}` for error messages, as mongod words them. */
  idText: string;
  now: Date;
}

type ApplyOp = (env: OpEnv, path: string[], operand: unknown) => void;

/** Deep copy of an operand so the stored document never shares structure with a request. */
function copy(v: unknown): unknown {
  return v === null || typeof v !== "object" ? v : cloneExact(v);
}

const leafName = (path: string[]): string => path[path.length - 1];

function arith(a: unknown, b: unknown, op: "+" | "*"): unknown {
  if (bsonTag(a) === "Decimal128" || bsonTag(b) === "Decimal128") {
    const x = bsonTag(a) === "Decimal128" ? String(a) : String(toDouble(a));
    const y = bsonTag(b) === "Decimal128" ? String(b) : String(toDouble(b));
    return Decimal128.fromString(op === "+" ? decimalAdd(x, y) : decimalMul(x, y));
  }
  const x = toDouble(a);
  const y = toDouble(b);
  if ((bsonTag(a) === "Long" || bsonTag(b) === "Long" || typeof a === "bigint" || typeof b === "bigint") && Number.isInteger(x) && Number.isInteger(y)) {
    const bx = bsonTag(a) === "Long" ? BigInt(String(a)) : BigInt(x);
    const by = bsonTag(b) === "Long" ? BigInt(String(b)) : BigInt(y);
    return Long.fromBigInt(BigInt.asIntN(64, op === "+" ? bx + by : bx * by));
  }
  const r = op === "+" ? x + y : x * y;
  // double (op) anything is a double in mongod; keep it one even when the result is integral.
  const isDouble = (v: unknown): boolean => bsonTag(v) === "Double" || (typeof v === "number" && !Number.isInteger(v));
  return (isDouble(a) || isDouble(b)) && Number.isInteger(r) && Math.abs(r) < 2 ** 31 ? new Double(r) : r;
}

function zeroLike(v: unknown): unknown {
  if (bsonTag(v) === "Decimal128") return Decimal128.fromString("0");
  if (bsonTag(v) === "Long") return Long.ZERO;
  return 0;
}

function arithmetic(op: "$inc" | "$mul"): ApplyOp {
  return (env, path, operand) => {
    const slot = slotFor(env.doc, path, true)!;
    const cur = readSlot(slot);
    if (cur === undefined) {
      writeSlot(slot, op === "$inc" ? copy(operand) : zeroLike(operand));
      return;
    }
    if (!isNumeric(cur)) {
      throw new MongoCommandError("TypeMismatch", `Cannot apply ${op} to a value of non-numeric type. ${env.idText} has the field '${leafName(path)}' of non-numeric type ${bsonTypeName(cur)}`);
    }
    writeSlot(slot, arith(cur, operand, op === "$inc" ? "+" : "*"));
  };
}

function extreme(sign: 1 | -1): ApplyOp {
  return (env, path, operand) => {
    const slot = slotFor(env.doc, path, true)!;
    const cur = readSlot(slot);
    if (cur === undefined || sign * compareValues(operand, cur) < 0) writeSlot(slot, copy(operand));
  };
}

function arrayAtSlot(env: OpEnv, path: string[], op: string, create: boolean): { arr: unknown[] | null; write(a: unknown[]): void } {
  const slot = slotFor(env.doc, path, create);
  if (!slot) return { arr: null, write: () => undefined };
  const cur = readSlot(slot);
  if (cur === undefined) return { arr: create ? [] : null, write: (a) => writeSlot(slot, a) };
  if (!Array.isArray(cur)) {
    const type = bsonTypeName(cur);
    if (op === "$push") throw new MongoCommandError("BadValue", `The field '${leafName(path)}' must be an array but is of type ${type} in document ${env.idText}`);
    if (op === "$addToSet") throw new MongoCommandError("BadValue", `Cannot apply $addToSet to non-array field. Field named '${leafName(path)}' has non-array type ${type}`);
    if (op === "$pop") throw new MongoCommandError("TypeMismatch", `Path '${path.join(".")}' contains an element of non-array type '${type}'`);
    throw new MongoCommandError("BadValue", "Cannot apply $pull to a non-array value");
  }
  return { arr: cur, write: (a) => writeSlot(slot, a) };
}

const PUSH_MODIFIERS = new Set(["$each", "$slice", "$sort", "$position"]);

function integer(what: string, v: unknown): number {
  if (!isNumeric(v) || !Number.isInteger(toDouble(v))) throw new MongoCommandError("BadValue", `The value for ${what} must be an integer value but was given type: ${bsonTypeName(v)}`);
  return toDouble(v);
}

function sortPushed(arr: unknown[], spec: unknown): void {
  if (isNumeric(spec) && Math.abs(toDouble(spec)) === 1) {
    const dir = toDouble(spec);
    arr.sort((a, b) => dir * compareValues(a, b));
    return;
  }
  if (!isDocument(spec) || Object.keys(spec).length === 0) throw new MongoCommandError("BadValue", "The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1} to sort embedded fields");
  const fields = Object.entries(spec).map(([f, d]) => ({ f, d: toDouble(d) }));
  const get = (e: unknown, f: string): unknown => f.split(".").reduce<unknown>((o, p) => (isDocument(o) ? o[p] : undefined), e);
  arr.sort((a, b) => {
    for (const { f, d } of fields) {
      const c = compareValues(get(a, f), get(b, f));
      if (c !== 0) return d * c;
    }
    return 0;
  });
}

const push: ApplyOp = (env, path, operand) => {
  const mods = isDocument(operand) && "$each" in operand ? operand : null;
  if (mods) {
    for (const k of Object.keys(mods)) if (!PUSH_MODIFIERS.has(k)) throw new MongoCommandError("BadValue", `Unrecognized clause in $push: ${k}`);
    if (!Array.isArray(mods.$each)) throw new MongoCommandError("BadValue", `The argument to $each in $push must be an array but it was of type: ${bsonTypeName(mods.$each)}`);
  }
  const items = (mods ? (mods.$each as unknown[]) : [operand]).map(copy);
  const { arr, write } = arrayAtSlot(env, path, "$push", true);
  const next = [...(arr ?? [])];
  let at = next.length;
  if (mods?.$position !== undefined) {
    const p = integer("$position", mods.$position);
    at = p < 0 ? Math.max(0, next.length + p) : Math.min(p, next.length);
  }
  next.splice(at, 0, ...items);
  if (mods?.$sort !== undefined) sortPushed(next, mods.$sort);
  let out = next;
  if (mods?.$slice !== undefined) {
    const n = integer("$slice", mods.$slice);
    out = n < 0 ? next.slice(Math.max(0, next.length + n)) : next.slice(0, n);
  }
  write(out);
};

const addToSet: ApplyOp = (env, path, operand) => {
  const each = isDocument(operand) && "$each" in operand;
  if (each && !Array.isArray((operand as Document).$each)) throw new MongoCommandError("TypeMismatch", "The argument to $each in $addToSet must be an array");
  const items = each ? ((operand as Document).$each as unknown[]) : [operand];
  const { arr, write } = arrayAtSlot(env, path, "$addToSet", true);
  const next = [...(arr ?? [])];
  for (const it of items) if (!next.some((e) => compareValues(e, it) === 0)) next.push(copy(it));
  if (!arr || next.length !== arr.length) write(next);
};

const pop: ApplyOp = (env, path, operand) => {
  const { arr, write } = arrayAtSlot(env, path, "$pop", false);
  if (!arr || arr.length === 0) return;
  write(toDouble(operand) === 1 ? arr.slice(0, -1) : arr.slice(1));
};

const LOGICAL = new Set(["$and", "$or", "$nor"]);

/** A $pull condition: a query on document elements, operators on values, or a plain value. */
function pullPredicate(cond: unknown): (e: unknown) => boolean {
  if (isDocument(cond)) {
    const keys = Object.keys(cond);
    const operators = keys.length > 0 && keys.every((k) => k.startsWith("$") && !LOGICAL.has(k));
    if (operators) {
      const pred = compileOperators(cond, (f) => compileMatcher(f).test);
      return (e) => pred(foundFor(e));
    }
    const m = compileMatcher(cond);
    return (e) => isDocument(e) && m.test(e);
  }
  const lit = compileLiteral(cond);
  return (e) => lit([{ v: e, elem: false }]);
}

function foundFor(e: unknown): Found[] {
  const found: Found[] = [{ v: e, elem: false }];
  if (Array.isArray(e)) for (const x of e) found.push({ v: x, elem: true });
  return found;
}

function pullWith(env: OpEnv, path: string[], remove: (e: unknown) => boolean, op: string): void {
  const { arr, write } = arrayAtSlot(env, path, op, false);
  if (!arr) return;
  const kept = arr.filter((e) => !remove(e));
  if (kept.length !== arr.length) write(kept);
}

const rename: ApplyOp = (env, path, operand) => {
  const to = (operand as string).split(".");
  const from = slotFor(env.doc, path, false);
  if (!from || Array.isArray(from.parent)) return;
  const v = readSlot(from);
  if (v === undefined) return;
  clearSlot(from);
  const target = slotFor(env.doc, to, true)!;
  if (Array.isArray(target.parent)) throw new MongoCommandError("BadValue", "The destination field for $rename may not be dynamic (an array element)");
  writeSlot(target, v);
};

function bit(env: OpEnv, path: string[], operand: unknown): void {
  const slot = slotFor(env.doc, path, true)!;
  const cur = readSlot(slot) ?? 0;
  if (!isNumeric(cur) || !Number.isInteger(toDouble(cur))) throw new MongoCommandError("BadValue", `Cannot apply $bit to a value of non-integral type. ${env.idText} has the field '${leafName(path)}' of non-integer type ${bsonTypeName(cur)}`);
  let n = BigInt(toDouble(cur));
  for (const [how, m] of Object.entries(operand as Document)) {
    const mask = BigInt(toDouble(m));
    if (how === "and") n &= mask;
    else if (how === "or") n |= mask;
    else if (how === "xor") n ^= mask;
    else throw new MongoCommandError("BadValue", `The $bit modifier only supports 'and', 'or', and 'xor', not '${how}'`);
  }
  writeSlot(slot, bsonTag(cur) === "Long" ? Long.fromBigInt(BigInt.asIntN(64, n)) : Number(BigInt.asIntN(32, n)) === Number(n) ? Number(n) : Long.fromBigInt(n));
}

export const UPDATE_OPS: Record<string, ApplyOp> = {
  $set: (env, path, v) => writeSlot(slotFor(env.doc, path, true)!, copy(v)),
  $setOnInsert: (env, path, v) => writeSlot(slotFor(env.doc, path, true)!, copy(v)),
  $unset: (env, path) => {
    const slot = slotFor(env.doc, path, false);
    if (slot && readSlot(slot) !== undefined) clearSlot(slot);
  },
  $inc: arithmetic("$inc"),
  $mul: arithmetic("$mul"),
  $min: extreme(1),
  $max: extreme(-1),
  $currentDate: (env, path, v) => {
    const ts = isDocument(v) && v.$type === "timestamp";
    writeSlot(slotFor(env.doc, path, true)!, ts ? new Timestamp({ t: Math.floor(env.now.getTime() / 1000), i: 1 }) : new Date(env.now));
  },
  $push: push,
  $addToSet: addToSet,
  $pop: pop,
  $pull: (env, path, v) => pullWith(env, path, pullPredicate(v), "$pull"),
  $pullAll: (env, path, v) => pullWith(env, path, (e) => (v as unknown[]).some((x) => compareValues(e, x) === 0), "$pullAll"),
  $rename: rename,
  $bit: bit,
};

/** Operand checks made before anything is applied, so a bad update changes nothing. */
export function checkOperand(op: string, field: string, v: unknown): void {
  const bad = (code: "TypeMismatch" | "BadValue" | "FailedToParse", msg: string): never => {
    throw new MongoCommandError(code, msg);
  };
  switch (op) {
    case "$inc":
    case "$mul":
      if (!isNumeric(v)) bad("TypeMismatch", `Cannot ${op === "$inc" ? "increment" : "multiply"} with non-numeric argument: {${field}: ${JSON.stringify(v)}}`);
      break;
    case "$pop":
      if (!isNumeric(v) || Math.abs(toDouble(v)) !== 1) bad("FailedToParse", `$pop expects 1 or -1, found: ${JSON.stringify(v)}`);
      break;
    case "$pullAll":
      if (!Array.isArray(v)) bad("BadValue", `$pullAll requires an array argument but was given a ${bsonTypeName(v)}`);
      break;
    case "$rename":
      if (typeof v !== "string") bad("BadValue", `The 'to' field for $rename must be a string: ${field}: ${JSON.stringify(v)}`);
      if (v === field) bad("BadValue", `The source and target field for $rename must differ: ${field}: "${v}"`);
      if ((v as string).split(".").some((p) => p.startsWith("$")) || field.split(".").some((p) => p.startsWith("$"))) bad("BadValue", "The source and target field for $rename must not be dynamic (positional)");
      break;
    case "$currentDate":
      if (v !== true && v !== false && !(isDocument(v) && (v.$type === "date" || v.$type === "timestamp"))) bad("BadValue", `${JSON.stringify(v)} is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).`);
      break;
    case "$bit":
      if (!isDocument(v)) bad("BadValue", `The $bit modifier is not compatible with a ${bsonTypeName(v)}. You must pass in an embedded document: {$bit: {field: {and/or/xor: #}}`);
      break;
    default:
      break;
  }
}
