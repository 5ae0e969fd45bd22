import { Router } from "express";
import { admitAccount, admitGuest, refund } from "../../admin/admission";
import { describeSettingsChange } from "../../admin/describeChange";
import { ensureDevice } from "../../auth/deviceCookie";
import { createSpaceWithMap } from "../../db/repositories/createSpaceWithMap";
import { membershipIn } from "../../db/repositories/MemberRepository";
import { settingMessages } from "../../../shared/spaceSettings";
import { HttpError } from "../middleware/HttpError";
import { clientAddress } from "../middleware/clientAddress";
import { findSpaceOr404, issueSession, mayLookInto, optionalMember, requireAccount, requireMember, requireSpaceRole } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { createSpaceBody, joinBody, settingsPatch, slugParams } from "./schemas";
import { spaceView } from "./views";

/** /api/spaces: creating spaces, their settings, joining and members (invites: inviteRoutes; admin: memberAdminRoutes). */
export function spaceRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.post(
    "/",
    validated({ body: createSpaceBody }, async ({ body }, req, res) => {
      const owner = requireAccount(req);
      const perAccount = ctx.limits.spacesByAccount.attempt(owner._id.toHexString());
      if (perAccount > 0) throw HttpError.tooMany("too many new spaces from this account", perAccount);
      const perAddress = ctx.limits.spacesByAddress.attempt(clientAddress(req));
      if (perAddress > 0) throw HttpError.tooMany("too many new spaces from this address", perAddress);
      const { tiled, map } = await ctx.defaultMap();
      const space = await createSpaceWithMap(ctx.repos, { ...body, tiled, map, mapName: "office", owner: owner._id });
      await ctx.repos.audit.record({ space: space._id, actor: owner, action: "space.create", target: space.name, detail: `created "${space.slug}"` });
      const updated = await ctx.repos.members.findById(owner._id);
      if (updated) await issueSession(ctx, req, res, updated, { current: space.slug });
      res.status(201).json({ space: spaceView(space, "owner") });
    }),
  );

  router.get(
    "/:slug",
    validated({ params: slugParams }, async ({ params }, req, res) => {
      const space = await findSpaceOr404(ctx, params.slug);
      const member = optionalMember(req);
      const membership = member && membershipIn(member, space._id);
      // A space closed to guests or invite-only shows outsiders only its name and whether
      // guests may come (the join page needs that; an invite-only one still takes guest invites).
      if (!mayLookInto(space, member)) {
        res.json({ space: { slug: space.slug, name: space.name, settings: { guestAccess: space.settings.guestAccess }, role: null } });
        return;
      }
      res.json({ space: { ...spaceView(space, membership && !membership.banned ? membership.role : null), awaitingOwner: space.needsOwner === true } });
    }),
  );

  router.patch(
    "/:slug/settings",
    validated({ params: slugParams, body: settingsPatch }, async ({ params, body }, req, res) => {
      const { space, member, membership } = await requireSpaceRole(ctx, req, params.slug, "admin");
      const merged = { ...space.settings, ...body };
      if (merged.leaveRadiusTiles < merged.hearingRadiusTiles) {
        throw new HttpError(400, "invalid request body", [
          { path: "leaveRadiusTiles", message: settingMessages.leaveBelowHearing },
        ]);
      }
      const updated = await ctx.repos.spaces.updateSettings(space.slug, body);
      if (!updated) throw new HttpError(404, `no space "${params.slug}"`);
      await ctx.repos.audit.record({ space: space._id, actor: member, action: "settings.change", detail: describeSettingsChange(space.settings, body) });
      await ctx.officeChanged?.(space.slug, "settings");
      res.json({ space: spaceView(updated, membership.role) });
    }),
  );

  router.post(
    "/:slug/join",
    validated({ params: slugParams, body: joinBody.optional() }, async ({ params, body }, req, res) => {
      const member = requireMember(req);
      const space = await findSpaceOr404(ctx, params.slug);
      const deviceId = ensureDevice(req, res, ctx.deviceSecret, ctx.cookieSecure);
      const existing = membershipIn(member, space._id);
      if (existing?.banned) throw new HttpError(403, "banned from this space");
      let updated = member;
      if (!existing) {
        const admitted = member.email
          ? await admitAccount(ctx.repos, member, space, body?.invite, deviceId)
          : { role: "guest" as const, ...(await admitGuest(ctx.repos, space, body?.invite, deviceId)) };
        const added = await ctx.repos.members.addMembership(member._id, space._id, admitted.role).catch(async (err: unknown) => {
          await refund(ctx.repos, admitted.invite);
          throw err;
        });
        if (!added) throw new HttpError(401, "invalid session");
        updated = added;
        if (admitted.invite) {
          await ctx.repos.audit.record({ space: space._id, actor: member, action: "invite.use", target: member.displayName, detail: `joined as ${admitted.role} with an invite` });
        }
      } else {
        await ctx.repos.members.touchLastSeen(member._id, space._id);
      }
      await ctx.repos.members.addDevice(member._id, deviceId);
      await issueSession(ctx, req, res, updated, { current: space.slug });
      res.json({ space: spaceView(space, membershipIn(updated, space._id)?.role ?? null) });
    }),
  );

  router.get(
    "/:slug/members",
    validated({ params: slugParams }, async ({ params }, req, res) => {
      const { space, membership } = await requireSpaceRole(ctx, req, params.slug, "guest");
      const all = await ctx.repos.members.listBySpace(space._id);
      // Only admins see who has been banned.
      const admin = membership.role === "owner" || membership.role === "admin";
      const members = admin ? all : all.filter((m) => !m.banned).map(({ banned: _banned, ...rest }) => rest);
      res.json({ members });
    }),
  );

  return router;
}
