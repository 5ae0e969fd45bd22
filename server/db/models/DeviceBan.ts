import { Schema, type Connection, type Model, type Types } from "mongoose";

/**
 * A browser (its signed device cookie) barred from a space because a member
 * who used it was banned there: a new guest from the same browser is refused.
 * Lifting the member's ban removes the entries it made.
 */
export interface DeviceBanDoc {
  _id: Types.ObjectId;
  space: Types.ObjectId;
  deviceId: string;
  /** The banned member whose browser this was. */
  member: Types.ObjectId;
  createdAt: Date;
}

export const deviceBanSchema = new Schema<DeviceBanDoc>(
  {
    space: { type: Schema.Types.ObjectId, ref: "Space", required: true },
    deviceId: { type: String, required: true, match: /^[A-Za-z0-9_-]{16,64}$/ },
    member: { type: Schema.Types.ObjectId, ref: "Member", required: true },
    createdAt: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);
deviceBanSchema.index({ space: 1, deviceId: 1, member: 1 }, { unique: true });
deviceBanSchema.index({ space: 1, member: 1 });

export type DeviceBanModel = Model<DeviceBanDoc>;

export function deviceBanModel(connection: Connection): DeviceBanModel {
  return (connection.models.DeviceBan as DeviceBanModel | undefined) ?? connection.model<DeviceBanDoc>("DeviceBan", deviceBanSchema);
}
