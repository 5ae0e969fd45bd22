import { createHash, randomBytes } from "node:crypto";
import type { Types } from "mongoose";
import type { Models } from "../models";
import type { SessionDoc } from "../models/Session";

function hashOf(sid: string): string {
  return createHash("sha256").update(sid).digest("hex");
}

/** Server-side session records (see models/Session.ts). */
export class SessionRepository {
  constructor(private readonly models: Models) {}

  /** Starts a session for a member; returns the random id its token will carry. */
  async create(member: Types.ObjectId, expiresAt: Date, endsAt: Date, now = new Date()): Promise<string> {
    const sid = randomBytes(18).toString("base64url");
    await this.models.Session.create({ _id: hashOf(sid), member, createdAt: now, expiresAt, endsAt });
    return sid;
  }

  /** The live session with this id, or null when it ended, expired or never existed. */
  async find(sid: string, now = new Date()): Promise<SessionDoc | null> {
    const doc = await this.models.Session.findById(hashOf(sid)).lean<SessionDoc>().exec();
    return doc && doc.expiresAt > now && doc.endsAt > now ? doc : null;
  }

  /** Moves the idle deadline (the caller keeps it within endsAt). */
  async extend(sid: string, expiresAt: Date): Promise<void> {
    await this.models.Session.updateOne({ _id: hashOf(sid) }, { $set: { expiresAt } }).exec();
  }

  async delete(sid: string): Promise<void> {
    await this.models.Session.deleteOne({ _id: hashOf(sid) }).exec();
  }

  /** Ends every session of a member (signing out everywhere). */
  async deleteAllOf(member: Types.ObjectId): Promise<number> {
    return (await this.models.Session.deleteMany({ member }).exec()).deletedCount;
  }
}
