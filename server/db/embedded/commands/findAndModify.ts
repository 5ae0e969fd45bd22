import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import type { StoreOp } from "../engine/ops";
import { compileFilter, isSmallQuery, matching, matchingPaced, projectOne } from "../engine/query";
import { applyUpdate, checkUpdateSpec, upsertDocument } from "../engine/update";
import { collectionArg, optionalDoc, truthy } from "./args";
import type { CommandHandler } from "./context";
import { sameDocument } from "./writeHelpers";

/** Searches again for a target that changed between the paced scan and its write batch. */
const MAX_RETRIES = 100;

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

  // Through an index with few candidates the target is found inside the write batch, as one
  // atomic step; otherwise by a paced scan first, then re-read and re-checked in the batch
  // (and searched again if it changed meanwhile), as mongod does after a yielding scan.
  const first = ctx.store.collection(ctx.db, c);
  const quick = !first || isSmallQuery(first, query, cmd.hint);
  const m = quick ? null : compileFilter(query);
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    const found = quick ? null : (await matchingPaced(ctx.store.collection(ctx.db, c), ctx.pacer(), query, sort, 1, cmd.hint))[0];
    const outcome = await ctx.write(() => {
      const coll = ctx.store.collection(ctx.db, c);
      let target: Document | undefined;
      if (quick) target = coll ? matching(coll, query, sort, 1, cmd.hint)[0] : undefined;
      else if (found) {
        target = coll?.getById(found._id);
        if (!target || !m!.test(target)) return null; // changed since the scan: search again
      }
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
        if (!ctx.store.collection(ctx.db, c)) apply({ op: "cc", db: ctx.db, c, options: {} });
        apply({ op: "i", db: ctx.db, c, doc });
        value = returnNew ? doc : null;
        lastErrorObject = { n: 1, updatedExisting: false, upserted: doc._id };
      } else {
        lastErrorObject = { n: 0, updatedExisting: false };
      }
      return { lastErrorObject, value, durable: ctx.persist(ops) };
    });
    if (!outcome) continue;
    await outcome.durable;
    return { lastErrorObject: outcome.lastErrorObject, value: outcome.value ? projectOne(outcome.value, fields, query) : null, ok: 1 };
  }
  throw new MongoCommandError("WriteConflict", "the document to modify kept changing; try again");
};

export const findAndModifyCommands: Record<string, CommandHandler> = { findAndModify, findandmodify: findAndModify };
