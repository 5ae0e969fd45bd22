import { Router, type Request } from "express";
import { z } from "zod";
import { plainText } from "../../../shared/protocol/text";
import { MODERATION_REASON_MAX } from "../../../shared/protocol/moderationMessages";
import type { ApiContext } from "../../http/api/ApiContext";
import { HttpError } from "../../http/middleware/HttpError";
import { requireSpaceRole } from "../../http/middleware/session";
import { membershipIn } from "../../db/repositories/MemberRepository";
import { toObjectId } from "../../db/repositories/objectIds";
import { moderationRefusal } from "../../../shared/moderation/canModerate";
import { publishRemoval } from "./moderationChannel";

const ACTIONS = ["kick", "ban", "unban"] as const;
type Action = (typeof ACTIONS)[number];
const bodySchema = z.object({ reason: plainText(MODERATION_REASON_MAX).optional() }).strict();

/**
 * POST /spaces/:slug/members/:memberId/kick|ban|unban, for the space's owners
 * and admins (their role from the session), on people ranked below them.
 * Kick and ban disconnect the person at once wherever their room runs.
 */
export function moderationRoutes(ctx: ApiContext): Router {
  const router = Router();
  for (const action of ACTIONS) {
    router.post(`/:slug/members/:memberId/${action}`, async (req, res) => {
      await moderate(ctx, req, action);
      res.status(204).end();
    });
  }
  return router;
}

async function moderate(ctx: ApiContext, req: Request, action: Action): Promise<void> {
  const slug = String(req.params.slug);
  const body = bodySchema.safeParse(req.body ?? {});
  if (!body.success) throw new HttpError(400, `reason ${body.error.issues[0]?.message ?? "is invalid"}`);
  const { space, member: actor, membership: actorMembership } = await requireSpaceRole(ctx, req, slug, "admin");
  const targetId = toObjectId(String(req.params.memberId));
  const target = targetId && (await ctx.repos.members.findById(targetId));
  const targetMembership = target ? membershipIn(target, space._id) : undefined;
  if (!target || !targetMembership) throw new HttpError(404, "no such member in this space");
  const isSelf = target._id.equals(actor._id);
  const refusal = moderationRefusal(actorMembership.role, targetMembership.role, isSelf);
  // Removing yourself is a malformed request; anyone else at or above you is forbidden.
  if (refusal) throw new HttpError(isSelf ? 400 : 403, refusal);
  if (action === "ban") await ctx.repos.bans.ban(target._id, space._id);
  if (action === "unban") await ctx.repos.bans.lift(target._id, space._id);
  await ctx.repos.audit.record({
    space: space._id,
    actor,
    action: `member.${action}`,
    target: target.displayName,
    detail: body.data.reason ? `reason: ${body.data.reason}` : "",
  });
  if (action === "unban") return;
  const reason =
    body.data.reason ?? (action === "ban" ? "You have been banned from this office" : "You have been removed from this office");
  await publishRemoval(slug, { memberId: target._id.toHexString(), banned: action === "ban", reason });
}
