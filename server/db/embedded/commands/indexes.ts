import type { Document } from "bson";
import { MongoCommandError, refused } from "../errors";
import type { IndexSpec } from "../engine/Index";
import type { Collection } from "../engine/Collection";
import type { StoreOp } from "../engine/ops";
import { collectionArg, requiredArray, truthy } from "./args";
import type { CommandContext, CommandHandler } from "./context";

const ALLOWED_OPTIONS = new Set(["key", "name", "unique", "sparse", "partialFilterExpression", "expireAfterSeconds", "background", "v", "ns"]);

function parseSpec(raw: Document): IndexSpec {
  const key = raw.key as Document | undefined;
  if (!key || typeof key !== "object" || Array.isArray(key) || Object.keys(key).length === 0) {
    throw new MongoCommandError("BadValue", "index 'key' must be a non-empty object");
  }
  for (const [field, dir] of Object.entries(key)) {
    if (dir !== 1 && dir !== -1) {
      throw new MongoCommandError("CommandNotSupported", `index type ${JSON.stringify(dir)} on '${field}' is not supported by the embedded store (only 1 / -1)`);
    }
  }
  if (typeof raw.name !== "string" || raw.name === "") throw new MongoCommandError("BadValue", "index 'name' must be a non-empty string");
  for (const opt of Object.keys(raw)) {
    if (!ALLOWED_OPTIONS.has(opt)) throw refused(`index option '${opt}'`);
  }
  const spec: IndexSpec = { v: 2, key: { ...key } as Record<string, number>, name: raw.name };
  if (truthy(raw.unique)) spec.unique = true;
  if (truthy(raw.sparse)) spec.sparse = true;
  if (raw.partialFilterExpression) spec.partialFilterExpression = raw.partialFilterExpression as Document;
  if (typeof raw.expireAfterSeconds === "number") spec.expireAfterSeconds = raw.expireAfterSeconds;
  return spec;
}

function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return JSON.stringify([a.key, !!a.unique, !!a.sparse, a.partialFilterExpression ?? null, a.expireAfterSeconds ?? null]) ===
    JSON.stringify([b.key, !!b.unique, !!b.sparse, b.partialFilterExpression ?? null, b.expireAfterSeconds ?? null]);
}

function requireCollection(ctx: CommandContext, c: string): Collection {
  const coll = ctx.store.collection(ctx.db, c);
  if (!coll) throw new MongoCommandError("NamespaceNotFound", `ns does not exist: ${ctx.db}.${c}`);
  return coll;
}

const createIndexes: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "createIndexes");
  const raw = requiredArray(cmd, "indexes");
  if (raw.length === 0) throw new MongoCommandError("BadValue", "Must specify at least one index to create");
  const specs = raw.map(parseSpec);
  const ops: StoreOp[] = [];
  const created = ctx.store.ensureCollection(ctx.db, c);
  if (created) ops.push(created);
  const coll = requireCollection(ctx, c);
  const before = coll.indexes.size;
  // The same index already being built: join that build, as mongod does, so the reply still
  // means the index is ready (mongoose's syncIndexes can race its own autoIndex this way).
  const joined: Promise<void>[] = [];
  try {
    for (const spec of specs) {
      if (spec.name === "_id_" || (Object.keys(spec.key).length === 1 && spec.key._id === 1 && !spec.unique)) continue;
      const sameName = coll.indexes.get(spec.name);
      if (sameName) {
        if (sameOptions(sameName.spec, spec)) {
          if (sameName.building && sameName.built) joined.push(sameName.built);
          continue;
        }
        throw new MongoCommandError("IndexKeySpecsConflict", `An existing index has the same name as the requested index. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName.spec)}`);
      }
      for (const ix of coll.indexes.values()) {
        if (JSON.stringify(ix.spec.key) === JSON.stringify(spec.key)) {
          throw new MongoCommandError("IndexOptionsConflict", `Index already exists with a different name: ${ix.spec.name}`);
        }
      }
      const op: StoreOp = { op: "ci", db: ctx.db, c, spec };
      ctx.store.apply(op);
      ops.push(op);
    }
  } finally {
    await ctx.persist(ops); // whatever was applied before a failure must still be durable
  }
  await Promise.all(joined);
  const after = coll.indexes.size;
  const reply: Document = { createdCollectionAutomatically: created !== null, numIndexesBefore: before, numIndexesAfter: after, ok: 1 };
  if (after === before) reply.note = "all indexes already exist";
  return reply;
};

const listIndexes: CommandHandler = (cmd, ctx) => {
  const c = collectionArg(cmd, "listIndexes");
  const coll = requireCollection(ctx, c);
  // As mongod (without includeIndexBuildInfo), an index still being built is not listed yet.
  const specs = [...coll.indexes.values()].filter((ix) => !ix.building).map((ix) => ({ ...ix.spec }));
  const batchSize = (cmd.cursor as Document | undefined)?.batchSize as number | undefined;
  return ctx.cursors.start(`${ctx.db}.${c}`, specs, batchSize);
};

const dropIndexes: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "dropIndexes" in cmd ? "dropIndexes" : "deleteIndexes");
  const coll = requireCollection(ctx, c);
  const was = coll.indexes.size;
  const target = cmd.index;
  let names: string[];
  if (target === "*") names = [...coll.indexes.keys()].filter((n) => n !== "_id_");
  else if (typeof target === "string") names = [target];
  else if (Array.isArray(target)) names = target.map(String);
  else if (target && typeof target === "object") {
    const found = [...coll.indexes.values()].find((ix) => JSON.stringify(ix.spec.key) === JSON.stringify(target));
    if (!found) throw new MongoCommandError("IndexNotFound", `can't find index with key: ${JSON.stringify(target)}`);
    names = [found.spec.name];
  } else throw new MongoCommandError("TypeMismatch", "'index' must be a string, an array of names or a key pattern");
  for (const n of names) {
    if (n === "_id_") throw new MongoCommandError("InvalidOptions", "cannot drop _id index");
    if (!coll.indexes.has(n)) throw new MongoCommandError("IndexNotFound", `index not found with name [${n}]`);
  }
  const ops: StoreOp[] = names.map((name) => ({ op: "di", db: ctx.db, c, name }));
  for (const op of ops) ctx.store.apply(op);
  await ctx.persist(ops);
  return { nIndexesWas: was, ok: 1 };
};

export const indexCommands: Record<string, CommandHandler> = { createIndexes, listIndexes, dropIndexes, deleteIndexes: dropIndexes };
