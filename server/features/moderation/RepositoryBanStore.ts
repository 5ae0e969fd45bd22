import type { Repositories } from "../../db/repositories";
import { toObjectId } from "../../db/repositories/objectIds";
import type { BanStore } from "../../deps";

/** Bans live on the membership (membership.banned), which sign-in and room joins already check. */
export class RepositoryBanStore implements BanStore {
  constructor(private readonly repos: Repositories) {}

  async setBanned(memberId: string, slug: string, banned: boolean): Promise<boolean> {
    const id = toObjectId(memberId);
    const space = await this.repos.spaces.findBySlug(slug);
    if (!id || !space) return false;
    // Through the ban repository, so a ban from the room also bars the browser the person used.
    return banned ? this.repos.bans.ban(id, space._id) : this.repos.bans.lift(id, space._id);
  }
}
