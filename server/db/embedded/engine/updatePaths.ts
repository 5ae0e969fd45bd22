import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import { compileMatcher, positionalMatch } from "./match";
import { getOwn, isDocument, isIndexPart, setOwn, valueAt } from "./paths";

/** What a path's `$`, `$[]` and `$[id]` parts need: the update's filter and its array filters. */
export interface PathContext {
  filter: Document | undefined;
  /** The document as the filter matched it: `$` refers to that match, not to earlier changes of this update. */
  original: Document;
  arrayFilters: Map<string, (e: unknown) => boolean>;
}

const IDENTIFIER = /^\$\[([a-z][a-zA-Z0-9]*)\]$/;

/** Compiles `arrayFilters`: each filter names one identifier (`{ "x.a": 1 }`, `{ x: { $gt: 2 } }`). */
export function compileArrayFilters(list: Document[] | undefined): Map<string, (e: unknown) => boolean> {
  const groups = new Map<string, Document>();
  for (const f of list ?? []) {
    if (!isDocument(f)) throw new MongoCommandError("FailedToParse", "arrayFilters entries must be objects");
    for (const [k, v] of Object.entries(f)) {
      const id = k.split(".")[0];
      if (!/^[a-z][a-zA-Z0-9]*$/.test(id)) throw new MongoCommandError("BadValue", `Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '${id}'`);
      groups.set(id, { ...groups.get(id), [k]: v });
    }
  }
  const out = new Map<string, (e: unknown) => boolean>();
  for (const [id, f] of groups) {
    const m = compileMatcher(f);
    out.set(id, (e) => m.test({ [id]: e }));
  }
  return out;
}

function arrayAt(cur: unknown, prefix: string[], full: string): unknown[] {
  if (!Array.isArray(cur)) throw new MongoCommandError("BadValue", `The path '${prefix.join(".") || full}' must exist in the document in order to apply array updates.`);
  return cur;
}

/**
 * The concrete paths (array positions filled in) one update path stands for in `doc`.
 * `$` is the element the filter matched; `$[]` every element; `$[id]` those its array filter accepts.
 */
export function expandPath(doc: Document, parts: string[], ctx: PathContext): string[][] {
  if (!parts.some((p) => p.startsWith("$"))) return [parts];
  const out: string[][] = [];
  const full = parts.join(".");
  const walk = (cur: unknown, i: number, prefix: string[]): void => {
    if (i === parts.length) {
      out.push(prefix);
      return;
    }
    const p = parts[i];
    if (p === "$") {
      const arr = arrayAt(cur, prefix, full);
      const matched = valueAt(ctx.original, prefix.join("."));
      const at = positionalMatch(ctx.filter, prefix.join("."), Array.isArray(matched) ? matched : arr);
      if (at < 0) throw new MongoCommandError("BadValue", "The positional operator did not find the match needed from the query.");
      walk(arr[at], i + 1, [...prefix, String(at)]);
      return;
    }
    if (p === "$[]") {
      arrayAt(cur, prefix, full).forEach((e, j) => walk(e, i + 1, [...prefix, String(j)]));
      return;
    }
    const id = IDENTIFIER.exec(p)?.[1];
    if (id) {
      const accept = ctx.arrayFilters.get(id);
      if (!accept) throw new MongoCommandError("BadValue", `No array filter found for identifier '${id}' in path '${full}'`);
      arrayAt(cur, prefix, full).forEach((e, j) => {
        if (accept(e)) walk(e, i + 1, [...prefix, String(j)]);
      });
      return;
    }
    const next = Array.isArray(cur) ? (isIndexPart(p) ? cur[Number(p)] : undefined) : getOwn(cur, p);
    walk(next, i + 1, [...prefix, p]);
  };
  walk(doc, 0, []);
  return out;
}

export interface Slot {
  parent: Document | unknown[];
  key: string;
}

function describe(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * The container and key that `path` ends in. With `create`, missing documents along the way
 * are made (as $set does); a scalar in the way is MongoDB's PathNotViable. Without, a path that
 * does not exist gives null.
 */
export function slotFor(doc: Document, path: string[], create: boolean): Slot | null {
  let cur: unknown = doc;
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    const last = i === path.length - 1;
    if (Array.isArray(cur) && !isIndexPart(p)) {
      if (!create) return null;
      throw new MongoCommandError("PathNotViable", `Cannot create field '${p}' in element {${path[i - 1]}: ${describe(cur)}}`);
    }
    if (!Array.isArray(cur) && !isDocument(cur)) {
      if (!create) return null;
      throw new MongoCommandError("PathNotViable", `Cannot create field '${p}' in element {${path[i - 1]}: ${describe(cur)}}`);
    }
    if (last) return { parent: cur as Document | unknown[], key: p };
    let next = readSlot({ parent: cur as Document, key: p });
    if (next === undefined) {
      if (!create) return null;
      next = {};
      writeSlot({ parent: cur as Document, key: p }, next);
    }
    cur = next;
  }
  return null;
}

export function readSlot(s: Slot): unknown {
  return Array.isArray(s.parent) ? s.parent[Number(s.key)] : getOwn(s.parent, s.key);
}

export function writeSlot(s: Slot, v: unknown): void {
  if (Array.isArray(s.parent)) {
    const i = Number(s.key);
    while (s.parent.length < i) s.parent.push(null);
    s.parent[i] = v;
  } else setOwn(s.parent, s.key, v);
}

export function clearSlot(s: Slot): void {
  if (Array.isArray(s.parent)) {
    const i = Number(s.key);
    if (i < s.parent.length) s.parent[i] = null;
  } else delete (s.parent as Record<string, unknown>)[s.key];
}

/** Rejects two paths of one update where one is (a prefix of) the other, as mongod does. */
export function checkConflicts(paths: string[]): void {
  for (let i = 0; i < paths.length; i++) {
    for (let j = 0; j < paths.length; j++) {
      const a = paths[i];
      const b = paths[j];
      if (i !== j && (a === b || b.startsWith(a + "."))) {
        throw new MongoCommandError("ConflictingUpdateOperators", `Updating the path '${b}' would create a conflict at '${a}'`);
      }
    }
  }
}
