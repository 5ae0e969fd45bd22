import type { Document } from "bson";
import { Aggregator } from "mingo";
import { MongoCommandError, refused } from "../errors";
import { isNumeric, toDouble } from "./bsonOrder";
import { compileMatcher, MINGO_OPTIONS, positionalMatch } from "./match";
import { getOwn, isDocument, setOwn } from "./paths";

type Projector = (doc: Document) => Document;

interface Slice {
  skip: number;
  limit: number | null;
  fromEnd: boolean;
}

/** One projected path: a tree of field names whose leaves say what to do. */
interface Node {
  children: Map<string, Node>;
  action?: "include" | "exclude" | { slice: Slice } | { elemMatch: (e: unknown) => boolean } | "positional";
}

function truthyFlag(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  if (isNumeric(v)) return toDouble(v) !== 0;
  return null;
}

function parseSlice(v: unknown): Slice {
  const num = (x: unknown): number => {
    if (!isNumeric(x)) throw new MongoCommandError("BadValue", "$slice only supports numbers and [skip, limit] arrays");
    return Math.trunc(toDouble(x));
  };
  if (Array.isArray(v)) {
    if (v.length !== 2) throw new MongoCommandError("BadValue", "$slice array argument must be of the form [skip, limit]");
    const limit = num(v[1]);
    if (limit <= 0) throw new MongoCommandError("BadValue", "$slice limit must be positive");
    const skip = num(v[0]);
    return { skip, limit, fromEnd: false };
  }
  const n = num(v);
  return n < 0 ? { skip: n, limit: null, fromEnd: true } : { skip: 0, limit: n, fromEnd: false };
}

function sliceArray(arr: unknown[], s: Slice): unknown[] {
  if (s.fromEnd) return arr.slice(Math.max(0, arr.length + s.skip));
  const start = s.skip < 0 ? Math.max(0, arr.length + s.skip) : s.skip;
  return arr.slice(start, s.limit === null ? undefined : start + s.limit);
}

/** Expressions (`"$field"`, `{ $concat: ... }`) make a find projection an aggregation $project. */
function isExpression(v: unknown): boolean {
  if (typeof v === "string") return true;
  if (!isDocument(v)) return false;
  const keys = Object.keys(v);
  if (keys.length === 1 && (keys[0] === "$slice" || keys[0] === "$elemMatch" || keys[0] === "$meta")) return false;
  return keys.some((k) => k.startsWith("$")) || keys.some((k) => isExpression(v[k]));
}

function flatten(spec: Document, prefix: string, out: [string, unknown][]): void {
  for (const [k, v] of Object.entries(spec)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isDocument(v) && !Object.keys(v).some((x) => x.startsWith("$"))) flatten(v, path, out);
    else out.push([path, v]);
  }
}

/**
 * Compiles a find/findAndModify projection with mongod's rules: inclusion or exclusion, `_id`
 * kept unless excluded, `$slice` alone keeps every other field, `$elemMatch` and `field.$` include.
 */
export function compileProjection(spec: Document, filter: Document | undefined): Projector {
  const entries: [string, unknown][] = [];
  flatten(spec, "", entries);
  if (entries.some(([, v]) => isExpression(v))) {
    const agg = new Aggregator([{ $project: spec }], MINGO_OPTIONS);
    return (doc) => agg.run([doc])[0] as Document;
  }
  const root: Node = { children: new Map() };
  let includes = false;
  let excludes = false;
  let idFlag: boolean | null = null;
  for (const [path, v] of entries) {
    let action: Node["action"];
    let target = path;
    const flag = truthyFlag(v);
    if (flag !== null) {
      if (path === "_id") {
        idFlag = flag;
        continue;
      }
      if (path.endsWith(".$")) {
        if (!flag) throw new MongoCommandError("BadValue", "positional projection cannot be used with exclusion");
        action = "positional";
        target = path.slice(0, -2);
      } else action = flag ? "include" : "exclude";
      if (flag) includes = true;
      else excludes = true;
    } else if (isDocument(v) && "$slice" in v) action = { slice: parseSlice(v.$slice) };
    else if (isDocument(v) && "$elemMatch" in v) {
      const m = compileMatcher({ x: { $elemMatch: v.$elemMatch } });
      action = { elemMatch: (e) => m.test({ x: [e] }) };
      includes = true;
    } else if (isDocument(v) && "$meta" in v) throw refused(`projection {$meta: ${JSON.stringify(v.$meta)}}`);
    else throw new MongoCommandError("BadValue", `Unsupported projection option: ${path}: ${JSON.stringify(v)}`);
    if (includes && excludes) {
      throw new MongoCommandError(action === "exclude" ? "Location31254" : "Location31253", `Cannot do ${action === "exclude" ? "exclusion" : "inclusion"} on field ${path} in ${action === "exclude" ? "inclusion" : "exclusion"} projection`);
    }
    let node = root;
    for (const part of target.split(".")) {
      let next = node.children.get(part);
      if (!next) node.children.set(part, (next = { children: new Map() }));
      node = next;
    }
    node.action = action;
  }
  // `{ _id: 1 }` alone is an inclusion projection of just _id.
  const inclusion = includes || (idFlag === true && entries.length === 1);
  return (doc) => {
    const out = inclusion ? includeDoc(doc, root, filter, "") : excludeDoc(doc, root, filter, "");
    if (idFlag === false) delete out._id;
    else if (inclusion && doc._id !== undefined) return { _id: doc._id, ...withoutId(out) };
    return out;
  };
}

function withoutId(d: Document): Document {
  const { _id: _omit, ...rest } = d;
  return rest;
}

function applyLeaf(value: unknown, node: Node, filter: Document | undefined, path: string): { keep: boolean; value?: unknown } {
  const a = node.action;
  if (a === "include" || a === undefined) return { keep: true, value };
  if (a === "exclude") return { keep: false };
  if (a === "positional") {
    if (!Array.isArray(value)) return { keep: true, value };
    const i = positionalMatch(filter, path, value);
    if (i < 0) throw new MongoCommandError("BadValue", "Executor error during find command :: caused by :: positional operator '.$' couldn't find a matching element in the array");
    return { keep: true, value: [value[i]] };
  }
  if ("slice" in a) return { keep: true, value: Array.isArray(value) ? sliceArray(value, a.slice) : value };
  if (!Array.isArray(value)) return { keep: false };
  const hit = value.find(a.elemMatch);
  return hit === undefined ? { keep: false } : { keep: true, value: [hit] };
}

function includeValue(v: unknown, node: Node, filter: Document | undefined, path: string): { keep: boolean; value?: unknown } {
  if (node.children.size === 0) return applyLeaf(v, node, filter, path);
  if (Array.isArray(v)) {
    const items = v.filter((e) => isDocument(e) || Array.isArray(e)).map((e) => includeValue(e, node, filter, path));
    return { keep: true, value: items.filter((r) => r.keep).map((r) => r.value) };
  }
  if (!isDocument(v)) return { keep: false };
  return { keep: true, value: includeDoc(v, node, filter, path) };
}

function includeDoc(doc: Document, node: Node, filter: Document | undefined, path: string): Document {
  const out: Document = {};
  // Fields keep the document's order, not the projection's.
  for (const key of Object.keys(doc)) {
    const child = node.children.get(key);
    if (!child) continue;
    const r = includeValue(getOwn(doc, key), child, filter, path ? `${path}.${key}` : key);
    if (r.keep) setOwn(out, key, r.value);
  }
  return out;
}

function excludeValue(v: unknown, node: Node, filter: Document | undefined, path: string): { keep: boolean; value?: unknown } {
  if (node.children.size === 0) return applyLeaf(v, node, filter, path);
  if (Array.isArray(v)) return { keep: true, value: v.map((e) => (isDocument(e) || Array.isArray(e) ? excludeValue(e, node, filter, path).value : e)) };
  if (!isDocument(v)) return { keep: true, value: v };
  return { keep: true, value: excludeDoc(v, node, filter, path) };
}

function excludeDoc(doc: Document, node: Node, filter: Document | undefined, path: string): Document {
  const out: Document = {};
  for (const key of Object.keys(doc)) {
    const child = node.children.get(key);
    const v = getOwn(doc, key);
    if (!child) {
      setOwn(out, key, v);
      continue;
    }
    const r = excludeValue(v, child, filter, path ? `${path}.${key}` : key);
    if (r.keep) setOwn(out, key, r.value);
  }
  return out;
}
