import type { Types } from "mongoose";
import type { Models } from "../models";
import type { AuditEntryDoc } from "../models/AuditEntry";

export interface AuditInput {
  space: Types.ObjectId;
  actor: { _id: Types.ObjectId; displayName: string } | null;
  action: string;
  target?: string;
  detail?: string;
}

/** The admin audit log: appended to by every admin route, read on the admin page. */
export class AuditRepository {
  constructor(private readonly models: Models) {}

  async record(input: AuditInput): Promise<void> {
    await this.models.AuditEntry.create({
      space: input.space,
      actor: input.actor?._id ?? null,
      actorName: (input.actor?.displayName ?? "server").slice(0, 64),
      action: input.action,
      target: (input.target ?? "").slice(0, 120),
      detail: (input.detail ?? "").slice(0, 500),
      at: new Date(),
    });
  }

  /** Newest first, at most `limit`, optionally before a time (for paging back). */
  list(space: Types.ObjectId, limit = 100, before?: Date): Promise<AuditEntryDoc[]> {
    return this.models.AuditEntry.find(before ? { space, at: { $lt: before } } : { space })
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .lean<AuditEntryDoc[]>()
      .exec();
  }

  async removeAllOf(space: Types.ObjectId): Promise<void> {
    await this.models.AuditEntry.deleteMany({ space }).exec();
  }
}
