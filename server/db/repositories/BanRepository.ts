import type { Types } from "mongoose";
import type { Models } from "../models";
import type { MemberDoc } from "../models/Member";

/**
 * Bans: the membership's `banned` flag (which sign-in, joins and room entry
 * check) plus the browsers the banned member came in with, so the same person
 * cannot come back as a fresh guest from the same browser.
 */
export class BanRepository {
  constructor(private readonly models: Models) {}

  /** Bans the member in the space and every device they used; false when they hold no membership there. */
  async ban(memberId: Types.ObjectId, space: Types.ObjectId): Promise<boolean> {
    const member = await this.models.Member.findOneAndUpdate(
      { _id: memberId, "memberships.space": space },
      { $set: { "memberships.$.banned": true } },
      { returnDocument: "after" },
    )
      .lean<MemberDoc>()
      .exec();
    if (!member) return false;
    const devices = member.deviceIds ?? [];
    if (devices.length > 0) {
      // Upserts: banning twice is harmless.
      await this.models.DeviceBan.bulkWrite(
        devices.map((deviceId) => ({
          updateOne: {
            filter: { space, deviceId, member: memberId },
            update: { $setOnInsert: { space, deviceId, member: memberId, createdAt: new Date() } },
            upsert: true,
          },
        })),
      );
    }
    return true;
  }

  /** Lifts the member's ban and the device bans it made. */
  async lift(memberId: Types.ObjectId, space: Types.ObjectId): Promise<boolean> {
    const result = await this.models.Member.updateOne(
      { _id: memberId, "memberships.space": space },
      { $set: { "memberships.$.banned": false } },
    ).exec();
    await this.models.DeviceBan.deleteMany({ space, member: memberId }).exec();
    return result.matchedCount > 0;
  }

  /** Whether this browser was used by someone banned from the space. */
  async isDeviceBanned(space: Types.ObjectId, deviceId: string | null | undefined): Promise<boolean> {
    if (!deviceId) return false;
    return (await this.models.DeviceBan.countDocuments({ space, deviceId }).exec()) > 0;
  }

  async removeAllOf(space: Types.ObjectId): Promise<void> {
    await this.models.DeviceBan.deleteMany({ space }).exec();
  }
}
