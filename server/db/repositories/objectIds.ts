import { Types } from "mongoose";

/** The ObjectId for a hex string, or null for anything else (client input may be junk). */
export function toObjectId(id: string | Types.ObjectId): Types.ObjectId | null {
  if (id instanceof Types.ObjectId) return id;
  return typeof id === "string" && /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null;
}
