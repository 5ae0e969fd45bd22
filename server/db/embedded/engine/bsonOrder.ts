import type { Binary, Decimal128, Long, ObjectId, Timestamp } from "bson";

/**
 * MongoDB's comparison order for BSON values, the one sort, range queries, $min/$max and
 * equality all use: values of different type classes order by class (MinKey < null < numbers
 * < strings < objects < arrays < binary < ObjectId < booleans < dates < timestamps < regexes
 * < MaxKey); within a class by value. Numbers of every BSON type compare by numeric value.
 */
export const enum TypeClass {
  MinKey = 1,
  /** An empty array's sort key: below null, as in mongod. */
  EmptyArray = 2,
  Null = 3,
  Number = 4,
  String = 5,
  Object = 6,
  Array = 7,
  Binary = 8,
  ObjectId = 9,
  Boolean = 10,
  Date = 11,
  Timestamp = 12,
  RegExp = 13,
  MaxKey = 14,
}

export function bsonTag(v: unknown): string | undefined {
  return v !== null && typeof v === "object" ? ((v as { _bsontype?: string })._bsontype ?? undefined) : undefined;
}

export function isNumeric(v: unknown): boolean {
  if (typeof v === "number" || typeof v === "bigint") return true;
  const t = bsonTag(v);
  return t === "Int32" || t === "Double" || t === "Long" || t === "Decimal128";
}

export function typeClass(v: unknown): TypeClass {
  if (v === undefined || v === null) return TypeClass.Null;
  switch (typeof v) {
    case "number":
    case "bigint":
      return TypeClass.Number;
    case "string":
      return TypeClass.String;
    case "boolean":
      return TypeClass.Boolean;
    default:
      break;
  }
  if (v instanceof Date) return TypeClass.Date;
  if (v instanceof RegExp) return TypeClass.RegExp;
  if (Array.isArray(v)) return TypeClass.Array;
  switch (bsonTag(v)) {
    case "Int32":
    case "Double":
    case "Long":
    case "Decimal128":
      return TypeClass.Number;
    case "BSONSymbol":
      return TypeClass.String;
    case "Binary":
      return TypeClass.Binary;
    case "ObjectId":
      return TypeClass.ObjectId;
    case "Timestamp":
      return TypeClass.Timestamp;
    case "BSONRegExp":
      return TypeClass.RegExp;
    case "MinKey":
      return TypeClass.MinKey;
    case "MaxKey":
      return TypeClass.MaxKey;
    default:
      return TypeClass.Object;
  }
}

/** A number as a JS double (Decimal128 and Long beyond 2^53 lose precision, as the tie-break below repairs). */
export function toDouble(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  const t = bsonTag(v);
  if (t === "Long") return (v as Long).toNumber();
  if (t === "Decimal128") return Number((v as Decimal128).toString());
  return Number((v as { valueOf(): number }).valueOf());
}

function toBigInt(v: unknown): bigint | null {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return Number.isInteger(v) ? BigInt(v) : null;
  if (bsonTag(v) === "Long") return BigInt((v as Long).toString());
  if (bsonTag(v) === "Decimal128") {
    const s = (v as Decimal128).toString();
    return /^-?\d+$/.test(s) ? BigInt(s) : null;
  }
  return null;
}

function compareNumbers(a: unknown, b: unknown): number {
  const x = toDouble(a);
  const y = toDouble(b);
  // mongod orders NaN below every other number and equal to itself.
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
  if (x !== y) return x < y ? -1 : 1;
  // Equal as doubles: 64-bit integers may still differ beyond 2^53.
  if (Math.abs(x) >= 2 ** 53) {
    const bx = toBigInt(a);
    const by = toBigInt(b);
    if (bx !== null && by !== null && bx !== by) return bx < by ? -1 : 1;
  }
  return 0;
}

function cmp<T>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return cmp(a.length, b.length);
}

function stringOf(v: unknown): string {
  return typeof v === "string" ? v : String((v as { value?: string }).value ?? v);
}

function regexParts(v: unknown): [string, string] {
  if (v instanceof RegExp) return [v.source, v.flags];
  const r = v as { pattern: string; options: string };
  return [r.pattern, r.options];
}

function entriesOf(v: unknown): [string, unknown][] {
  const o = v as { toJSON?: () => unknown };
  // DBRef and other BSON objects compare as the documents they encode.
  const plain = bsonTag(v) && typeof o.toJSON === "function" ? o.toJSON() : v;
  return Object.entries(plain as Record<string, unknown>);
}

/** Total order over BSON values: negative, 0 or positive. `undefined` (missing) compares as null. */
export function compareValues(a: unknown, b: unknown): number {
  const ca = typeClass(a);
  const cb = typeClass(b);
  if (ca !== cb) return ca - cb;
  switch (ca) {
    case TypeClass.Null:
    case TypeClass.MinKey:
    case TypeClass.MaxKey:
      return 0;
    case TypeClass.Number:
      return compareNumbers(a, b);
    case TypeClass.String:
      return cmp(stringOf(a), stringOf(b));
    case TypeClass.Boolean:
      return cmp(a as boolean, b as boolean);
    case TypeClass.Date:
      return cmp((a as Date).getTime(), (b as Date).getTime());
    case TypeClass.ObjectId:
      return compareBytes((a as ObjectId).id, (b as ObjectId).id);
    case TypeClass.Binary: {
      const x = a as Binary;
      const y = b as Binary;
      // mongod: length first, then subtype, then the bytes.
      return cmp(x.position, y.position) || cmp(x.sub_type, y.sub_type) || compareBytes(x.buffer.subarray(0, x.position), y.buffer.subarray(0, y.position));
    }
    case TypeClass.Timestamp: {
      const x = a as Timestamp;
      const y = b as Timestamp;
      return cmp(x.t, y.t) || cmp(x.i, y.i);
    }
    case TypeClass.RegExp: {
      const [ps, fs] = regexParts(a);
      const [qs, gs] = regexParts(b);
      return cmp(ps, qs) || cmp(fs, gs);
    }
    case TypeClass.Array: {
      const x = a as unknown[];
      const y = b as unknown[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compareValues(x[i], y[i]);
        if (c !== 0) return c;
      }
      return cmp(x.length, y.length);
    }
    default: {
      const x = entriesOf(a);
      const y = entriesOf(b);
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = typeClass(x[i][1]) - typeClass(y[i][1]) || cmp(x[i][0], y[i][0]) || compareValues(x[i][1], y[i][1]);
        if (c !== 0) return c;
      }
      return cmp(x.length, y.length);
    }
  }
}

/** MongoDB equality: same type class and equal value (1, 1.0, Long(1) and Decimal128("1") are equal). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0;
}

/** MongoDB's $type names and numbers for a value; integral JS numbers are int (or long), others double. */
export function bsonTypeName(v: unknown): string {
  if (v === undefined) return "missing";
  if (v === null) return "null";
  switch (typeof v) {
    case "number":
      return Number.isInteger(v) && !Object.is(v, -0) ? (v >= -(2 ** 31) && v < 2 ** 31 ? "int" : Number.isSafeInteger(v) ? "long" : "double") : "double";
    case "bigint":
      return "long";
    case "string":
      return "string";
    case "boolean":
      return "bool";
    default:
      break;
  }
  if (v instanceof Date) return "date";
  if (v instanceof RegExp) return "regex";
  if (Array.isArray(v)) return "array";
  switch (bsonTag(v)) {
    case "Int32":
      return "int";
    case "Double":
      return "double";
    case "Long":
      return "long";
    case "Decimal128":
      return "decimal";
    case "Binary":
      return "binData";
    case "ObjectId":
      return "objectId";
    case "Timestamp":
      return "timestamp";
    case "BSONRegExp":
      return "regex";
    case "BSONSymbol":
      return "symbol";
    case "Code":
      return "javascript";
    case "MinKey":
      return "minKey";
    case "MaxKey":
      return "maxKey";
    default:
      return "object";
  }
}

export const TYPE_NUMBERS: Record<number, string> = {
  1: "double",
  2: "string",
  3: "object",
  4: "array",
  5: "binData",
  6: "undefined",
  7: "objectId",
  8: "bool",
  9: "date",
  10: "null",
  11: "regex",
  12: "dbPointer",
  13: "javascript",
  14: "symbol",
  15: "javascriptWithScope",
  16: "int",
  17: "timestamp",
  18: "long",
  19: "decimal",
  [-1]: "minKey",
  127: "maxKey",
};

export const TYPE_NAMES = new Set([...Object.values(TYPE_NUMBERS), "number"]);
