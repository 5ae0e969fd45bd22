import type { Document } from "bson";
import { Aggregator } from "mingo";
import { MongoCommandError, refused } from "../errors";
import { pathValues, valueKey } from "../engine/keys";
import * as mingoStages from "mingo/operators/pipeline";
import { drive } from "../engine/pacer";
import type { Pacer } from "../engine/pacer";
import { compileFilter, MINGO_OPTIONS, runFindPaced, scanMatchingPaced } from "../engine/query";
import { sortSteps } from "../engine/sort";
import { groupPaced, isCountGroup } from "./groupSlices";
import { assertCollectionName } from "../engine/Store";
import { collectionArg, optionalDoc, optionalNumber } from "./args";
import type { CommandHandler } from "./context";

/** Stages that write or need server internals; refused rather than half-done. */
/** Stages mongod has that mingo lacks (search, geo, server internals): refused by name. */
const MONGOD_STAGES = new Set(["$geoNear", "$search", "$searchMeta", "$vectorSearch", "$listSearchIndexes", "$changeStreamSplitLargeEvent", "$listSampledQueries", "$querySettings", "$shardedDataDistribution"]);
const REFUSED_STAGES = new Set(["$out", "$merge", "$currentOp", "$listSessions", "$listLocalSessions", "$indexStats", "$collStats", "$planCacheStats", "$changeStream"]);

const aggregate: CommandHandler = async (cmd, ctx) => {
  const pipeline = cmd.pipeline;
  if (!Array.isArray(pipeline)) throw new MongoCommandError("TypeMismatch", "'pipeline' must be an array");
  if (cmd.explain) throw new MongoCommandError("CommandNotSupported", "explain is not supported by the embedded store");
  const cursorOpt = optionalDoc(cmd, "cursor");
  if (!cursorOpt) throw new MongoCommandError("FailedToParse", "The 'cursor' option is required, except for aggregate with the explain argument");
  for (const stage of pipeline as Document[]) {
    const name = stage && typeof stage === "object" ? Object.keys(stage)[0] : undefined;
    if (!name || Object.keys(stage).length !== 1) throw new MongoCommandError("FailedToParse", "A pipeline stage specification object must contain exactly one field.");
    if (REFUSED_STAGES.has(name) || (MONGOD_STAGES.has(name) && !Object.hasOwn(mingoStages, name))) throw refused(`the aggregation stage ${name}`);
    if (!Object.hasOwn(mingoStages, name)) throw new MongoCommandError("Location40324", `Unrecognized pipeline stage name: '${name}'`);
  }
  const pacer = ctx.pacer();
  let input: Document[] = [];
  let ns = `${ctx.db}.$cmd.aggregate`;
  let rest = pipeline as Document[];
  if (cmd.aggregate !== 1) {
    const c = collectionArg(cmd, "aggregate");
    ns = `${ctx.db}.${c}`;
    const coll = ctx.store.collection(ctx.db, c);
    // countDocuments({}): the catalog keeps the exact count, no scan needed.
    if (rest.length === 2 && isEmptyMatch(rest[0]) && isCountGroup(rest[1]) && cmd.hint === undefined) {
      const n = coll?.size ?? 0;
      return ctx.cursors.start(ns, n > 0 ? [{ _id: 1, n }] : [], optionalNumber(cursorOpt, "batchSize"));
    }
    // A leading $match is the scan's filter (through an index when one serves it).
    const first = rest[0]?.$match as Document | undefined;
    if (first !== undefined) rest = rest.slice(1);
    input = coll ? await scanMatchingPaced(coll, first, cmd.hint, pacer) : [];
  }
  // Leading $match/$sort stages run on the store's own matcher and BSON-order sort (mingo's
  // differ from mongod's on types and arrays); the rest of the pipeline is mingo's.
  while (rest.length > 0 && (rest[0].$match !== undefined || rest[0].$sort !== undefined)) {
    const stage = rest[0];
    if (stage.$match !== undefined) input = await filterPaced(input, compileFilter(stage.$match as Document), pacer);
    else input = await drive(sortSteps(input, stage.$sort as Document, pacer), pacer);
    rest = rest.slice(1);
  }
  // A $group right after them is fed to mingo in paced chunks when its accumulators allow it.
  if (rest[0]?.$group !== undefined) {
    const grouped = await groupPaced(input, rest[0].$group as Document, pacer);
    if (grouped) {
      input = grouped;
      rest = rest.slice(1);
    }
  }
  // mingo resolves $lookup, $graphLookup and $unionWith collections synchronously: they are
  // read beforehand, paced, and handed over from memory.
  const foreign = new Map<string, Document[]>();
  for (const name of foreignCollections(rest)) {
    assertCollectionName(name);
    const coll = ctx.store.collection(ctx.db, name);
    foreign.set(name, coll ? await scanMatchingPaced(coll, undefined, undefined, pacer) : []);
  }
  const agg = new Aggregator(rest, {
    ...MINGO_OPTIONS,
    collectionResolver: (name: string) => {
      assertCollectionName(name);
      return foreign.get(name) ?? [...(ctx.store.collection(ctx.db, name)?.all() ?? [])];
    },
  });
  // The other stages mingo runs go in one step over their input (see docs/persistence.md, "Limits").
  const out = rest.length > 0 ? (agg.run(input) as Document[]) : input;
  return ctx.cursors.start(ns, out, optionalNumber(cursorOpt, "batchSize"));
};

const count: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "count");
  const query = optionalDoc(cmd, "query");
  const skip = optionalNumber(cmd, "skip");
  const limit = optionalNumber(cmd, "limit");
  // estimatedDocumentCount and an unfiltered count: the catalog keeps the exact count.
  if ((!query || Object.keys(query).length === 0) && !skip && !limit && cmd.hint === undefined) {
    return { n: ctx.store.collection(ctx.db, c)?.size ?? 0, ok: 1 };
  }
  const docs = await runFindPaced(ctx.store.collection(ctx.db, c), {
    filter: query,
    skip,
    limit,
    hint: cmd.hint,
  }, ctx.pacer());
  return { n: docs.length, ok: 1 };
};

const distinct: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "distinct");
  if (typeof cmd.key !== "string" || cmd.key === "") throw new MongoCommandError("TypeMismatch", "'key' must be a non-empty string");
  const key = cmd.key;
  const pacer = ctx.pacer();
  const docs = await runFindPaced(ctx.store.collection(ctx.db, c), { filter: optionalDoc(cmd, "query") }, pacer);
  const seen = new Map<string, unknown>();
  for (const d of docs) {
    for (const v of pathValues(d, key)) if (v !== undefined && !seen.has(valueKey(v))) seen.set(valueKey(v), v);
    if (pacer.due) await pacer.pause();
  }
  return { values: [...seen.values()], ok: 1 };
};

function isEmptyMatch(stage: Document | undefined): boolean {
  const m = stage?.$match as Document | undefined;
  return !!m && typeof m === "object" && !Array.isArray(m) && Object.keys(stage!).length === 1 && Object.keys(m).length === 0;
}

async function filterPaced(docs: Document[], m: { test(d: Document): boolean }, pacer: Pacer): Promise<Document[]> {
  const out: Document[] = [];
  for (const d of docs) {
    if (m.test(d)) out.push(d);
    if (pacer.due) await pacer.pause();
  }
  return out;
}

/** Collections a pipeline reads besides its input, nested pipelines included. */
function foreignCollections(pipeline: Document[], out = new Set<string>()): Set<string> {
  for (const stage of pipeline) {
    if (!stage || typeof stage !== "object") continue;
    for (const [name, arg] of Object.entries(stage)) {
      if (name === "$lookup" || name === "$graphLookup") {
        const a = arg as Document;
        if (typeof a?.from === "string") out.add(a.from);
        if (Array.isArray(a?.pipeline)) foreignCollections(a.pipeline as Document[], out);
      } else if (name === "$unionWith") {
        const a = arg as Document | string;
        if (typeof a === "string") out.add(a);
        else {
          if (typeof a?.coll === "string") out.add(a.coll);
          if (Array.isArray(a?.pipeline)) foreignCollections(a.pipeline as Document[], out);
        }
      } else if (name === "$facet" && arg && typeof arg === "object") {
        for (const sub of Object.values(arg as Document)) if (Array.isArray(sub)) foreignCollections(sub as Document[], out);
      }
    }
  }
  return out;
}

export const aggregateCommands: Record<string, CommandHandler> = { aggregate, count, distinct };
