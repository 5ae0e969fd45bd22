import { ObjectId } from "bson";
import type { Document } from "bson";
import { MongoCommandError } from "../errors";
import { getPath } from "./keys";
import type { Index } from "./Index";

/** Renders a value the way mongod prints it inside an E11000 message. */
function formatValue(v: unknown): string {
  if (v === undefined || v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (v instanceof ObjectId) return `ObjectId('${v.toHexString()}')`;
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (Array.isArray(v)) return "[ " + v.map(formatValue).join(", ") + " ]";
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>);
    if ("_bsontype" in (v as object)) return String(v);
    return entries.length ? "{ " + entries.map(([k, x]) => `${k}: ${formatValue(x)}`).join(", ") + " }" : "{}";
  }
  return String(v);
}

/** The exact error mongod raises for a unique-index violation (code 11000, keyPattern, keyValue). */
export function duplicateKeyError(ns: string, index: Index, doc: Document): MongoCommandError {
  const keyValue: Record<string, unknown> = {};
  for (const f of index.fields) keyValue[f] = getPath(doc, f) ?? null;
  const shown = Object.entries(keyValue).map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ");
  return new MongoCommandError(
    "DuplicateKey",
    `E11000 duplicate key error collection: ${ns} index: ${index.spec.name} dup key: { ${shown} }`,
    { keyPattern: { ...index.spec.key }, keyValue },
  );
}
