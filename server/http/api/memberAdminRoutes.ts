import { Router } from "express";
import { z } from "zod";
import { removalRefusal, roleChangeRefusal } from "../../../shared/admin/roleRules";
import { OwnerChangeLock } from "../../admin/ownerChangeLock";
import { membershipIn } from "../../db/repositories/MemberRepository";
import { publishRemoval } from "../../features/moderation/moderationChannel";
import { HttpError } from "../middleware/HttpError";
import { requireSpaceRole, type SpaceAccess } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { memberParams, roleBody, slugParams } from "./schemas";
import type { MemberDoc, Membership } from "../../db/models/Member";

const handoverBody = z.strictObject({ memberId: z.string().regex(/^[0-9a-f]{24}$/, "must be an id") });

/**
 * Managing a space's people (owners and admins): change a role, hand over
 * ownership, take someone out of the space. The rules live in
 * shared/admin/roleRules; changes that count owners run one at a time per space.
 * Bans and kicks: features/moderation/moderationRoutes.
 */
export function memberAdminRoutes(ctx: ApiContext): Router {
  const router = Router();
  // One per router, i.e. per process; the lease it takes in the database covers the other processes.
  const ownersLock = new OwnerChangeLock(ctx.repos.spaces);
  const withSpaceLock = <T>(slug: string, work: () => Promise<T>) => ownersLock.run(slug, work);

  /** The target's record and membership in the caller's space, or 404. */
  async function targetIn(access: SpaceAccess, memberId: string): Promise<{ target: MemberDoc; membership: Membership }> {
    const target = await ctx.repos.members.findById(memberId);
    const membership = target && membershipIn(target, access.space._id);
    if (!target || !membership) throw new HttpError(404, "no such member in this space");
    return { target, membership };
  }

  router.put(
    "/:slug/members/:memberId/role",
    validated({ params: memberParams, body: roleBody }, async ({ params, body }, req, res) => {
      const changed = await withSpaceLock(params.slug, async () => {
        // Read inside the lock, so the caller's role and the owner count are the ones this change applies to.
        const access = await requireSpaceRole(ctx, req, params.slug, "admin", { fresh: true });
        const { target, membership } = await targetIn(access, params.memberId);
        if (body.role !== "guest" && !target.email) throw new HttpError(400, "a guest has no account: only accounts can be members, admins or owners");
        const owners = await ctx.repos.members.countWithRole(access.space._id, "owner");
        const refusal = roleChangeRefusal({
          actor: access.membership.role,
          target: membership.role,
          to: body.role,
          isSelf: target._id.equals(access.member._id),
          owners,
        });
        if (refusal) throw new HttpError(membership.role === body.role ? 400 : 403, refusal);
        await ctx.repos.members.setRole(target._id, access.space._id, body.role);
        await ctx.repos.audit.record({
          space: access.space._id,
          actor: access.member,
          action: "member.role",
          target: target.displayName,
          detail: `${membership.role} → ${body.role}`,
        });
        return { role: body.role, space: access.space.slug };
      });
      // Whoever is in the office now gets the new role at once (their controls, everyone's list).
      await ctx.officeChanged?.(changed.space, { memberId: params.memberId, role: changed.role });
      res.json({ memberId: params.memberId, role: changed.role });
    }),
  );

  router.post(
    "/:slug/handover",
    validated({ params: slugParams, body: handoverBody }, async ({ params, body }, req, res) => {
      const handed = await withSpaceLock(params.slug, async () => {
        const access = await requireSpaceRole(ctx, req, params.slug, "owner", { fresh: true });
        const { target, membership } = await targetIn(access, body.memberId);
        if (target._id.equals(access.member._id)) throw new HttpError(400, "you are the owner already");
        if (!target.email) throw new HttpError(400, "a guest has no account: hand the space to someone with an account");
        if (membership.banned) throw new HttpError(400, "lift their ban first");
        // The new owner first, so the space is never without one.
        await ctx.repos.members.setRole(target._id, access.space._id, "owner");
        await ctx.repos.members.setRole(access.member._id, access.space._id, "admin");
        await ctx.repos.audit.record({
          space: access.space._id,
          actor: access.member,
          action: "owner.handover",
          target: target.displayName,
          detail: `handed ownership to ${target.displayName} and became an admin`,
        });
        return { space: access.space.slug, from: access.member._id.toHexString(), to: target._id.toHexString() };
      });
      await ctx.officeChanged?.(handed.space, { memberId: handed.to, role: "owner" });
      await ctx.officeChanged?.(handed.space, { memberId: handed.from, role: "admin" });
      res.status(204).end();
    }),
  );

  router.delete(
    "/:slug/members/:memberId",
    validated({ params: memberParams }, async ({ params }, req, res) => {
      await withSpaceLock(params.slug, async () => {
        const access = await requireSpaceRole(ctx, req, params.slug, "admin", { fresh: true });
        const { target, membership } = await targetIn(access, params.memberId);
        const owners = await ctx.repos.members.countWithRole(access.space._id, "owner");
        const isSelf = target._id.equals(access.member._id);
        const refusal = removalRefusal(access.membership.role, membership.role, isSelf, owners);
        if (refusal) throw new HttpError(403, refusal);
        // A banned person stays listed (banned) so the ban can hold; lift it first to remove them.
        if (membership.banned) throw new HttpError(409, "this person is banned: lift the ban to remove them");
        await ctx.repos.members.removeMembership(target._id, access.space._id);
        await ctx.repos.audit.record({
          space: access.space._id,
          actor: access.member,
          action: "member.remove",
          target: target.displayName,
          detail: `removed ${target.displayName} (${membership.role}) from the space`,
        });
        await publishRemoval(access.space.slug, {
          memberId: target._id.toHexString(),
          banned: false,
          reason: "You were removed from this office",
        });
      });
      res.status(204).end();
    }),
  );

  return router;
}
