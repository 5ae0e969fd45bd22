import type { Document } from "bson";
import { Query } from "mingo";
import type { Collection } from "./Collection";

export interface FindSpec {
  filter?: Document;
  sort?: Document;
  projection?: Document;
  skip?: number;
  limit?: number;
}

/** Client-supplied JavaScript ($where, $function, $accumulator) is never evaluated. */
export const MINGO_OPTIONS = { scriptEnabled: false } as const;

/** A compiled filter (mingo) for testing single documents. */
export function compileFilter(filter: Document | undefined): Query {
  return new Query(filter ?? {}, MINGO_OPTIONS);
}

/** Index-assisted candidates, then mingo for the exact filter, sort, skip, limit and projection. */
export function runFind(coll: Collection | undefined, spec: FindSpec): Document[] {
  if (!coll) return [];
  const q = compileFilter(spec.filter);
  // Without a sort, only the first skip+limit matches can be returned: the index may stop there.
  const wanted = !spec.sort || Object.keys(spec.sort).length === 0 ? (spec.limit ? Math.abs(spec.limit) + (spec.skip ?? 0) : undefined) : undefined;
  const candidates = coll.candidates(spec.filter, wanted);
  const projection = spec.projection && Object.keys(spec.projection).length > 0 ? spec.projection : undefined;
  let cursor = q.find(candidates, projection);
  if (spec.sort && Object.keys(spec.sort).length > 0) cursor = cursor.sort(spec.sort as Record<string, 1 | -1>);
  if (spec.skip && spec.skip > 0) cursor = cursor.skip(spec.skip);
  if (spec.limit && spec.limit !== 0) cursor = cursor.limit(Math.abs(spec.limit));
  return cursor.all() as Document[];
}

/** Matching documents (unprojected), in sort order when given; used by writes. */
export function matching(coll: Collection, filter: Document | undefined, sort?: Document, limit?: number): Document[] {
  return runFind(coll, { filter, sort, limit });
}
