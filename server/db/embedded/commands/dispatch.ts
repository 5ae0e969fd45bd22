import type { Document } from "bson";
import { ErrorCodes, MongoCommandError, refused, toErrorReply } from "../errors";
import { assertDbName } from "../engine/Store";
import { aggregateCommands } from "./aggregate";
import { collectionCommands } from "./collections";
import type { CommandContext, CommandHandler } from "./context";
import { findCommands } from "./find";
import { findAndModifyCommands } from "./findAndModify";
import { handshakeCommands } from "./handshake";
import { indexCommands } from "./indexes";
import { writeCommands } from "./write";

const COMMANDS: Record<string, CommandHandler> = {
  ...handshakeCommands,
  ...findCommands,
  ...writeCommands,
  ...findAndModifyCommands,
  ...aggregateCommands,
  ...indexCommands,
  ...collectionCommands,
};

/** mongod commands this store does not implement: refused by name (code 115), not "no such command". */
const REFUSED_COMMANDS: Record<string, string> = {
  explain: "explain",
  collMod: "collMod (changing collection or index options)",
  setParameter: "setParameter (server parameters such as ttlMonitorSleepSecs)",
  renameCollection: "renameCollection",
  dbStats: "dbStats",
  collStats: "collStats",
  validate: "validate",
  compact: "compact",
  convertToCapped: "convertToCapped",
  mapReduce: "mapReduce",
  createUser: "createUser (authentication)",
  shardCollection: "sharding",
  replSetGetStatus: "replica sets",
};

export function isKnownCommand(name: string): boolean {
  return Object.hasOwn(COMMANDS, name);
}

/** Runs one command document; every failure becomes a MongoDB-style `{ ok: 0 }` reply. */
export async function runCommand(cmd: Document, ctx: CommandContext): Promise<Document> {
  const name = Object.keys(cmd)[0] ?? "";
  if (Object.hasOwn(REFUSED_COMMANDS, name)) return refused(REFUSED_COMMANDS[name]).toReply();
  if (!isKnownCommand(name)) {
    return { ok: 0, errmsg: `no such command: '${name}'`, code: ErrorCodes.CommandNotFound, codeName: "CommandNotFound" };
  }
  try {
    assertDbName(ctx.db);
    // A standalone server has no transactions; say so instead of running the ops unprotected.
    if (cmd.startTransaction === true || cmd.autocommit === false) {
      throw new MongoCommandError("IllegalOperation", "Transaction numbers are only allowed on a replica set member or mongos");
    }
    const collation = cmd.collation as Document | undefined;
    if (collation && collation.locale !== "simple") {
      throw new MongoCommandError("CommandNotSupported", "collation is not supported by the embedded store");
    }
    return await COMMANDS[name](cmd, ctx);
  } catch (err) {
    return toErrorReply(err);
  }
}
