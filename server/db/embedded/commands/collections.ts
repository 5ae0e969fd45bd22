import { Binary } from "bson";
import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import type { StoreOp } from "../engine/ops";
import { compileFilter } from "../engine/query";
import { collectionArg, optionalDoc, truthy } from "./args";
import type { CommandHandler } from "./context";

/** Collection options the store would have to enforce; refusing beats silently ignoring. */
const UNSUPPORTED_CREATE_OPTIONS = ["capped", "size", "max", "viewOn", "pipeline", "timeseries", "clusteredIndex", "validator", "validationLevel", "validationAction", "changeStreamPreAndPostImages", "expireAfterSeconds", "storageEngine", "indexOptionDefaults", "encryptedFields"];

const create: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "create");
  for (const opt of UNSUPPORTED_CREATE_OPTIONS) {
    if (cmd[opt] !== undefined && cmd[opt] !== false) {
      throw new MongoCommandError("CommandNotSupported", `collection option '${opt}' is not supported by the embedded store`);
    }
  }
  if (ctx.store.collection(ctx.db, c)) throw new MongoCommandError("NamespaceExists", `Collection ${ctx.db}.${c} already exists.`);
  const op: StoreOp = { op: "cc", db: ctx.db, c, options: {} };
  ctx.store.apply(op);
  await ctx.persist([op]);
  return { ok: 1 };
};

const drop: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "drop");
  const coll = ctx.store.collection(ctx.db, c);
  if (!coll) return { ok: 1 }; // MongoDB 7 treats dropping a missing collection as success
  const op: StoreOp = { op: "dc", db: ctx.db, c };
  const nIndexesWas = coll.indexes.size;
  ctx.store.apply(op);
  await ctx.persist([op]);
  return { nIndexesWas, ns: `${ctx.db}.${c}`, ok: 1 };
};

/** A stable per-collection UUID derived from its name (drivers only display it). */
function uuidFor(ns: string): Binary {
  const bytes = Buffer.alloc(16);
  for (let i = 0; i < ns.length; i++) bytes[i % 16] = (bytes[i % 16] * 31 + ns.charCodeAt(i)) & 0xff;
  return new Binary(bytes, Binary.SUBTYPE_UUID);
}

const listCollections: CommandHandler = (cmd, ctx) => {
  const filter = compileFilter(optionalDoc(cmd, "filter"));
  const nameOnly = truthy(cmd.nameOnly);
  const entries = ctx.store
    .collections(ctx.db)
    .map((coll) => ({
      name: coll.name,
      type: "collection",
      options: coll.options,
      info: { readOnly: false, uuid: uuidFor(coll.ns) },
      idIndex: { v: 2, key: { _id: 1 }, name: "_id_" },
    }))
    .filter((e) => filter.test(e))
    .map((e) => (nameOnly ? { name: e.name, type: e.type } : e));
  const batchSize = (cmd.cursor as Document | undefined)?.batchSize as number | undefined;
  return ctx.cursors.start(`${ctx.db}.$cmd.listCollections`, entries, batchSize);
};

const dropDatabase: CommandHandler = async (_cmd, ctx) => {
  const op: StoreOp = { op: "dd", db: ctx.db };
  ctx.store.apply(op);
  await ctx.persist([op]);
  return { dropped: ctx.db, ok: 1 };
};

const listDatabases: CommandHandler = (cmd, ctx) => {
  const filter = compileFilter(optionalDoc(cmd, "filter"));
  const dbs = ctx.store
    .databases()
    .map((name) => ({ name, sizeOnDisk: ctx.store.collections(name).reduce((n, c) => n + c.size, 0) * 256, empty: false }))
    .filter((d) => filter.test(d));
  const totalSize = dbs.reduce((n, d) => n + d.sizeOnDisk, 0);
  if (truthy(cmd.nameOnly)) return { databases: dbs.map((d) => ({ name: d.name })), ok: 1 };
  return { databases: dbs, totalSize, totalSizeMb: Math.round(totalSize / 1048576), ok: 1 };
};

export const collectionCommands: Record<string, CommandHandler> = {
  create,
  drop,
  listCollections,
  dropDatabase,
  listDatabases,
};

