import type { Repositories } from "../db/repositories";
import type { MemberDoc } from "../db/models/Member";
import type { SpaceDoc } from "../db/models/Space";

/**
 * A fresh install seeds its default space without an owner; the first account
 * that signs up becomes it. The claim is one conditional update on the space
 * (needsOwner true → false), so of any number of sign-ups racing, exactly one
 * wins; the others become ordinary accounts. Returns the space claimed, or null.
 */
export async function claimFirstOwner(repos: Repositories, member: MemberDoc): Promise<SpaceDoc | null> {
  const space = await repos.spaces.claimOwnership();
  if (!space) return null;
  try {
    const updated = await repos.members.addMembership(member._id, space._id, "owner");
    // addMembership leaves an existing membership alone; make sure it is the owner's.
    if (updated && !updated.memberships.some((m) => m.space.equals(space._id) && m.role === "owner")) {
      await repos.members.setRole(member._id, space._id, "owner");
    }
    await repos.audit.record({
      space: space._id,
      actor: member,
      action: "owner.claim",
      target: member.displayName,
      detail: "became owner as the first account on this server",
    });
  } catch (err) {
    // The space must not stay ownerless for good: let the next sign-up try again.
    await repos.spaces.releaseOwnership(space._id);
    throw err;
  }
  return space;
}
