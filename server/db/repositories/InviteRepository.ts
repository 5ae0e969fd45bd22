import type { Types } from "mongoose";
import { hashInviteToken, newInviteToken } from "../../auth/inviteToken";
import type { Models } from "../models";
import type { InviteDoc, InviteRole } from "../models/Invite";
import { toObjectId } from "./objectIds";

/** Why a token admits nobody (or "ok"), so the person holding it reads exactly what is wrong. */
export type InviteState = "ok" | "unknown" | "other-space" | "revoked" | "expired" | "used-up";

export function inviteState(invite: InviteDoc | null, space: Types.ObjectId, now = new Date()): InviteState {
  if (!invite) return "unknown";
  if (!invite.space.equals(space)) return "other-space";
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt && invite.expiresAt.getTime() <= now.getTime()) return "expired";
  if (invite.remaining <= 0) return "used-up";
  return "ok";
}

export class InviteRepository {
  constructor(private readonly models: Models) {}

  /** Creates an invite; the returned token is the only copy (the database keeps its hash). */
  async create(input: {
    space: Types.ObjectId;
    role: InviteRole;
    createdBy: Types.ObjectId;
    expiresAt: Date | null;
    /** How many people it admits; one unless given. */
    maxUses?: number;
  }): Promise<{ token: string; invite: InviteDoc }> {
    const { token, tokenHash } = newInviteToken();
    const maxUses = input.maxUses ?? 1;
    const doc = await this.models.Invite.create({ ...input, maxUses, remaining: maxUses, tokenHash });
    return { token, invite: doc.toObject() };
  }

  /**
   * Counts one use of a live invite for this space, or returns null when it is
   * unknown, for another space, revoked, expired or used up. The check and the
   * count are one conditional update, so two people racing for the last use
   * cannot both get it.
   */
  redeem(token: string, space: Types.ObjectId, now = new Date()): Promise<InviteDoc | null> {
    return this.models.Invite.findOneAndUpdate(
      {
        tokenHash: hashInviteToken(token),
        space,
        revokedAt: null,
        remaining: { $gt: 0 },
        $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }],
      },
      { $inc: { uses: 1, remaining: -1 }, $set: { lastUsedAt: now } },
      { returnDocument: "after" },
    )
      .lean<InviteDoc>()
      .exec();
  }

  /** Gives a use back (the redeem succeeded but the membership could not be written). */
  async unredeem(id: Types.ObjectId): Promise<void> {
    await this.models.Invite.updateOne({ _id: id, uses: { $gt: 0 } }, { $inc: { uses: -1, remaining: 1 } }).exec();
  }

  /** The invite a token names, whatever its state (for explaining a refusal). */
  findByToken(token: string): Promise<InviteDoc | null> {
    return this.models.Invite.findOne({ tokenHash: hashInviteToken(token) }).lean<InviteDoc>().exec();
  }

  /** The space's invites, newest first (a bounded number). */
  list(space: Types.ObjectId, limit = 200): Promise<InviteDoc[]> {
    return this.models.Invite.find({ space }).sort({ createdAt: -1 }).limit(limit).lean<InviteDoc[]>().exec();
  }

  /** Revokes a live invite of this space; null when there is none by that id (or it was revoked already). */
  revoke(space: Types.ObjectId, id: string, now = new Date()): Promise<InviteDoc | null> {
    const _id = toObjectId(id);
    if (!_id) return Promise.resolve(null);
    return this.models.Invite.findOneAndUpdate({ _id, space, revokedAt: null }, { $set: { revokedAt: now } }, { returnDocument: "after" })
      .lean<InviteDoc>()
      .exec();
  }

  findById(space: Types.ObjectId, id: string): Promise<InviteDoc | null> {
    const _id = toObjectId(id);
    return _id ? this.models.Invite.findOne({ _id, space }).lean<InviteDoc>().exec() : Promise.resolve(null);
  }

  async removeAllOf(space: Types.ObjectId): Promise<void> {
    await this.models.Invite.deleteMany({ space }).exec();
  }
}
