import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import type { Collection } from "./Collection";
import type { Index } from "./Index";
import { compileMatcher } from "./match";
import type { Matcher } from "./match";
import { isDocument } from "./paths";
import { compileProjection } from "./projection";
import { sortDocuments } from "./sort";

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
 * The documents a query looks at, in the order mongod would produce them without a sort:
 * a hinted index is scanned in its key order.
 */
export function scanCandidates(coll: Collection, filter: Document | undefined, hint: unknown): Document[] {
  const hinted = hintedIndex(coll, hint);
  if (hinted === "reverse") return [...coll.all()].reverse();
  if (hinted === "natural") return [...coll.all()];
  if (!hinted) return coll.candidates(filter);
  let docs = coll.candidates(filter);
  if (hinted.spec.sparse || hinted.spec.partialFilterExpression) docs = docs.filter((d) => hinted.keysFor(d).length > 0);
  const key = hinted.spec.key;
  return Object.values(key).every((d) => d === 1 || d === -1) ? sortDocuments(docs, key) : docs;
}

/** Index-assisted candidates, then the exact filter, sort, skip, limit and projection. */
export function runFind(coll: Collection | undefined, spec: FindSpec): Document[] {
  const matcher = compileMatcher(spec.filter);
  const projector = spec.projection && Object.keys(spec.projection).length > 0 ? compileProjection(spec.projection, spec.filter) : null;
  if (!coll) return [];
  let docs = scanCandidates(coll, spec.filter, spec.hint).filter((d) => matcher.test(d));
  if (spec.sort && Object.keys(spec.sort).length > 0) docs = sortDocuments(docs, spec.sort);
  const skip = spec.skip && spec.skip > 0 ? spec.skip : 0;
  const limit = spec.limit ? Math.abs(spec.limit) : undefined;
  if (skip || limit !== undefined) docs = docs.slice(skip, limit !== undefined ? skip + limit : undefined);
  return projector ? docs.map(projector) : docs;
}

/** Matching documents (unprojected), in sort order when given; used by writes. */
export function matching(coll: Collection, filter: Document | undefined, sort?: Document, limit?: number, hint?: unknown): Document[] {
  return runFind(coll, { filter, sort, limit, hint });
}

/** Applies a find-style projection to one document (findAndModify's `fields`). */
export function projectOne(doc: Document, projection: Document | undefined, filter: Document | undefined): Document {
  if (!projection || Object.keys(projection).length === 0) return doc;
  return compileProjection(projection, filter)(doc);
}
