import { MongoCommandError, refused } from "../errors";
import { runFindPaced } from "../engine/query";
import { collectionArg, optionalDoc, optionalNumber, truthy } from "./args";
import type { CommandHandler } from "./context";

/** find options that would change the answer and that the store does not implement. */
const UNSUPPORTED_FIND_OPTIONS: [string, string][] = [
  ["min", "find's 'min' index bound"],
  ["max", "find's 'max' index bound"],
  ["returnKey", "find's 'returnKey'"],
  ["showRecordId", "find's 'showRecordId'"],
];

const find: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, "find");
  if (truthy(cmd.tailable) || truthy(cmd.awaitData)) {
    throw new MongoCommandError("CommandNotSupported", "tailable cursors are not supported by the embedded store");
  }
  for (const [opt, feature] of UNSUPPORTED_FIND_OPTIONS) {
    if (cmd[opt] !== undefined && cmd[opt] !== false) throw refused(feature);
  }
  const limit = optionalNumber(cmd, "limit");
  const skip = optionalNumber(cmd, "skip");
  const batchSize = optionalNumber(cmd, "batchSize");
  if (skip !== undefined && skip < 0) throw new MongoCommandError("BadValue", "skip value must be non-negative");
  if (batchSize !== undefined && batchSize < 0) throw new MongoCommandError("BadValue", "batchSize value must be non-negative");
  const docs = await runFindPaced(ctx.store.collection(ctx.db, name), {
    filter: optionalDoc(cmd, "filter"),
    sort: optionalDoc(cmd, "sort"),
    projection: optionalDoc(cmd, "projection"),
    skip,
    limit,
    hint: cmd.hint,
  }, ctx.pacer());
  // A negative limit is the legacy spelling of "one batch, then close".
  const singleBatch = truthy(cmd.singleBatch) || (limit !== undefined && limit < 0);
  const first = singleBatch && batchSize === undefined ? docs.length : batchSize;
  return ctx.cursors.start(`${ctx.db}.${name}`, docs, first, singleBatch);
};

const getMore: CommandHandler = (cmd, ctx) => {
  const name = collectionArg(cmd, "collection");
  return ctx.cursors.getMore(cmd.getMore, `${ctx.db}.${name}`, optionalNumber(cmd, "batchSize"));
};

const killCursors: CommandHandler = (cmd, ctx) => {
  const name = collectionArg(cmd, "killCursors");
  if (!Array.isArray(cmd.cursors)) throw new MongoCommandError("TypeMismatch", "'cursors' must be an array");
  return ctx.cursors.kill(`${ctx.db}.${name}`, cmd.cursors as unknown[]);
};

export const findCommands: Record<string, CommandHandler> = { find, getMore, killCursors };
