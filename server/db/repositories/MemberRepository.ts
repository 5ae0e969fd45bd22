import type { Types } from "mongoose";
import type { AvatarId, Facing } from "../../../shared/avatars";
import type { Role } from "../../deps";
import type { Models } from "../models";
import { MEMBER_DEVICES_MAX, type LastPosition, type MemberDoc, type Membership } from "../models/Member";
import { ConflictError, isDuplicateKeyError } from "./errors";
import { toObjectId } from "./objectIds";

export interface SpaceMember {
  id: string;
  displayName: string;
  avatar: AvatarId;
  role: Role;
  banned: boolean;
  guest: boolean;
  /** When they last entered or left the office, or joined the space; null if never. */
  lastSeenAt: Date | null;
  deskId: string | null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The member's membership in a space, if any. */
export function membershipIn(member: Pick<MemberDoc, "memberships">, space: Types.ObjectId): Membership | undefined {
  return member.memberships.find((m) => m.space.equals(space));
}

/**
 * Last seen: the later of joining the space and the position the office last saved (on leave and
 * periodically). Two fields, because mingo (the embedded store) refuses two `$` paths in one update.
 */
function latest(a: Date | null | undefined, b: Date | null | undefined): Date | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

export class MemberRepository {
  constructor(private readonly models: Models) {}

  findById(id: string | Types.ObjectId): Promise<MemberDoc | null> {
    const _id = toObjectId(id);
    return _id ? this.models.Member.findById(_id).lean<MemberDoc>().exec() : Promise.resolve(null);
  }

  findByEmail(email: string): Promise<MemberDoc | null> {
    return this.models.Member.findOne({ email: normalizeEmail(email) }).lean<MemberDoc>().exec();
  }

  /** Throws ConflictError when the email is already registered. */
  async createAccount(input: { email: string; passwordHash: string; displayName: string; avatar: AvatarId }): Promise<MemberDoc> {
    try {
      const doc = await this.models.Member.create({ ...input, email: normalizeEmail(input.email) });
      return doc.toObject();
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new ConflictError("an account with this email already exists");
      throw err;
    }
  }

  /** A guest is a member without email, belonging to the one space it entered (from the browser `deviceId`, when known). */
  async createGuest(input: { displayName: string; avatar: AvatarId; space: Types.ObjectId; deviceId?: string }): Promise<MemberDoc> {
    const doc = await this.models.Member.create({
      displayName: input.displayName,
      avatar: input.avatar,
      memberships: [{ space: input.space, role: "guest", lastSeenAt: new Date() }],
      deviceIds: input.deviceId ? [input.deviceId] : [],
    });
    return doc.toObject();
  }

  /** Replaces an account's password hash (a rehash with stronger parameters). */
  async setPasswordHash(id: Types.ObjectId, passwordHash: string): Promise<void> {
    await this.models.Member.updateOne({ _id: id, email: { $type: "string" } }, { $set: { passwordHash } }).exec();
  }

  updateProfile(id: Types.ObjectId, patch: { displayName?: string; avatar?: AvatarId; hearingTiles?: number }): Promise<MemberDoc | null> {
    return this.models.Member.findByIdAndUpdate(id, { $set: patch }, { returnDocument: "after", runValidators: true })
      .lean<MemberDoc>()
      .exec();
  }

  /** Adds a membership unless one exists; returns the member as it now is. */
  async addMembership(id: Types.ObjectId, space: Types.ObjectId, role: Role): Promise<MemberDoc | null> {
    await this.models.Member.updateOne(
      { _id: id, "memberships.space": { $ne: space } },
      { $push: { memberships: { space, role, status: { kind: "available", text: "" }, banned: false, lastSeenAt: new Date() } } },
    ).exec();
    return this.findById(id);
  }

  async setRole(id: Types.ObjectId, space: Types.ObjectId, role: Role): Promise<boolean> {
    const result = await this.models.Member.updateOne(
      { _id: id, "memberships.space": space },
      { $set: { "memberships.$.role": role } },
    ).exec();
    return result.matchedCount > 0;
  }

  /** Takes the member out of the space (their desk and saved spot go with the membership). */
  async removeMembership(id: Types.ObjectId, space: Types.ObjectId): Promise<boolean> {
    const result = await this.models.Member.updateOne({ _id: id, "memberships.space": space }, { $pull: { memberships: { space } } }).exec();
    return result.modifiedCount > 0;
  }

  /** Everyone's membership in a deleted space goes. */
  async removeAllMembershipsOf(space: Types.ObjectId): Promise<void> {
    await this.models.Member.updateMany({ "memberships.space": space }, { $pull: { memberships: { space } } }).exec();
  }

  /** Accounts on the server (members with an email; guests are not counted). */
  countAccounts(): Promise<number> {
    return this.models.Member.countDocuments({ email: { $type: "string" } }).exec();
  }

  countWithRole(space: Types.ObjectId, role: Role): Promise<number> {
    return this.models.Member.countDocuments({ memberships: { $elemMatch: { space, role } } }).exec();
  }

  /** Remembers the browser a member came in with (the newest few), so a ban can reach it. */
  async addDevice(id: Types.ObjectId, deviceId: string): Promise<void> {
    await this.models.Member.updateOne(
      { _id: id, deviceIds: { $ne: deviceId } },
      { $push: { deviceIds: { $each: [deviceId], $slice: -MEMBER_DEVICES_MAX } } },
    ).exec();
  }

  async touchLastSeen(id: Types.ObjectId, space: Types.ObjectId, at = new Date()): Promise<void> {
    await this.models.Member.updateOne({ _id: id, "memberships.space": space }, { $set: { "memberships.$.lastSeenAt": at } }).exec();
  }

  async setBanned(id: Types.ObjectId, space: Types.ObjectId, banned: boolean): Promise<boolean> {
    const result = await this.models.Member.updateOne(
      { _id: id, "memberships.space": space },
      { $set: { "memberships.$.banned": banned } },
    ).exec();
    return result.matchedCount > 0;
  }

  /** Everyone with a membership in the space, by display name. */
  async listBySpace(space: Types.ObjectId): Promise<SpaceMember[]> {
    const docs = await this.models.Member.find({ "memberships.space": space }, { displayName: 1, avatar: 1, email: 1, memberships: 1 })
      .sort({ displayName: 1 })
      .lean<MemberDoc[]>()
      .exec();
    return docs.flatMap((doc) => {
      const m = membershipIn(doc, space);
      return m
        ? [
            {
              id: doc._id.toHexString(),
              displayName: doc.displayName,
              avatar: doc.avatar,
              role: m.role,
              banned: m.banned,
              guest: !doc.email,
              lastSeenAt: latest(m.lastSeenAt, m.lastPosition?.updatedAt),
              deskId: m.deskId ?? null,
            },
          ]
        : [];
    });
  }

  async savePosition(id: Types.ObjectId, space: Types.ObjectId, pos: { x: number; y: number; facing: Facing }): Promise<void> {
    const lastPosition: LastPosition = { x: pos.x, y: pos.y, facing: pos.facing, updatedAt: new Date() };
    await this.models.Member.updateOne(
      { _id: id, "memberships.space": space },
      { $set: { "memberships.$.lastPosition": lastPosition } },
      { runValidators: true },
    ).exec();
  }

  /** The status a member chose in a space (issue 5); false when they have no membership there. */
  async saveStatus(id: Types.ObjectId, space: Types.ObjectId, status: { kind: string; text: string }): Promise<boolean> {
    const result = await this.models.Member.updateOne(
      { _id: id, "memberships.space": space },
      { $set: { "memberships.$.status": { kind: status.kind, text: status.text } } },
      { runValidators: true },
    ).exec();
    return result.matchedCount > 0;
  }

  /** Sets (or with null clears) the member's own desk in a space; false when they have no membership there. */
  async setDesk(id: Types.ObjectId, space: Types.ObjectId, deskId: string | null): Promise<boolean> {
    const result = await this.models.Member.updateOne(
      { _id: id, "memberships.space": space },
      { $set: { "memberships.$.deskId": deskId } },
    ).exec();
    return result.matchedCount > 0;
  }

  /** Every claimed desk in a space, with its owner's name. */
  async listDeskClaims(space: Types.ObjectId): Promise<Array<{ deskId: string; memberId: string; name: string }>> {
    const docs = await this.models.Member.find({ memberships: { $elemMatch: { space, deskId: { $type: "string" } } } }, { displayName: 1, memberships: 1 })
      .lean<MemberDoc[]>()
      .exec();
    return docs.flatMap((doc) => {
      const deskId = membershipIn(doc, space)?.deskId;
      return deskId ? [{ deskId, memberId: doc._id.toHexString(), name: doc.displayName }] : [];
    });
  }

  async loadPosition(id: Types.ObjectId, space: Types.ObjectId): Promise<LastPosition | null> {
    const member = await this.findById(id);
    return (member && membershipIn(member, space)?.lastPosition) || null;
  }
}
