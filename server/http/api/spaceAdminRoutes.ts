import { Router } from "express";
import { deleteSpace, deletionSummary } from "../../admin/deleteSpace";
import { publishRemoval } from "../../features/moderation/moderationChannel";
import { HttpError } from "../middleware/HttpError";
import { requireSpaceRole } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { deleteSpaceBody, slugParams } from "./schemas";

/** Deleting a space (its owners), after a look at what goes with it. */
export function spaceAdminRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get(
    "/:slug/deletion",
    validated({ params: slugParams }, async ({ params }, req, res) => {
      const { space } = await requireSpaceRole(ctx, req, params.slug, "owner");
      res.json({ slug: space.slug, name: space.name, ...(await deletionSummary(ctx.repos, space)) });
    }),
  );

  router.delete(
    "/:slug",
    validated({ params: slugParams, body: deleteSpaceBody }, async ({ params, body }, req, res) => {
      const { space } = await requireSpaceRole(ctx, req, params.slug, "owner");
      // The caller types the slug: a stray request (or a misclick) cannot delete an office.
      if (body.confirm !== space.slug) throw new HttpError(400, `to delete, confirm with the space's slug "${space.slug}"`);
      const members = await ctx.repos.members.listBySpace(space._id);
      await deleteSpace(ctx.repos, space);
      await Promise.all(
        members.map((m) => publishRemoval(space.slug, { memberId: m.id, banned: false, reason: "This office was deleted by its owner" })),
      );
      res.status(204).end();
    }),
  );

  return router;
}
