import type { Document } from "bson";
import type { IndexSpec } from "./Index";

/**
 * Logical mutations. Live writes and journal replay go through the same `Store.apply`,
 * so what is replayed after a crash is exactly what was acknowledged.
 */
export type StoreOp =
  | { op: "i"; db: string; c: string; doc: Document }
  | { op: "u"; db: string; c: string; doc: Document }
  | { op: "d"; db: string; c: string; id: unknown }
  | { op: "cc"; db: string; c: string; options: Document }
  | { op: "dc"; db: string; c: string }
  | { op: "ci"; db: string; c: string; spec: IndexSpec }
  | { op: "di"; db: string; c: string; name: string }
  | { op: "dd"; db: string };
