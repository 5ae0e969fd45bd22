import { Schema, type Connection, type Model, type Types } from "mongoose";
import { DEFAULT_SPACE_SETTINGS as D, DESK_POLICIES, JOIN_POLICIES, MEETUP_HOSTS, SETTING_FIELDS as F, type SpaceSettings } from "../../../shared/spaceSettings";

/** Slugs appear in URLs and room names: lowercase letters, digits and inner dashes. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

export { DEFAULT_SPACE_SETTINGS, DESK_POLICIES, JOIN_POLICIES, MEETUP_HOSTS, type SpaceSettings } from "../../../shared/spaceSettings";

export interface SpaceDoc {
  _id: Types.ObjectId;
  slug: string;
  name: string;
  activeMap: Types.ObjectId | null;
  activeMapVersion: number;
  settings: SpaceSettings;
  /**
   * True only for the default space a fresh install seeds: the first account
   * that signs up claims it (cleared atomically, so only one can).
   */
  needsOwner: boolean;
  /**
   * A space left without an owner on an install that has accounts: the
   * one-time setup link `npm start` printed (server/admin/ownerSetup.ts).
   * Only the token's SHA-256 is kept; redeeming it clears this atomically.
   */
  ownerSetup?: OwnerSetup | null;
  /**
   * Held while a change that counts owners runs (server/admin/ownerChangeLock.ts),
   * so processes sharing the database take turns; it lapses at `until` if its holder dies.
   */
  ownersLease?: { holder: string; until: Date } | null;
  createdAt: Date;
}

export interface OwnerSetup {
  tokenHash: string;
  expiresAt: Date;
}

const settingsSchema = new Schema<SpaceSettings>(
  {
    hearingRadiusTiles: { type: Number, default: D.hearingRadiusTiles, min: F.hearingRadiusTiles.min, max: F.hearingRadiusTiles.max },
    // Larger than hearing so a pair at the edge does not flicker in and out of a conversation.
    leaveRadiusTiles: { type: Number, default: D.leaveRadiusTiles, min: F.leaveRadiusTiles.min, max: F.leaveRadiusTiles.max },
    maxConversationSize: { type: Number, default: D.maxConversationSize, min: F.maxConversationSize.min, max: F.maxConversationSize.max },
    guestAccess: { type: Boolean, default: D.guestAccess },
    joinPolicy: { type: String, enum: JOIN_POLICIES, default: D.joinPolicy },
    meetupHosts: { type: String, enum: MEETUP_HOSTS, default: D.meetupHosts },
    deskPolicy: { type: String, enum: DESK_POLICIES, default: D.deskPolicy },
  },
  { _id: false },
);

const ownerSetupSchema = new Schema<OwnerSetup>(
  {
    tokenHash: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    expiresAt: { type: Date, required: true },
  },
  { _id: false },
);

const leaseSchema = new Schema<{ holder: string; until: Date }>(
  {
    holder: { type: String, required: true, maxlength: 64 },
    until: { type: Date, required: true },
  },
  { _id: false },
);

export const spaceSchema = new Schema<SpaceDoc>(
  {
    slug: { type: String, required: true, match: SLUG_PATTERN },
    name: { type: String, required: true, trim: true, maxlength: 80 },
    activeMap: { type: Schema.Types.ObjectId, ref: "Map", default: null },
    activeMapVersion: { type: Number, default: 0 },
    settings: { type: settingsSchema, default: () => ({}) },
    needsOwner: { type: Boolean, default: false },
    ownerSetup: { type: ownerSetupSchema, default: null },
    ownersLease: { type: leaseSchema, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);
spaceSchema.index({ slug: 1 }, { unique: true });

export type SpaceModel = Model<SpaceDoc>;

export function spaceModel(connection: Connection): SpaceModel {
  return (connection.models.Space as SpaceModel | undefined) ?? connection.model<SpaceDoc>("Space", spaceSchema);
}
