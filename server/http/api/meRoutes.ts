import { Router } from "express";
import { HttpError } from "../middleware/HttpError";
import { requireMember } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { profilePatch } from "./schemas";
import { memberView } from "./views";

/** /api/me: the signed-in member and the spaces they belong to. */
export function meRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get(
    "/",
    validated({}, async (_input, req, res) => {
      const member = requireMember(req);
      const spaces = await Promise.all(
        member.memberships.map(async (m) => {
          const space = await ctx.repos.spaces.findById(m.space);
          return space && { slug: space.slug, name: space.name, role: m.role, banned: m.banned };
        }),
      );
      res.json({ member: memberView(member), spaces: spaces.filter((s) => s !== null) });
    }),
  );

  router.patch(
    "/",
    validated({ body: profilePatch }, async ({ body }, req, res) => {
      const member = requireMember(req);
      const updated = await ctx.repos.members.updateProfile(member._id, body);
      if (!updated) throw new HttpError(401, "invalid session");
      res.json({ member: memberView(updated) });
    }),
  );

  return router;
}
