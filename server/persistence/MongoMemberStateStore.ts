import type { DeskClaim, MemberStateStore, SavedStatus } from "../deps";
import type { Repositories } from "../db/repositories";
import { membershipIn } from "../db/repositories/MemberRepository";
import { MembershipIds } from "./MembershipIds";

/**
 * Chosen statuses and "my desk" claims, kept on each member's membership of a
 * space so they survive reconnects and restarts. Ids that are not database
 * members are ignored (loads give nothing, saves report false).
 */
export class MongoMemberStateStore implements MemberStateStore {
  private readonly memberships: MembershipIds;

  constructor(private readonly repos: Repositories) {
    this.memberships = new MembershipIds(repos);
  }

  async loadStatus(memberId: string, space: string): Promise<SavedStatus | null> {
    const ids = await this.memberships.resolve(memberId, space);
    if (!ids) return null;
    const member = await this.repos.members.findById(ids.member);
    const status = member && membershipIn(member, ids.space)?.status;
    return status ? { kind: status.kind, text: status.text } : null;
  }

  async saveStatus(memberId: string, space: string, status: SavedStatus): Promise<void> {
    const ids = await this.memberships.resolve(memberId, space);
    if (ids) await this.repos.members.saveStatus(ids.member, ids.space, status);
  }

  async loadDesks(space: string): Promise<{ policy: "anyone" | "admins"; claims: DeskClaim[] }> {
    const doc = await this.repos.spaces.findBySlug(space);
    if (!doc) return { policy: "anyone", claims: [] };
    this.memberships.remember(space, doc._id);
    return { policy: doc.settings?.deskPolicy ?? "anyone", claims: await this.repos.members.listDeskClaims(doc._id) };
  }

  async setDesk(memberId: string, space: string, deskId: string | null): Promise<boolean> {
    const ids = await this.memberships.resolve(memberId, space);
    return ids ? this.repos.members.setDesk(ids.member, ids.space, deskId) : false;
  }
}
