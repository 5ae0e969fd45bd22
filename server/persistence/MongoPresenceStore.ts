import type { Types } from "mongoose";
import type { PresenceStore, SavedPosition } from "../deps";
import type { Repositories } from "../db/repositories";
import { toObjectId } from "../db/repositories/objectIds";

/**
 * Where each member last stood in each space, kept on their membership so a
 * rejoin (even after a server restart) puts them back. Ids that are not
 * database members (e.g. another identity provider's guests) are ignored.
 */
export class MongoPresenceStore implements PresenceStore {
  private readonly spaceIds = new Map<string, Types.ObjectId>();

  constructor(private readonly repos: Repositories) {}

  async load(memberId: string, space: string): Promise<SavedPosition | null> {
    const ids = await this.ids(memberId, space);
    if (!ids) return null;
    const pos = await this.repos.members.loadPosition(ids.member, ids.space);
    return pos ? { x: pos.x, y: pos.y, facing: pos.facing } : null;
  }

  async save(memberId: string, space: string, position: SavedPosition): Promise<void> {
    const ids = await this.ids(memberId, space);
    if (!ids || !Number.isFinite(position.x) || !Number.isFinite(position.y)) return;
    await this.repos.members.savePosition(ids.member, ids.space, position);
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
