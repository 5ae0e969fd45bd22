import type { Document } from "bson";
import { handshakeCommands } from "./commands/handshake";
import { runCommand } from "./commands/dispatch";
import type { CommandContext } from "./commands/context";
import type { CursorManager } from "./CursorManager";
import { toErrorReply } from "./errors";
import type { Persistence } from "./persist/Persistence";

/** Commands that never write; they run outside lmdb's write batches. Anything else runs inside one. */
const READ_ONLY = new Set([
  ...Object.keys(handshakeCommands),
  "find", "getMore", "killCursors", "aggregate", "count", "distinct",
  "listCollections", "listIndexes", "listDatabases",
]);

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
export function createCommandRunner(persistence: Persistence, cursors: CursorManager): CommandRunner {
  const context = (db: string, connectionId: number): CommandContext => ({
    db,
    store: persistence.store,
    cursors,
    connectionId,
    persist: (ops) => persistence.persist(ops),
  });
  return async (cmd, db, connectionId) => {
    const name = Object.keys(cmd)[0] ?? "";
    const damaged = persistence.damaged;
    if (damaged && !Object.hasOwn(handshakeCommands, name)) return toErrorReply(damaged);
    if (READ_ONLY.has(name)) return runCommand(cmd, context(db, connectionId));
    try {
      return await persistence.runWrite(() => runCommand(cmd, context(db, connectionId)), wantsJournal(cmd));
    } catch (err) {
      return toErrorReply(err);
    }
  };
}
