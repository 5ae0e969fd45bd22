import type { Document } from "bson";
import { handshakeCommands } from "./commands/handshake";
import { runCommand } from "./commands/dispatch";
import type { CommandContext } from "./commands/context";
import type { CursorManager } from "./CursorManager";
import { MongoCommandError, toErrorReply } from "./errors";
import { Pacer } from "./engine/pacer";
import type { Persistence } from "./persist/Persistence";
import { recordStep, timed } from "./persist/stepClock";
import type { StepClock } from "./persist/stepClock";

/** Commands that never write; they run outside lmdb's write batches. Anything else runs inside one. */
const READ_ONLY = new Set([
  ...Object.keys(handshakeCommands),
  "find", "getMore", "killCursors", "aggregate", "count", "distinct",
  "listCollections", "listIndexes", "listDatabases",
]);

/**
 * Writes that run outside lmdb's write batches and open their own, one per slice of work
 * (commands/writeSlices.ts): a big batch or a filter that no index narrows would otherwise
 * hold the event loop for the whole command.
 */
const SELF_BATCHING = new Set(["insert", "update", "delete", "findAndModify", "findandmodify"]);

export type CommandRunner = (cmd: Document, db: string, connectionId: number) => Promise<Document>;



/**
 * Write concern: by default, and with `j: true`, a write is acknowledged once its lmdb
 * commit is fsynced. `j: false` (or `w: 0` without `j`) acknowledges at commit: the write
 * survives the process being killed, not a power cut in the next moment.
 */
function wantsJournal(cmd: Document): boolean {
  const wc = cmd.writeConcern as Document | undefined;
  if (!wc || typeof wc !== "object") return true;
  if (wc.j === true) return true;
  return !(wc.j === false || wc.w === 0);
}

/** Runs each command in the right place: reads directly, writes inside an lmdb write batch. */
export function createCommandRunner(persistence: Persistence, cursors: CursorManager, clock: StepClock): CommandRunner {
  const context = (db: string, connectionId: number, name: string, journal: boolean, pacers: Pacer[] = []): CommandContext => ({
    db,
    store: persistence.store,
    cursors,
    connectionId,
    persist: (ops) => persistence.persist(ops),
    pacer: () => {
      const p = new Pacer((ms) => recordStep(clock, name, ms));
      pacers.push(p);
      return p;
    },
    write: async (fn) => {
      if (!SELF_BATCHING.has(name)) throw new MongoCommandError("InternalError", `${name} runs inside a write batch already`);
      // A command error thrown by `fn` is the command's, not a failed commit: it is caught here
      // and rethrown once the batch (with whatever `fn` applied before it) is committed.
      let failed: { err: unknown } | null = null;
      const out = await persistence.runWrite(() => {
        try {
          return fn();
        } catch (err) {
          failed = { err };
          return undefined as never;
        }
      }, journal, name, true);
      if (failed) throw (failed as { err: unknown }).err;
      return out;
    },
  });
  return async (cmd, db, connectionId) => {
    const name = Object.keys(cmd)[0] ?? "";
    const damaged = persistence.damaged;
    if (damaged && !Object.hasOwn(handshakeCommands, name)) return toErrorReply(damaged);
    // A command's synchronous part (all of a read, a write's part inside its batch) is what holds the loop.
    const journal = wantsJournal(cmd);
    if (SELF_BATCHING.has(name)) return timed(clock, name, () => runCommand(cmd, context(db, connectionId, name, journal)));
    if (READ_ONLY.has(name)) {
      // `timed` sees only the part before the handler's first await; each pacer reports the rest.
      const pacers: Pacer[] = [];
      const reply = await timed(clock, name, () => runCommand(cmd, context(db, connectionId, name, journal, pacers)));
      for (const p of pacers) p.finish();
      return reply;
    }
    try {
      return await persistence.runWrite(() => runCommand(cmd, context(db, connectionId, name, journal)), journal, name);
    } catch (err) {
      return toErrorReply(err);
    }
  };
}
