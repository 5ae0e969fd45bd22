import type { Types } from "mongoose";
import type { Repositories } from "../db/repositories";
import { toObjectId } from "../db/repositories/objectIds";

export interface MembershipKey {
  member: Types.ObjectId;
  space: Types.ObjectId;
}

/**
 * Turns a room's (member id, space slug) into the database ids of a
 * membership. Slugs never change, so each space's id is looked up once.
 * Null for ids that are not database members (another identity provider's
 * guests) and for unknown spaces.
 */
export class MembershipIds {
  private readonly spaceIds = new Map<string, Types.ObjectId>();

  constructor(private readonly repos: Repositories) {}

  /** Remembers a space's id found some other way (saves a lookup). */
  remember(slug: string, id: Types.ObjectId): void {
    this.spaceIds.set(slug, id);
  }

  async resolve(memberId: string, slug: string): Promise<MembershipKey | null> {
    const member = toObjectId(memberId);
    if (!member) return null;
    let space = this.spaceIds.get(slug);
    if (!space) {
      space = (await this.repos.spaces.findBySlug(slug))?._id;
      if (!space) return null;
      this.spaceIds.set(slug, space);
    }
    return { member, space };
  }
}
