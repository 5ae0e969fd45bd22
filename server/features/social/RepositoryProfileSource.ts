import type { AvatarId } from "../../../shared/avatars";
import type { Repositories } from "../../db/repositories";
import type { ProfileSource } from "../../deps";

/** A person's name and look as their member record holds them (changed only through PATCH /api/me). */
export class RepositoryProfileSource implements ProfileSource {
  constructor(private readonly repos: Repositories) {}

  async profile(memberId: string): Promise<{ name: string; avatar: AvatarId } | null> {
    const member = await this.repos.members.findById(memberId);
    return member ? { name: member.displayName, avatar: member.avatar as AvatarId } : null;
  }
}
