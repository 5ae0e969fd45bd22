import { Schema, type Connection, type Model, type Types } from "mongoose";

/** Slugs appear in URLs and room names: lowercase letters, digits and inner dashes. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/;

export const MEETUP_HOSTS = ["anyone", "members", "admins"] as const;
export const DESK_POLICIES = ["anyone", "admins"] as const;

export interface SpaceSettings {
  hearingRadiusTiles: number;
  leaveRadiusTiles: number;
  maxConversationSize: number;
  guestAccess: boolean;
  meetupHosts: (typeof MEETUP_HOSTS)[number];
  deskPolicy: (typeof DESK_POLICIES)[number];
}

export const DEFAULT_SPACE_SETTINGS: Readonly<SpaceSettings> = {
  hearingRadiusTiles: 3,
  leaveRadiusTiles: 4.5,
  maxConversationSize: 6,
  guestAccess: true,
  meetupHosts: "members",
  deskPolicy: "anyone",
};

export interface SpaceDoc {
  _id: Types.ObjectId;
  slug: string;
  name: string;
  activeMap: Types.ObjectId | null;
  activeMapVersion: number;
  settings: SpaceSettings;
  createdAt: Date;
}

const settingsSchema = new Schema<SpaceSettings>(
  {
    hearingRadiusTiles: { type: Number, default: 3, min: 1, max: 10 },
    // Larger than hearing so a pair at the edge does not flicker in and out of a conversation.
    leaveRadiusTiles: { type: Number, default: 4.5, min: 1, max: 15 },
    maxConversationSize: { type: Number, default: 6, min: 2, max: 12 },
    guestAccess: { type: Boolean, default: true },
    meetupHosts: { type: String, enum: MEETUP_HOSTS, default: "members" },
    deskPolicy: { type: String, enum: DESK_POLICIES, default: "anyone" },
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
    createdAt: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);
spaceSchema.index({ slug: 1 }, { unique: true });

export type SpaceModel = Model<SpaceDoc>;

export function spaceModel(connection: Connection): SpaceModel {
  return (connection.models.Space as SpaceModel | undefined) ?? connection.model<SpaceDoc>("Space", spaceSchema);
}
