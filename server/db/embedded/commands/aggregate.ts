import type { Document } from "bson";
import { Aggregator } from "mingo";
import { MongoCommandError, refused } from "../errors";
import { pathValues, valueKey } from "../engine/keys";
import * as mingoStages from "mingo/operators/pipeline";
import { compileFilter, MINGO_OPTIONS, runFind, scanCandidates } from "../engine/query";
import { sortDocuments } from "../engine/sort";
import { assertCollectionName } from "../engine/Store";
import { collectionArg, optionalDoc, optionalNumber } from "./args";
import type { CommandHandler } from "./context";

/** Stages that write or need server internals; refused rather than half-done. */
/** Stages mongod has that mingo lacks (search, geo, server internals): refused by name. */
const MONGOD_STAGES = new Set(["$geoNear", "$search", "$searchMeta", "$vectorSearch", "$listSearchIndexes", "$changeStreamSplitLargeEvent", "$listSampledQueries", "$querySettings", "$shardedDataDistribution"]);
const REFUSED_STAGES = new Set(["$out", "$merge", "$currentOp", "$listSessions", "$listLocalSessions", "$indexStats", "$collStats", "$planCacheStats", "$changeStream"]);

const aggregate: CommandHandler = (cmd, ctx) => {
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
  let input: Document[] = [];
  let ns = `${ctx.db}.$cmd.aggregate`;
  if (cmd.aggregate !== 1) {
    const c = collectionArg(cmd, "aggregate");
    ns = `${ctx.db}.${c}`;
    const coll = ctx.store.collection(ctx.db, c);
    // A leading $match may narrow the input through an index; the filter below re-applies it.
    const first = pipeline[0] as Document | undefined;
    input = coll ? scanCandidates(coll, first?.$match as Document | undefined, cmd.hint) : [];
  }
  // Leading $match/$sort stages run on the store's own matcher and BSON-order sort (mingo's
  // differ from mongod's on types and arrays); the rest of the pipeline is mingo's.
  let rest = pipeline as Document[];
  while (rest.length > 0 && (rest[0].$match !== undefined || rest[0].$sort !== undefined)) {
    const stage = rest[0];
    if (stage.$match !== undefined) {
      const m = compileFilter(stage.$match as Document);
      input = input.filter((d) => m.test(d));
    } else input = sortDocuments(input, stage.$sort as Document);
    rest = rest.slice(1);
  }
  const agg = new Aggregator(rest, {
    ...MINGO_OPTIONS,
    collectionResolver: (name: string) => {
      assertCollectionName(name);
      return [...(ctx.store.collection(ctx.db, name)?.all() ?? [])];
    },
  });
  const out = agg.run(input) as Document[];
  return ctx.cursors.start(ns, out, optionalNumber(cursorOpt, "batchSize"));
};

const count: CommandHandler = (cmd, ctx) => {
  const c = collectionArg(cmd, "count");
  const docs = runFind(ctx.store.collection(ctx.db, c), {
    filter: optionalDoc(cmd, "query"),
    skip: optionalNumber(cmd, "skip"),
    limit: optionalNumber(cmd, "limit"),
    projection: { _id: 1 },
    hint: cmd.hint,
  });
  return { n: docs.length, ok: 1 };
};

const distinct: CommandHandler = (cmd, ctx) => {
  const c = collectionArg(cmd, "distinct");
  if (typeof cmd.key !== "string" || cmd.key === "") throw new MongoCommandError("TypeMismatch", "'key' must be a non-empty string");
  const key = cmd.key;
  const docs = runFind(ctx.store.collection(ctx.db, c), { filter: optionalDoc(cmd, "query") });
  const seen = new Map<string, unknown>();
  for (const d of docs) {
    for (const v of pathValues(d, key)) if (v !== undefined && !seen.has(valueKey(v))) seen.set(valueKey(v), v);
  }
  return { values: [...seen.values()], ok: 1 };
};

export const aggregateCommands: Record<string, CommandHandler> = { aggregate, count, distinct };
