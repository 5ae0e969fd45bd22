import type { Document } from "bson";
import { Query } from "mingo";
import { MongoCommandError, refused } from "../errors";
import { compileLiteral, compileOperators } from "./matchOps";
import type { FieldPred } from "./matchOps";
import { isDocument, valuesAtPath } from "./paths";

/** Client-supplied JavaScript ($where, $function, $accumulator) is never evaluated. */
export const MINGO_OPTIONS = { scriptEnabled: false } as const;

export interface Matcher {
  test(doc: unknown): boolean;
}

type DocPred = (doc: unknown) => boolean;

/** DBRef fields: they start with "$" but are field names, in filters as in documents. */
export const DBREF_FIELDS = new Set(["$ref", "$id", "$db"]);

function isOperatorObject(v: unknown): v is Document {
  if (!isDocument(v)) return false;
  const first = Object.keys(v)[0];
  return first !== undefined && first.startsWith("$") && !DBREF_FIELDS.has(first);
}

function subQueries(op: string, v: unknown): Document[] {
  if (!Array.isArray(v) || v.length === 0) throw new MongoCommandError("BadValue", `${op} must be a nonempty array`);
  for (const s of v) if (!isDocument(s)) throw new MongoCommandError("BadValue", `${op} argument's entries must be objects`);
  return v as Document[];
}

function compileField(path: string, cond: unknown): DocPred {
  const parts = path.split(".");
  const pred: FieldPred = isOperatorObject(cond) ? compileOperators(cond, compileDoc) : compileLiteral(cond);
  return (doc) => pred(valuesAtPath(doc, parts));
}

function compileTopLevel(op: string, v: unknown): DocPred | null {
  switch (op) {
    case "$and": {
      const subs = subQueries(op, v).map(compileDoc);
      return (doc) => subs.every((s) => s(doc));
    }
    case "$or": {
      const subs = subQueries(op, v).map(compileDoc);
      return (doc) => subs.some((s) => s(doc));
    }
    case "$nor": {
      const subs = subQueries(op, v).map(compileDoc);
      return (doc) => !subs.some((s) => s(doc));
    }
    case "$expr":
    case "$jsonSchema": {
      // Aggregation expressions and JSON schema are mingo's; it evaluates them against the document.
      const q = new Query({ [op]: v }, MINGO_OPTIONS);
      return (doc) => q.test(doc as Document);
    }
    case "$comment":
      return null;
    case "$where":
      throw refused("$where (server-side JavaScript)");
    case "$text":
      throw refused("text search ($text)");
    case "$sampleRate":
      throw refused("$sampleRate");
    default:
      throw new MongoCommandError("BadValue", `unknown top level operator: ${op}`);
  }
}

function compileDoc(filter: Document): DocPred {
  const preds: DocPred[] = [];
  for (const [k, v] of Object.entries(filter)) {
    const p = k.startsWith("$") && !DBREF_FIELDS.has(k) ? compileTopLevel(k, v) : compileField(k, v);
    if (p) preds.push(p);
  }
  if (preds.length === 1) return preds[0];
  return (doc) => preds.every((p) => p(doc));
}

/** A compiled MongoDB query filter with MongoDB's semantics (BSON order, implicit array traversal). */
export function compileMatcher(filter: Document | undefined): Matcher {
  if (filter !== undefined && !isDocument(filter)) throw new MongoCommandError("TypeMismatch", "query filter must be an object");
  const pred = compileDoc(filter ?? {});
  return { test: pred };
}

/**
 * The position of the first element of the array at `arrayPath` that satisfies the filter's
 * conditions on that array: what the positional `$` stands for, in updates and projections.
 */
export function positionalMatch(filter: Document | undefined, arrayPath: string, arr: unknown[]): number {
  const conds: Document[] = [];
  const gather = (f: Document): void => {
    for (const [k, v] of Object.entries(f)) {
      if (k === "$and" && Array.isArray(v)) for (const s of v) if (isDocument(s)) gather(s);
      if (k === arrayPath || k.startsWith(arrayPath + ".")) conds.push({ [k.slice(arrayPath.length).replace(/^\./, "") || "$self"]: v });
    }
  };
  if (filter) gather(filter);
  if (conds.length === 0) return -1;
  const preds = conds.map((c) => {
    const [k, v] = Object.entries(c)[0];
    if (k === "$self") {
      const m = compileDoc({ x: v });
      return (e: unknown) => m({ x: [e] });
    }
    const m = compileDoc({ [k]: v });
    return (e: unknown) => m(e) || (Array.isArray(e) && m({ [k]: e }));
  });
  return arr.findIndex((e) => preds.every((p) => p(e)));
}
