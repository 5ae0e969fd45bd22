import type { Document } from "bson";
import type { CursorManager } from "../CursorManager";
import type { Store } from "../engine/Store";
import type { StoreOp } from "../engine/ops";

/** What a command handler may touch. */
export interface CommandContext {
  db: string;
  store: Store;
  cursors: CursorManager;
  connectionId: number;
  /** Makes already-applied ops durable; the reply waits for it. */
  persist(ops: StoreOp[]): Promise<void>;
}

export type CommandHandler = (cmd: Document, ctx: CommandContext) => Document | Promise<Document>;
