import { Router, type Request } from "express";
import { createSpaceWithMap } from "../../db/repositories/createSpaceWithMap";
import { membershipIn } from "../../db/repositories/MemberRepository";
import type { Role } from "../../deps";
import { HttpError } from "../middleware/HttpError";
import { clientAddress } from "../middleware/clientAddress";
import { findSpaceOr404, issueSession, mayLookInto, optionalMember, requireAccount, requireMember, requireSpaceRole } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { createSpaceBody, inviteBody, joinBody, settingsPatch, slugParams } from "./schemas";
import { spaceView } from "./views";

/** /api/spaces: creating spaces, their settings, joining, members and invites. */
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
      // A space that admits no guests shows outsiders only its name and that fact (for the join page).
      if (!mayLookInto(space, member)) {
        res.json({ space: { slug: space.slug, name: space.name, settings: { guestAccess: false }, role: null } });
        return;
      }
      res.json({ space: spaceView(space, membership && !membership.banned ? membership.role : null) });
    }),
  );

  router.patch(
    "/:slug/settings",
    validated({ params: slugParams, body: settingsPatch }, async ({ params, body }, req, res) => {
      const { space, membership } = await requireSpaceRole(ctx, req, params.slug, "admin");
      const merged = { ...space.settings, ...body };
      if (merged.leaveRadiusTiles < merged.hearingRadiusTiles) {
        throw new HttpError(400, "invalid request body", [
          { path: "leaveRadiusTiles", message: "must be at least hearingRadiusTiles, so conversations do not flicker" },
        ]);
      }
      const updated = await ctx.repos.spaces.updateSettings(space.slug, body);
      if (!updated) throw new HttpError(404, `no space "${params.slug}"`);
      await ctx.officeChanged?.(space.slug, "settings");
      res.json({ space: spaceView(updated, membership.role) });
    }),
  );

  router.post(
    "/:slug/join",
    validated({ params: slugParams, body: joinBody.optional() }, async ({ params, body }, req, res) => {
      const member = requireMember(req);
      const space = await findSpaceOr404(ctx, params.slug);
      const existing = membershipIn(member, space._id);
      if (existing?.banned) throw new HttpError(403, "banned from this space");
      let role: Role | undefined = existing?.role;
      if (!existing) {
        if (body?.invite) {
          const invite = await ctx.repos.invites.redeem(body.invite, space._id);
          if (!invite) throw new HttpError(403, "this invite is not valid for this space or has expired");
          role = invite.role;
        } else if (member.email) {
          role = "member";
        } else if (space.settings.guestAccess) {
          role = "guest";
        } else {
          throw new HttpError(403, "this space does not admit guests");
        }
      }
      const updated = existing ? member : await ctx.repos.members.addMembership(member._id, space._id, role!);
      if (!updated) throw new HttpError(401, "invalid session");
      await issueSession(ctx, req, res, updated, { current: space.slug });
      res.json({ space: spaceView(space, membershipIn(updated, space._id)?.role ?? role ?? null) });
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

  router.post(
    "/:slug/invites",
    validated({ params: slugParams, body: inviteBody }, async ({ params, body }, req, res) => {
      const { space, member, membership } = await requireSpaceRole(ctx, req, params.slug, "admin");
      if (body.role === "admin" && membership.role !== "owner") throw new HttpError(403, "only the owner can invite admins");
      const expiresAt = body.expiresInHours ? new Date(Date.now() + body.expiresInHours * 3_600_000) : null;
      const { token } = await ctx.repos.invites.create({ space: space._id, role: body.role, createdBy: member._id, expiresAt });
      const url = `${baseUrl(ctx, req)}/?space=${encodeURIComponent(space.slug)}&invite=${encodeURIComponent(token)}`;
      res.status(201).json({ url, token, role: body.role, expiresAt });
    }),
  );

  return router;
}

function baseUrl(ctx: ApiContext, req: Request): string {
  return (ctx.publicUrl ?? `${req.protocol}://${req.get("host") ?? "localhost"}`).replace(/\/+$/, "");
}
