import type { Types } from "mongoose";
import type { DeskClaim, MemberStateStore, SavedStatus } from "../deps";
import type { Repositories } from "../db/repositories";
import { membershipIn } from "../db/repositories/MemberRepository";
import { toObjectId } from "../db/repositories/objectIds";

/**
 * Chosen statuses and "my desk" claims, kept on each member's membership of a
 * space so they survive reconnects and restarts. Ids that are not database
 * members are ignored (loads give nothing, saves report false).
 */
export class MongoMemberStateStore implements MemberStateStore {
  private readonly spaceIds = new Map<string, Types.ObjectId>();

  constructor(private readonly repos: Repositories) {}

  async loadStatus(memberId: string, space: string): Promise<SavedStatus | null> {
    const ids = await this.ids(memberId, space);
    if (!ids) return null;
    const member = await this.repos.members.findById(ids.member);
    const status = member && membershipIn(member, ids.space)?.status;
    return status ? { kind: status.kind, text: status.text } : null;
  }

  async saveStatus(memberId: string, space: string, status: SavedStatus): Promise<void> {
    const ids = await this.ids(memberId, space);
    if (ids) await this.repos.members.saveStatus(ids.member, ids.space, status);
  }

  async loadDesks(space: string): Promise<{ policy: "anyone" | "admins"; claims: DeskClaim[] }> {
    const doc = await this.repos.spaces.findBySlug(space);
    if (!doc) return { policy: "anyone", claims: [] };
    this.spaceIds.set(space, doc._id);
    return { policy: doc.settings?.deskPolicy ?? "anyone", claims: await this.repos.members.listDeskClaims(doc._id) };
  }

  async setDesk(memberId: string, space: string, deskId: string | null): Promise<boolean> {
    const ids = await this.ids(memberId, space);
    return ids ? this.repos.members.setDesk(ids.member, ids.space, deskId) : false;
  }

  private async ids(memberId: string, slug: string): Promise<{ member: Types.ObjectId; space: Types.ObjectId } | null> {
    const member = toObjectId(memberId);
    if (!member) return null;
    // Slugs never change, so a space's id can be remembered.
    let space = this.spaceIds.get(slug);
    if (!space) {
      space = (await this.repos.spaces.findBySlug(slug))?._id;
      if (!space) return null;
      this.spaceIds.set(slug, space);
    }
    return { member, space };
  }
}
