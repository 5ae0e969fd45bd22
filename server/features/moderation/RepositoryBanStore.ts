import type { Repositories } from "../../db/repositories";
import { toObjectId } from "../../db/repositories/objectIds";
import type { BanStore } from "../../deps";

/** Bans live on the membership (membership.banned), which sign-in and room joins already check. */
export class RepositoryBanStore implements BanStore {
  constructor(private readonly repos: Repositories) {}

  async setBanned(memberId: string, slug: string, banned: boolean, byMemberId?: string): Promise<boolean> {
    const id = toObjectId(memberId);
    const space = await this.repos.spaces.findBySlug(slug);
    if (!id || !space) return false;
    // Through the ban repository, so a ban from the room also bars the browser the person used.
    const done = banned ? await this.repos.bans.ban(id, space._id) : await this.repos.bans.lift(id, space._id);
    if (done) {
      const [target, actor] = await Promise.all([this.repos.members.findById(id), byMemberId ? this.repos.members.findById(byMemberId) : null]);
      await this.repos.audit.record({
        space: space._id,
        actor,
        action: banned ? "member.ban" : "member.unban",
        target: target?.displayName ?? memberId,
        detail: "in the office",
      });
    }
    return done;
  }
}
