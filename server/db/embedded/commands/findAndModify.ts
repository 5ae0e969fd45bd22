import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import type { StoreOp } from "../engine/ops";
import { matching, projectOne } from "../engine/query";
import { applyUpdate, checkUpdateSpec, upsertDocument } from "../engine/update";
import { collectionArg, optionalDoc, truthy } from "./args";
import type { CommandHandler } from "./context";
import { sameDocument } from "./writeHelpers";


/** One document, atomically: errors (E11000 included) are command errors, not writeErrors. */
const findAndModify: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "findAndModify" in cmd ? "findAndModify" : "findandmodify");
  const query = optionalDoc(cmd, "query") ?? {};
  const sort = optionalDoc(cmd, "sort");
  const fields = optionalDoc(cmd, "fields");
  const remove = truthy(cmd.remove);
  const returnNew = truthy(cmd.new);
  const upsert = truthy(cmd.upsert);
  const u = cmd.update;
  const arrayFilters = cmd.arrayFilters as Document[] | undefined;
  if (remove && u !== undefined) throw new MongoCommandError("FailedToParse", "Cannot specify both an update and remove=true");
  if (!remove && u === undefined) throw new MongoCommandError("FailedToParse", "Either an update or remove=true must be specified");
  if (remove && (upsert || returnNew)) throw new MongoCommandError("FailedToParse", "Cannot specify both upsert=true or new=true and remove=true");
  if (!remove) checkUpdateSpec(u);

  const coll = ctx.store.collection(ctx.db, c);
  const target = coll ? matching(coll, query, sort, 1, cmd.hint)[0] : undefined;
  const ops: StoreOp[] = [];
  const apply = (op: StoreOp): void => {
    ctx.store.apply(op);
    ops.push(op);
  };
  let value: Document | null = null;
  let lastErrorObject: Document;
  if (remove) {
    if (target) apply({ op: "d", db: ctx.db, c, id: target._id });
    value = target ?? null;
    lastErrorObject = { n: target ? 1 : 0 };
  } else if (target) {
    const next = applyUpdate(target, u, { filter: query, arrayFilters });
    if (!sameDocument(target, next)) apply({ op: "u", db: ctx.db, c, doc: next });
    value = returnNew ? next : target;
    lastErrorObject = { n: 1, updatedExisting: true };
  } else if (upsert) {
    const doc = upsertDocument(query, u, arrayFilters);
    const created = ctx.store.ensureCollection(ctx.db, c);
    if (created) ops.push(created);
    apply({ op: "i", db: ctx.db, c, doc });
    value = returnNew ? doc : null;
    lastErrorObject = { n: 1, updatedExisting: false, upserted: doc._id };
  } else {
    lastErrorObject = { n: 0, updatedExisting: false };
  }
  await ctx.persist(ops);
  return { lastErrorObject, value: value ? projectOne(value, fields, query) : null, ok: 1 };
};

export const findAndModifyCommands: Record<string, CommandHandler> = { findAndModify, findandmodify: findAndModify };
