import { Schema, type Connection, type Model, type Types } from "mongoose";
import type { Role } from "../../deps";

/** Roles an invite may grant: never owner (ownership is not handed out by link). */
export const INVITE_ROLES = ["admin", "mapMaker", "member", "guest"] as const satisfies readonly Role[];
export type InviteRole = (typeof INVITE_ROLES)[number];

export interface InviteDoc {
  _id: Types.ObjectId;
  space: Types.ObjectId;
  /** sha256 of the token; the token itself is shown once to its creator. */
  tokenHash: string;
  role: InviteRole;
  createdBy: Types.ObjectId;
  expiresAt: Date | null;
  /** How many people the link admits in all (1 unless its creator chose more). */
  maxUses: number;
  /** Uses left; a redeem decrements it only while it is above 0, in one atomic update. */
  remaining: number;
  uses: number;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

/** Most people one invite link may admit. */
export const INVITE_MAX_USES = 1000;

export const inviteSchema = new Schema<InviteDoc>(
  {
    space: { type: Schema.Types.ObjectId, ref: "Space", required: true },
    tokenHash: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    role: { type: String, enum: INVITE_ROLES, required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: "Member", required: true },
    expiresAt: { type: Date, default: null },
    maxUses: { type: Number, default: 1, min: 1, max: INVITE_MAX_USES },
    remaining: { type: Number, default: 1, min: 0, max: INVITE_MAX_USES },
    uses: { type: Number, default: 0, min: 0 },
    revokedAt: { type: Date, default: null },
    lastUsedAt: { type: Date, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);
inviteSchema.index({ tokenHash: 1 }, { unique: true });
inviteSchema.index({ space: 1, createdAt: -1 });

export type InviteModel = Model<InviteDoc>;

export function inviteModel(connection: Connection): InviteModel {
  return (connection.models.Invite as InviteModel | undefined) ?? connection.model<InviteDoc>("Invite", inviteSchema);
}
