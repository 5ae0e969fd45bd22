import type { Types } from "mongoose";
import { hashInviteToken, newInviteToken } from "../../auth/inviteToken";
import type { Models } from "../models";
import type { InviteDoc, InviteRole } from "../models/Invite";

export class InviteRepository {
  constructor(private readonly models: Models) {}

  /** Creates an invite; the returned token is the only copy (the database keeps its hash). */
  async create(input: {
    space: Types.ObjectId;
    role: InviteRole;
    createdBy: Types.ObjectId;
    expiresAt: Date | null;
  }): Promise<{ token: string; invite: InviteDoc }> {
    const { token, tokenHash } = newInviteToken();
    const doc = await this.models.Invite.create({ ...input, tokenHash });
    return { token, invite: doc.toObject() };
  }

  /** Counts a use of a live invite for this space; null when unknown, for another space, or expired. */
  redeem(token: string, space: Types.ObjectId, now = new Date()): Promise<InviteDoc | null> {
    return this.models.Invite.findOneAndUpdate(
      { tokenHash: hashInviteToken(token), space, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] },
      { $inc: { uses: 1 } },
      { returnDocument: "after" },
    )
      .lean<InviteDoc>()
      .exec();
  }
}
