import { Schema, type Connection, type Model, type Types } from "mongoose";
import { AVATAR_IDS, FACINGS, type AvatarId, type Facing } from "../../../shared/avatars";
import { HEARING_TILES_MAX, HEARING_TILES_MIN } from "../../../shared/rules/hearing";
import type { Role } from "../../deps";

export const ROLES = ["owner", "admin", "mapMaker", "member", "guest"] as const satisfies readonly Role[];

export interface LastPosition {
  x: number;
  y: number;
  facing: Facing;
  updatedAt: Date;
}

export interface Membership {
  space: Types.ObjectId;
  role: Role;
  lastPosition?: LastPosition | null;
  status: { kind: string; text: string };
  deskId?: string | null;
  banned: boolean;
  /** When they last entered or left the office (or joined the space). */
  lastSeenAt?: Date | null;
}

/** How many browsers (device cookies) a member record remembers, newest last. */
export const MEMBER_DEVICES_MAX = 5;

/** A person: an account when it has an email (and password), otherwise a guest. */
export interface MemberDoc {
  _id: Types.ObjectId;
  displayName: string;
  avatar: AvatarId;
  email?: string;
  passwordHash?: string;
  /** The hearing distance chosen in settings, in tiles; absent until chosen. */
  hearingTiles?: number;
  memberships: Membership[];
  /** Device ids of the browsers this member came in with (the signed device cookie), so a ban reaches the browser too. */
  deviceIds?: string[];
  createdAt: Date;
}

const positionSchema = new Schema<LastPosition>(
  {
    x: { type: Number, required: true },
    y: { type: Number, required: true },
    facing: { type: String, enum: FACINGS, required: true },
    updatedAt: { type: Date, required: true },
  },
  { _id: false },
);

const membershipSchema = new Schema<Membership>(
  {
    space: { type: Schema.Types.ObjectId, ref: "Space", required: true },
    role: { type: String, enum: ROLES, required: true },
    lastPosition: { type: positionSchema, default: null },
    status: {
      kind: { type: String, default: "available", maxlength: 32 },
      text: { type: String, default: "", maxlength: 140 },
    },
    deskId: { type: String, default: null },
    banned: { type: Boolean, default: false },
    lastSeenAt: { type: Date, default: null },
  },
  { _id: false },
);

export const memberSchema = new Schema<MemberDoc>(
  {
    displayName: { type: String, required: true, trim: true, maxlength: 32 },
    avatar: { type: String, enum: AVATAR_IDS, required: true },
    email: { type: String, lowercase: true, trim: true, maxlength: 254 },
    passwordHash: { type: String },
    hearingTiles: { type: Number, min: HEARING_TILES_MIN, max: HEARING_TILES_MAX },
    memberships: { type: [membershipSchema], default: [] },
    deviceIds: { type: [String], default: [] },
    createdAt: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);
// Guests have no email, so uniqueness applies only where one is present.
memberSchema.index({ email: 1 }, { unique: true, partialFilterExpression: { email: { $type: "string" } } });
memberSchema.index({ "memberships.space": 1 });

export type MemberModel = Model<MemberDoc>;

export function memberModel(connection: Connection): MemberModel {
  return (connection.models.Member as MemberModel | undefined) ?? connection.model<MemberDoc>("Member", memberSchema);
}
