import { Double, Int32, Long } from "bson";
import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import { assertCollectionName } from "../engine/Store";

/** The collection named by the command's first field (`{ find: "users" }`). */
export function collectionArg(cmd: Document, name: string): string {
  const c = cmd[name];
  assertCollectionName(c);
  return c;
}

export function optionalNumber(cmd: Document, field: string): number | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return v;
  if (Long.isLong(v)) return v.toNumber();
  if (v instanceof Int32 || v instanceof Double) return v.valueOf();
  throw new MongoCommandError("TypeMismatch", `'${field}' must be a number`);
}

export function optionalDoc(cmd: Document, field: string): Document | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v)) throw new MongoCommandError("TypeMismatch", `'${field}' must be an object`);
  return v as Document;
}

export function requiredArray(cmd: Document, field: string): Document[] {
  const v = cmd[field];
  if (!Array.isArray(v)) throw new MongoCommandError("TypeMismatch", `'${field}' must be an array`);
  return v as Document[];
}

export function truthy(v: unknown): boolean {
  return v === true || (typeof v === "number" && v !== 0);
}
