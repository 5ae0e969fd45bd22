import type { Repositories } from "../db/repositories";
import type { SpaceDoc } from "../db/models/Space";

/** What deleting a space takes with it, counted for the confirmation the admin page shows. */
export async function deletionSummary(repos: Repositories, space: SpaceDoc) {
  const [members, maps, invites] = await Promise.all([
    repos.members.listBySpace(space._id),
    repos.maps.list(space._id),
    repos.invites.list(space._id, 1000),
  ]);
  return { members: members.length, mapVersions: maps.length, invites: invites.length };
}

/**
 * Deletes a space and everything that belongs only to it: map versions,
 * invites, bans, chat, meetups, the audit log and everyone's membership
 * (accounts themselves stay). The space document goes first, so nobody can
 * join it while the rest is cleared.
 */
export async function deleteSpace(repos: Repositories, space: SpaceDoc): Promise<void> {
  await repos.spaces.remove(space._id);
  await Promise.all([
    repos.maps.removeAllOf(space._id),
    repos.invites.removeAllOf(space._id),
    repos.bans.removeAllOf(space._id),
    repos.audit.removeAllOf(space._id),
    repos.chat.removeAllOf(space.slug),
    repos.meetups.removeAllOf(space.slug),
    repos.members.removeAllMembershipsOf(space._id),
  ]);
}
