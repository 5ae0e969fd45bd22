import { Router } from "express";
import { z } from "zod";
import { redeemOwnerSetup } from "../../admin/redeemOwnerSetup";
import { HttpError } from "../middleware/HttpError";
import { findSpaceOr404, issueSession, requireAccount } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { slugParams } from "./schemas";
import { spaceView } from "./views";

const setupBody = z.strictObject({ token: z.string().min(1, "must not be empty").max(128, "is too long to be a setup link") });

/**
 * POST /api/spaces/:slug/owner-setup {token}: an account becomes the owner of
 * a space left without one, with the one-time link `npm start` printed
 * (server/admin/offerOwnerSetup.ts). Signed-in accounts only.
 */
export function ownerSetupRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.post(
    "/:slug/owner-setup",
    validated({ params: slugParams, body: setupBody }, async ({ params, body }, req, res) => {
      const member = requireAccount(req);
      const space = await findSpaceOr404(ctx, params.slug);
      const outcome = await redeemOwnerSetup(ctx.repos, space, member, body.token);
      if (!outcome.ok) throw new HttpError(outcome.status, outcome.reason);
      const updated = await ctx.repos.members.findById(member._id);
      // The new session names the space, so the office admits its owner without signing in again.
      if (updated) await issueSession(ctx, req, res, updated, { current: space.slug });
      await ctx.officeChanged?.(space.slug, { memberId: member._id.toHexString(), role: "owner" });
      res.json({ space: spaceView(outcome.space, "owner") });
    }),
  );

  return router;
}
