import { calculateObjectSize, ObjectId } from "bson";
import type { Document } from "bson";
import { asCommandError, MongoCommandError } from "../errors";
import type { StoreOp } from "../engine/ops";
import { matching } from "../engine/query";
import { applyUpdate, checkUpdateSpec, isOperatorUpdate, upsertDocument } from "../engine/update";
import { MAX_BSON_OBJECT_SIZE } from "../wire/constants";
import { collectionArg, requiredArray, truthy } from "./args";
import type { CommandContext, CommandHandler } from "./context";
import { checkBatch, checkStorable, sameDocument, writeReply } from "./writeHelpers";

/** Applies one op to memory and remembers it for the journal. */
function applyOp(ctx: CommandContext, ops: StoreOp[], op: StoreOp): void {
  ctx.store.apply(op);
  ops.push(op);
}

function ensureCollection(ctx: CommandContext, ops: StoreOp[], c: string): void {
  const created = ctx.store.ensureCollection(ctx.db, c);
  if (created) ops.push(created);
}

/**
 * Runs a write command's batch item by item. An item that fails is reported
 * at its index, as mongod does; an ordered batch (the default) stops there,
 * an unordered one goes on. Returns the write errors.
 */
function forEachWrite(cmd: Document, items: Document[], write: (item: Document, index: number) => void): Document[] {
  const ordered = cmd.ordered !== false;
  const writeErrors: Document[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      write(items[i], i);
    } catch (err) {
      writeErrors.push(asCommandError(err).toWriteError(i));
      if (ordered) break;
    }
  }
  return writeErrors;
}

const insert: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "insert");
  const docs = requiredArray(cmd, "documents");
  checkBatch(docs, "documents");
  const ops: StoreOp[] = [];
  let n = 0;
  ensureCollection(ctx, ops, c);
  const writeErrors = forEachWrite(cmd, docs, (raw) => {
    checkStorable(raw);
    // mongod stores _id as the first field whatever order the client sent.
    const { _id, ...rest } = raw;
    const doc = { _id: _id === undefined ? new ObjectId() : _id, ...rest };
    if (calculateObjectSize(doc) > MAX_BSON_OBJECT_SIZE) throw new MongoCommandError("BSONObjectTooLarge", "object to insert too large");
    applyOp(ctx, ops, { op: "i", db: ctx.db, c, doc });
    n++;
  });
  await ctx.persist(ops);
  return writeReply({ n }, writeErrors);
};

const update: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "update");
  const updates = requiredArray(cmd, "updates");
  checkBatch(updates, "updates");
  const ops: StoreOp[] = [];
  const upserted: Document[] = [];
  let n = 0;
  let nModified = 0;
  const writeErrors = forEachWrite(cmd, updates, (spec, i) => {
    const q = (spec.q ?? {}) as Document;
    const u = spec.u;
    checkUpdateSpec(u);
    const multi = truthy(spec.multi);
    if (multi && !Array.isArray(u) && !isOperatorUpdate(u)) {
      throw new MongoCommandError("InvalidOptions", "multi update is not supported for replacement-style update");
    }
    const arrayFilters = spec.arrayFilters as Document[] | undefined;
    const coll = ctx.store.collection(ctx.db, c);
    const targets = coll ? matching(coll, q, spec.sort as Document | undefined, multi ? undefined : 1, spec.hint) : [];
    for (const doc of targets) {
      const next = applyUpdate(doc, u, { filter: q, arrayFilters });
      n++;
      if (!sameDocument(doc, next)) {
        applyOp(ctx, ops, { op: "u", db: ctx.db, c, doc: next });
        nModified++;
      }
    }
    if (targets.length === 0 && truthy(spec.upsert)) {
      const doc = upsertDocument(q, u, arrayFilters);
      ensureCollection(ctx, ops, c);
      applyOp(ctx, ops, { op: "i", db: ctx.db, c, doc });
      upserted.push({ index: i, _id: doc._id });
      n++;
    }
  });
  await ctx.persist(ops);
  return writeReply(upserted.length ? { n, nModified, upserted } : { n, nModified }, writeErrors);
};

const del: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "delete");
  const deletes = requiredArray(cmd, "deletes");
  checkBatch(deletes, "deletes");
  const ops: StoreOp[] = [];
  let n = 0;
  const writeErrors = forEachWrite(cmd, deletes, ({ q, limit, hint }) => {
    if (limit !== 0 && limit !== 1) throw new MongoCommandError("BadValue", "The limit field in delete objects must be 0 or 1");
    const coll = ctx.store.collection(ctx.db, c);
    if (!coll) return;
    for (const doc of matching(coll, (q ?? {}) as Document, undefined, limit === 1 ? 1 : undefined, hint)) {
      applyOp(ctx, ops, { op: "d", db: ctx.db, c, id: doc._id });
      n++;
    }
  });
  await ctx.persist(ops);
  return writeReply({ n }, writeErrors);
};

export const writeCommands: Record<string, CommandHandler> = { insert, update, delete: del };
