import type { Document } from "bson";
import type { CursorManager } from "../CursorManager";
import type { Store } from "../engine/Store";
import type { StoreOp } from "../engine/ops";
import type { Pacer } from "../engine/pacer";

/** What a command handler may touch. */
export interface CommandContext {
  db: string;
  store: Store;
  cursors: CursorManager;
  connectionId: number;
  /** Makes already-applied ops durable; the reply waits for it. */
  persist(ops: StoreOp[]): Promise<void>;
  /** A pacer for this command's long work (engine/pacer.ts); its slices count as store steps. */
  pacer(): Pacer;
  /**
   * Runs `fn` inside an lmdb write batch of its own and resolves with its result once the batch
   * is committed; rejects if it was not (nothing of it stored). Only for the commands that
   * commandRunner runs outside a batch (SELF_BATCHING): writes that cut their work into slices.
   * `fn` calls `persist` for the ops it applied, to learn when they are durable.
   */
  write<T>(fn: () => T): Promise<T>;
}

export type CommandHandler = (cmd: Document, ctx: CommandContext) => Document | Promise<Document>;
