import { Router } from "express";
import { requireSpaceRole } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { auditQuery, slugParams } from "./schemas";
import { auditView } from "./views";

const PAGE = 100;

/** GET /api/spaces/:slug/audit: the space's admin actions, newest first, a page at a time (owners and admins). */
export function auditRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get(
    "/:slug/audit",
    validated({ params: slugParams, query: auditQuery }, async ({ params, query }, req, res) => {
      const { space } = await requireSpaceRole(ctx, req, params.slug, "admin");
      const entries = await ctx.repos.audit.list(space._id, PAGE, query.before ? new Date(query.before) : undefined);
      res.json({ entries: entries.map(auditView), more: entries.length === PAGE });
    }),
  );
  return router;
}
