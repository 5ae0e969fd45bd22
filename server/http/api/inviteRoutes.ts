import { Router, type Request } from "express";
import { HttpError } from "../middleware/HttpError";
import { requireSpaceRole } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { inviteBody, inviteParams, slugParams } from "./schemas";
import { inviteView } from "./views";

/** /api/spaces/:slug/invites: creating, listing and revoking invite links (owners and admins). */
export function inviteRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.post(
    "/:slug/invites",
    validated({ params: slugParams, body: inviteBody }, async ({ params, body }, req, res) => {
      const { space, member, membership } = await requireSpaceRole(ctx, req, params.slug, "admin");
      if (body.role === "admin" && membership.role !== "owner") throw new HttpError(403, "only the owner can invite admins");
      const expiresAt = body.expiresInHours ? new Date(Date.now() + body.expiresInHours * 3_600_000) : null;
      const { token, invite } = await ctx.repos.invites.create({
        space: space._id,
        role: body.role,
        createdBy: member._id,
        expiresAt,
        maxUses: body.maxUses,
      });
      const url = `${baseUrl(ctx, req)}/?space=${encodeURIComponent(space.slug)}&invite=${encodeURIComponent(token)}`;
      const uses = invite.maxUses === 1 ? "single use" : `${invite.maxUses} uses`;
      const until = expiresAt ? `, expires ${expiresAt.toISOString()}` : ", no expiry";
      await ctx.repos.audit.record({ space: space._id, actor: member, action: "invite.create", target: body.role, detail: `${body.role} invite, ${uses}${until}` });
      // The token is shown this once; the database keeps only its hash.
      res.status(201).json({ url, token, role: body.role, expiresAt, invite: inviteView(invite) });
    }),
  );

  router.get(
    "/:slug/invites",
    validated({ params: slugParams }, async ({ params }, req, res) => {
      const { space } = await requireSpaceRole(ctx, req, params.slug, "admin");
      const invites = await ctx.repos.invites.list(space._id);
      res.json({ invites: invites.map((i) => inviteView(i)) });
    }),
  );

  router.delete(
    "/:slug/invites/:inviteId",
    validated({ params: inviteParams }, async ({ params }, req, res) => {
      const { space, member } = await requireSpaceRole(ctx, req, params.slug, "admin");
      const revoked = await ctx.repos.invites.revoke(space._id, params.inviteId);
      if (!revoked) {
        const found = await ctx.repos.invites.findById(space._id, params.inviteId);
        throw found ? new HttpError(409, "this invite was already revoked") : new HttpError(404, "no such invite in this space");
      }
      await ctx.repos.audit.record({ space: space._id, actor: member, action: "invite.revoke", target: revoked.role, detail: `revoked a ${revoked.role} invite used ${revoked.uses} of ${revoked.maxUses} times` });
      res.json({ invite: inviteView(revoked) });
    }),
  );

  return router;
}

function baseUrl(ctx: ApiContext, req: Request): string {
  return (ctx.publicUrl ?? `${req.protocol}://${req.get("host") ?? "localhost"}`).replace(/\/+$/, "");
}
