import { ServerError } from "@colyseus/core";
import { z } from "zod";
import { sessionTokenFromCookieHeader } from "../auth/sessionCookie";
import { deviceFromCookieHeader } from "../auth/deviceCookie";
import { checkSessionToken } from "../auth/Sessions";
import { OriginPolicy } from "../http/security/originPolicy";
import type { Repositories } from "../db/repositories";
import { membershipIn } from "../db/repositories/MemberRepository";
import type { Identity, IdentityProvider, JoinContext } from "../deps";

/** Only these join options matter here: who someone is comes from their member record, not from the client. */
const sessionJoinOptions = z.looseObject({
  space: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, "must be a space slug").default("default"),
  /** For clients without cookies (bots, native apps): the session token itself. */
  token: z.string().min(1).max(8192).optional(),
});

const UNAUTHORIZED = 401;
const FORBIDDEN = 403;
const NOT_FOUND = 404;

/**
 * Admits a room join only with a valid session: the `deskmap_session` cookie
 * on the upgrade/matchmake request, a `token` join option, or an
 * `Authorization: Bearer` header. The token must be unexpired, issued for this
 * space, name a session that has not been signed out, and its member must
 * still belong to the space and not be banned. The cookie counts only on
 * requests from the office's own pages (or CORS_ORIGINS): browsers send it
 * along from any page of the same site, other ports included.
 * Errors are Colyseus ServerErrors with HTTP-like codes the client can act on.
 */
export class SessionIdentity implements IdentityProvider {
  constructor(
    private readonly repos: Repositories,
    private readonly secret: string,
    private readonly origins: OriginPolicy = new OriginPolicy([]),
  ) {}

  async authenticateJoin(options: unknown, context: JoinContext): Promise<Identity> {
    const parsed = sessionJoinOptions.safeParse(options ?? {});
    if (!parsed.success) throw new ServerError(400, `Space ${parsed.error.issues[0]?.message ?? "is invalid"}`);
    const { space: slug, token: optionToken } = parsed.data;

    const cookie = optionToken ? undefined : sessionTokenFromCookieHeader(context.headers.cookie);
    const token = optionToken ?? cookie ?? bearer(context.headers.authorization);
    if (!token) throw new ServerError(UNAUTHORIZED, "Sign in or enter as a guest first");
    if (cookie !== undefined && this.origins.crossSiteProblem(context.headers)) {
      throw new ServerError(FORBIDDEN, "This page may not use your session: open the office from its own address");
    }
    const [checked, space] = await Promise.all([checkSessionToken(this.repos, this.secret, token), this.repos.spaces.findBySlug(slug)]);
    if (!checked.ok) {
      throw new ServerError(
        UNAUTHORIZED,
        checked.problem === "expired" ? "Your session has expired; sign in again" : checked.problem === "revoked" ? "Your session has ended; sign in again" : "Invalid session; sign in again",
      );
    }
    if (!checked.payload.spaces.includes(slug)) {
      throw new ServerError(FORBIDDEN, `This session is not for the office "${slug}"; join it first`);
    }
    const { member } = checked;
    if (!space) throw new ServerError(NOT_FOUND, `There is no office called "${slug}"`);
    const membership = membershipIn(member, space._id);
    if (!membership) throw new ServerError(FORBIDDEN, `You are not a member of "${slug}"`);
    if (membership.banned) throw new ServerError(FORBIDDEN, `You have been removed from "${slug}"`);
    // A browser someone banned from this space used stays out, whoever it now claims to be.
    if (await this.repos.bans.isDeviceBanned(space._id, deviceFromCookieHeader(context.headers.cookie, this.secret))) {
      throw new ServerError(FORBIDDEN, `You have been removed from "${slug}"`);
    }
    if (membership.role === "guest" && !space.settings.guestAccess) {
      throw new ServerError(FORBIDDEN, `"${slug}" does not admit guests at the moment`);
    }
    return {
      memberId: member._id.toHexString(),
      name: member.displayName,
      avatar: member.avatar,
      role: membership.role,
      space: slug,
    };
  }
}

function bearer(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.startsWith("Bearer ") ? value.slice(7).trim() : undefined;
}
