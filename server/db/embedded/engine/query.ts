import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import type { Collection } from "./Collection";
import type { Index } from "./Index";
import { compileMatcher } from "./match";
import type { Matcher } from "./match";
import { isDocument } from "./paths";
import { compileProjection } from "./projection";
import { drain, drive, UNPACED } from "./pacer";
import type { Pacer, PaceCheck } from "./pacer";
import { sortSteps } from "./sort";

export { MINGO_OPTIONS } from "./match";

export interface FindSpec {
  filter?: Document;
  sort?: Document;
  projection?: Document;
  skip?: number;
  limit?: number;
  hint?: unknown;
}

/** A compiled filter for testing single documents. */
export function compileFilter(filter: Document | undefined): Matcher {
  return compileMatcher(filter);
}

const HINT_ERROR = "error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index";

/**
 * A hint names an index (by name or key pattern) or `$natural`. Results never depend on the
 * index chosen, except for sparse and partial indexes, which hold only some documents: then,
 * as in mongod, only those documents are candidates. An unknown index is an error, as in mongod.
 */
function hintedIndex(coll: Collection, hint: unknown): Index | "natural" | "reverse" | null {
  if (hint === undefined || hint === null) return null;
  if (typeof hint === "string") {
    const ix = coll.indexes.get(hint);
    if (!ix) throw new MongoCommandError("BadValue", HINT_ERROR);
    return ix;
  }
  if (!isDocument(hint)) throw new MongoCommandError("FailedToParse", "hint must be a string or an object");
  const keys = Object.keys(hint);
  if (keys.length === 0) return null;
  if (keys[0] === "$natural") return Number(hint.$natural) < 0 ? "reverse" : "natural";
  const wanted = JSON.stringify(hint);
  for (const ix of coll.indexes.values()) if (JSON.stringify(ix.spec.key) === wanted) return ix;
  throw new MongoCommandError("BadValue", HINT_ERROR);
}

/**
 * The documents a query returns before sort, skip, limit and projection: those matching the
 * filter, in the order mongod would produce them without a sort (a hinted index is scanned in
 * its key order). `wanted`: the first matches in natural order are all that will be returned.
 */
function* matchSteps(coll: Collection, filter: Document | undefined, hint: unknown, pace: PaceCheck, wanted?: number, matcher = compileMatcher(filter)): Generator<void, Document[]> {
  const keep = (d: Document): boolean => matcher.test(d);
  const hinted = hintedIndex(coll, hint);
  if (hinted === "reverse" || hinted === "natural") return yield* coll.candidateSteps(filter, pace, { keep, wanted, reverse: hinted === "reverse", forceScan: true });
  if (!hinted) return yield* coll.candidateSteps(filter, pace, { keep, wanted });
  const sparse = hinted.spec.sparse || hinted.spec.partialFilterExpression;
  const docs = yield* coll.candidateSteps(filter, pace, { keep: sparse ? (d) => keep(d) && hinted.keysFor(d).length > 0 : keep });
  const key = hinted.spec.key;
  return Object.values(key).every((d) => d === 1 || d === -1) ? yield* sortSteps(docs, key, pace) : docs;
}

/** The documents a query looks at (the filter applied), for a pipeline's leading $match. */
export function scanMatchingPaced(coll: Collection, filter: Document | undefined, hint: unknown, pacer: Pacer): Promise<Document[]> {
  return drive(matchSteps(coll, filter, hint, pacer), pacer);
}

/** Index-assisted candidates, then the exact filter, sort, skip, limit and projection. */
function* findSteps(coll: Collection | undefined, spec: FindSpec, pace: PaceCheck): Generator<void, Document[]> {
  const matcher = compileMatcher(spec.filter); // a bad filter is an error even on a missing collection
  const projector = spec.projection && Object.keys(spec.projection).length > 0 ? compileProjection(spec.projection, spec.filter) : null;
  if (!coll) return [];
  const unsorted = !spec.sort || Object.keys(spec.sort).length === 0;
  const wanted = unsorted && spec.limit ? Math.abs(spec.limit) + (spec.skip && spec.skip > 0 ? spec.skip : 0) : undefined;
  let docs = yield* matchSteps(coll, spec.filter, spec.hint, pace, wanted, matcher);
  if (!unsorted) docs = yield* sortSteps(docs, spec.sort!, pace);
  const skip = spec.skip && spec.skip > 0 ? spec.skip : 0;
  const limit = spec.limit ? Math.abs(spec.limit) : undefined;
  if (skip || limit !== undefined) docs = docs.slice(skip, limit !== undefined ? skip + limit : undefined);
  if (!projector) return docs;
  const out: Document[] = [];
  for (const d of docs) {
    out.push(projector(d));
    if (pace.due) yield;
  }
  return out;
}

/** A find, run in one go: for work inside a write batch that an index keeps small. */
export function runFind(coll: Collection | undefined, spec: FindSpec): Document[] {
  return drain(findSteps(coll, spec, UNPACED));
}

/** A find that pauses every few milliseconds (see pacer.ts), for reads and large scans. */
export function runFindPaced(coll: Collection | undefined, spec: FindSpec, pacer: Pacer): Promise<Document[]> {
  return drive(findSteps(coll, spec, pacer), pacer);
}

/** Matching documents (unprojected), in sort order when given; used by writes. */
export function matching(coll: Collection, filter: Document | undefined, sort?: Document, limit?: number, hint?: unknown): Document[] {
  return runFind(coll, { filter, sort, limit, hint });
}

/** `matching`, paced: the first phase of a write over many documents. */
export function matchingPaced(coll: Collection | undefined, pacer: Pacer, filter: Document | undefined, sort?: Document, limit?: number, hint?: unknown): Promise<Document[]> {
  return runFindPaced(coll, { filter, sort, limit, hint }, pacer);
}

/**
 * Whether a write's filter is answered through an index with few candidates, so that finding
 * its targets inside the write batch is quick. Otherwise (a collection scan, a `$natural`
 * hint, thousands of candidates) the write finds them first, paced, outside the batch.
 */
export function isSmallQuery(coll: Collection, filter: Document | undefined, hint: unknown): boolean {
  const hinted = hintedIndex(coll, hint);
  if (hinted === "natural" || hinted === "reverse") return false;
  const plan = coll.plan(filter);
  return plan !== null && plan.recIds.length <= SMALL_QUERY;
}

const SMALL_QUERY = 200;

/** Applies a find-style projection to one document (findAndModify's `fields`). */
export function projectOne(doc: Document, projection: Document | undefined, filter: Document | undefined): Document {
  if (!projection || Object.keys(projection).length === 0) return doc;
  return compileProjection(projection, filter)(doc);
}
