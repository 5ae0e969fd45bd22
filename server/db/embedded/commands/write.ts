import { calculateObjectSize, ObjectId } from "bson";
import type { Document } from "bson";
import type { Collection } from "../engine/Collection";
import { MongoCommandError } from "../errors";
import { compileFilter, isSmallQuery, matching, matchingPaced } from "../engine/query";
import { applyUpdate, checkUpdateSpec, isOperatorUpdate, upsertDocument } from "../engine/update";
import type { UpdateSpec } from "../engine/update";
import { MAX_BSON_OBJECT_SIZE } from "../wire/constants";
import { collectionArg, requiredArray, truthy } from "./args";
import type { CommandContext, CommandHandler } from "./context";
import { checkBatch, checkStorable, sameDocument } from "./writeHelpers";
import { failItem, SlicedWrite } from "./writeSlices";
import type { Apply, Tally } from "./writeSlices";

/** Tries to re-find a single target that changed between the paced search and its write batch. */
const MAX_RETRIES = 100;

function ensureCollection(ctx: CommandContext, apply: Apply, c: string): void {
  if (!ctx.store.collection(ctx.db, c)) apply({ op: "cc", db: ctx.db, c, options: {} });
}

/**
 * Whether an update or delete can find its targets inside a write batch: through an index
 * with few candidates (or no collection at all). A filter that is invalid is "small": the
 * in-batch path reports its error exactly as before.
 */
function quickFilter(ctx: CommandContext, c: string, q: unknown, hint: unknown): boolean {
  const coll = ctx.store.collection(ctx.db, c);
  if (!coll) return true;
  try {
    return isSmallQuery(coll, (q ?? {}) as Document, hint);
  } catch {
    return true;
  }
}

const insert: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "insert");
  const docs = requiredArray(cmd, "documents");
  checkBatch(docs, "documents");
  const w = new SlicedWrite(ctx, cmd.ordered !== false);
  const step = (i: number, apply: Apply, tally: Tally): void => {
    const raw = docs[i];
    checkStorable(raw);
    // mongod stores _id as the first field whatever order the client sent.
    const { _id, ...rest } = raw;
    const doc = { _id: _id === undefined ? new ObjectId() : _id, ...rest };
    if (calculateObjectSize(doc) > MAX_BSON_OBJECT_SIZE) throw new MongoCommandError("BSONObjectTooLarge", "object to insert too large");
    ensureCollection(ctx, apply, c);
    apply({ op: "i", db: ctx.db, c, doc });
    tally.n++;
  };
  await w.items(docs.length, () => true, step, () => Promise.resolve());
  return w.reply(false);
};

interface UpdateItem {
  q: Document;
  u: UpdateSpec;
  multi: boolean;
  upsert: boolean;
  sort?: Document;
  hint: unknown;
  arrayFilters?: Document[];
}

function parseUpdate(spec: Document): UpdateItem {
  const q = (spec.q ?? {}) as Document;
  const u = spec.u;
  checkUpdateSpec(u);
  const multi = truthy(spec.multi);
  if (multi && !Array.isArray(u) && !isOperatorUpdate(u)) {
    throw new MongoCommandError("InvalidOptions", "multi update is not supported for replacement-style update");
  }
  return { q, u, multi, upsert: truthy(spec.upsert), sort: spec.sort as Document | undefined, hint: spec.hint, arrayFilters: spec.arrayFilters as Document[] | undefined };
}

/** Updates one document as `it` says; counts it as matched (and modified, if it changed). */
function updateOne(ctx: CommandContext, c: string, it: UpdateItem, doc: Document, apply: Apply, tally: Tally): void {
  const next = applyUpdate(doc, it.u, { filter: it.q, arrayFilters: it.arrayFilters });
  tally.n++;
  if (!sameDocument(doc, next)) {
    apply({ op: "u", db: ctx.db, c, doc: next });
    tally.nModified++;
  }
}

function upsertOne(ctx: CommandContext, c: string, it: UpdateItem, index: number, apply: Apply, tally: Tally): void {
  const doc = upsertDocument(it.q, it.u, it.arrayFilters);
  ensureCollection(ctx, apply, c);
  apply({ op: "i", db: ctx.db, c, doc });
  tally.upserted.push({ index, _id: doc._id });
  tally.n++;
}

/** The document with `id` if it still matches (a paced search found it; it may have changed since). */
function stillMatching(coll: Collection | undefined, id: unknown, test: (d: Document) => boolean): Document | undefined {
  const cur = coll?.getById(id);
  return cur && test(cur) ? cur : undefined;
}

const update: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "update");
  const updates = requiredArray(cmd, "updates");
  checkBatch(updates, "updates");
  const w = new SlicedWrite(ctx, cmd.ordered !== false);
  const coll = () => ctx.store.collection(ctx.db, c);

  // Quick items: the targets are found and changed inside the batch, as one atomic step.
  const step = (i: number, apply: Apply, tally: Tally): void => {
    const it = parseUpdate(updates[i]);
    const cl = coll();
    const targets = cl ? matching(cl, it.q, it.sort, it.multi ? undefined : 1, it.hint) : [];
    for (const doc of targets) updateOne(ctx, c, it, doc, apply, tally);
    if (targets.length === 0 && it.upsert) upsertOne(ctx, c, it, i, apply, tally);
  };

  // Other items: the targets are found by a paced scan first, then each is re-read and
  // re-checked inside a batch, as mongod re-checks a document after a yielding scan.
  const alone = async (i: number): Promise<void> => {
    let it: UpdateItem;
    let test: (d: Document) => boolean;
    let targets: Document[];
    const pacer = ctx.pacer();
    try {
      it = parseUpdate(updates[i]);
      const m = compileFilter(it.q);
      test = (d) => m.test(d);
      targets = await matchingPaced(coll(), pacer, it.q, it.sort, it.multi ? undefined : 1, it.hint);
    } catch (err) {
      return w.fail(i, err);
    }
    if (!it.multi) {
      for (let attempt = 0; ; attempt++) {
        if (attempt > MAX_RETRIES) return w.fail(i, new MongoCommandError("WriteConflict", "the document to update kept changing; try again"));
        const target = targets[0];
        const done = await w.batch(i, (apply, tally) => {
          const cur = target && stillMatching(coll(), target._id, test);
          if (target && !cur) return false;
          if (cur) updateOne(ctx, c, it, cur, apply, tally);
          else if (it.upsert) upsertOne(ctx, c, it, i, apply, tally);
          return true;
        });
        if (done !== false) return;
        targets = await matchingPaced(coll(), pacer, it.q, it.sort, 1, it.hint).catch(() => []);
      }
    }
    let next = 0;
    let matched = 0;
    while (next < targets.length && !w.stopped) {
      await w.batch(i, (apply, tally, timeLeft) => {
        try {
          do {
            const cur = stillMatching(coll(), targets[next++]._id, test);
            if (!cur) continue;
            matched++;
            updateOne(ctx, c, it, cur, apply, tally);
          } while (next < targets.length && timeLeft());
        } catch (err) {
          next = targets.length; // mongod stops an update at its first failing document, too
          failItem(tally, w.ordered, i, err);
        }
      });
    }
    if (matched === 0 && it.upsert && !w.stopped) await w.batch(i, (apply, tally) => upsertOne(ctx, c, it, i, apply, tally));
  };

  await w.items(updates.length, (i) => quickFilter(ctx, c, (updates[i] as Document).q, (updates[i] as Document).hint), step, alone);
  return w.reply(true);
};

function parseDelete({ q, limit, hint }: Document): { q: Document; one: boolean; hint: unknown } {
  if (limit !== 0 && limit !== 1) throw new MongoCommandError("BadValue", "The limit field in delete objects must be 0 or 1");
  return { q: (q ?? {}) as Document, one: limit === 1, hint };
}

const del: CommandHandler = async (cmd, ctx) => {
  const c = collectionArg(cmd, "delete");
  const deletes = requiredArray(cmd, "deletes");
  checkBatch(deletes, "deletes");
  const w = new SlicedWrite(ctx, cmd.ordered !== false);
  const coll = () => ctx.store.collection(ctx.db, c);
  const remove = (doc: Document, apply: Apply, tally: Tally): void => {
    apply({ op: "d", db: ctx.db, c, id: doc._id });
    tally.n++;
  };

  const step = (i: number, apply: Apply, tally: Tally): void => {
    const { q, one, hint } = parseDelete(deletes[i]);
    const cl = coll();
    if (!cl) return;
    for (const doc of matching(cl, q, undefined, one ? 1 : undefined, hint)) remove(doc, apply, tally);
  };

  const alone = async (i: number): Promise<void> => {
    const pacer = ctx.pacer();
    let d: ReturnType<typeof parseDelete>;
    let test: (doc: Document) => boolean;
    let targets: Document[];
    try {
      d = parseDelete(deletes[i]);
      const m = compileFilter(d.q);
      test = (doc) => m.test(doc);
      targets = await matchingPaced(coll(), pacer, d.q, undefined, d.one ? 1 : undefined, d.hint);
    } catch (err) {
      return w.fail(i, err);
    }
    for (let attempt = 0; d.one; attempt++) {
      if (attempt > MAX_RETRIES) return w.fail(i, new MongoCommandError("WriteConflict", "the document to delete kept changing; try again"));
      const target = targets[0];
      if (!target) return;
      const done = await w.batch(i, (apply, tally) => {
        const cur = stillMatching(coll(), target._id, test);
        if (cur) remove(cur, apply, tally);
        return cur !== undefined;
      });
      if (done !== false) return;
      targets = await matchingPaced(coll(), pacer, d.q, undefined, 1, d.hint).catch(() => []);
    }
    let next = 0;
    while (next < targets.length && !w.stopped) {
      await w.batch(i, (apply, tally, timeLeft) => {
        do {
          const cur = stillMatching(coll(), targets[next++]._id, test);
          if (cur) remove(cur, apply, tally);
        } while (next < targets.length && timeLeft());
      });
    }
  };

  await w.items(deletes.length, (i) => quickFilter(ctx, c, (deletes[i] as Document).q, (deletes[i] as Document).hint), step, alone);
  return w.reply(false);
};

export const writeCommands: Record<string, CommandHandler> = { insert, update, delete: del };
