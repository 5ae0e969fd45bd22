import type { PresenceStore, SavedPosition } from "../deps";
import type { Repositories } from "../db/repositories";
import { MembershipIds } from "./MembershipIds";

/**
 * Where each member last stood in each space, kept on their membership so a
 * rejoin (even after a server restart) puts them back. Ids that are not
 * database members (e.g. another identity provider's guests) are ignored.
 */
export class MongoPresenceStore implements PresenceStore {
  private readonly memberships: MembershipIds;

  constructor(private readonly repos: Repositories) {
    this.memberships = new MembershipIds(repos);
  }

  async load(memberId: string, space: string): Promise<SavedPosition | null> {
    const ids = await this.memberships.resolve(memberId, space);
    if (!ids) return null;
    const pos = await this.repos.members.loadPosition(ids.member, ids.space);
    return pos ? { x: pos.x, y: pos.y, facing: pos.facing } : null;
  }

  async save(memberId: string, space: string, position: SavedPosition): Promise<void> {
    const ids = await this.memberships.resolve(memberId, space);
    if (!ids || !Number.isFinite(position.x) || !Number.isFinite(position.y)) return;
    await this.repos.members.savePosition(ids.member, ids.space, position);
  }
}
