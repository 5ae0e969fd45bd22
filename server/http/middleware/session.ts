import type { Request, RequestHandler, Response } from "express";
import type { Types } from "mongoose";
import type { Role } from "../../deps";
import type { MemberDoc, Membership } from "../../db/models/Member";
import type { SpaceDoc } from "../../db/models/Space";
import { membershipIn } from "../../db/repositories/MemberRepository";
import { SESSION_COOKIE, setSessionCookie } from "../../auth/sessionCookie";
import { signSession, verifySession, type SessionPayload, type TokenProblem } from "../../auth/sessionToken";
import type { ApiContext } from "../api/ApiContext";
import { HttpError } from "./HttpError";

type SessionState =
  | { member: MemberDoc; payload: SessionPayload }
  | { member: null; problem: TokenProblem | "none" | "unknown-member" };

const sessions = new WeakMap<Request, SessionState>();

const UNAUTHENTICATED: Record<Exclude<SessionState, { payload: SessionPayload }>["problem"], string> = {
  none: "sign in first",
  expired: "session expired; sign in again",
  malformed: "invalid session",
  "bad-signature": "invalid session",
  "unknown-member": "invalid session",
};

/** The session token from the cookie, or from `Authorization: Bearer` for non-browser clients. */
export function tokenFromRequest(req: Request): string | undefined {
  const cookie = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  if (typeof cookie === "string" && cookie) return cookie;
  const auth = req.headers.authorization;
  return auth?.startsWith("Bearer ") ? auth.slice(7).trim() : undefined;
}

/** Loads the caller's member record, if the request carries a valid session; never refuses by itself. */
export function loadSession(ctx: ApiContext): RequestHandler {
  return async (req, _res, next) => {
    try {
      const token = tokenFromRequest(req);
      if (!token) {
        sessions.set(req, { member: null, problem: "none" });
        return next();
      }
      const verified = verifySession(token, ctx.sessionSecret);
      if (!verified.ok) {
        sessions.set(req, { member: null, problem: verified.problem });
        return next();
      }
      const member = await ctx.repos.members.findById(verified.payload.sub);
      sessions.set(req, member ? { member, payload: verified.payload } : { member: null, problem: "unknown-member" });
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** The signed-in member, or a 401 explaining why there is none. */
export function requireMember(req: Request): MemberDoc {
  const state = sessions.get(req) ?? { member: null, problem: "none" as const };
  if (!state.member) throw new HttpError(401, UNAUTHENTICATED[state.problem]);
  return state.member;
}

/** Accounts have an email; guests are members without one. */
export function requireAccount(req: Request): MemberDoc & { email: string } {
  const member = requireMember(req);
  if (!member.email) throw new HttpError(403, "guests cannot do this; create an account");
  return member as MemberDoc & { email: string };
}

export function optionalMember(req: Request): MemberDoc | null {
  return sessions.get(req)?.member ?? null;
}

export const ROLE_RANK: Record<Role, number> = { guest: 0, member: 1, admin: 2, owner: 3 };

export interface SpaceAccess {
  space: SpaceDoc;
  member: MemberDoc;
  membership: Membership;
}

export async function findSpaceOr404(ctx: ApiContext, slug: string): Promise<SpaceDoc> {
  const space = await ctx.repos.spaces.findBySlug(slug);
  if (!space) throw new HttpError(404, `no space "${slug}"`);
  return space;
}

/**
 * The caller's standing in a space: 401 without a session, 404 for an unknown
 * space, 403 for non-members, banned members, or a role below `minRole`.
 */
export async function requireSpaceRole(ctx: ApiContext, req: Request, slug: string, minRole: Role): Promise<SpaceAccess> {
  const member = requireMember(req);
  const space = await findSpaceOr404(ctx, slug);
  const membership = membershipIn(member, space._id);
  if (!membership) throw new HttpError(403, "not a member of this space");
  if (membership.banned) throw new HttpError(403, "banned from this space");
  if (ROLE_RANK[membership.role] < ROLE_RANK[minRole]) {
    throw new HttpError(403, `requires the ${minRole} role or higher`);
  }
  return { space, member, membership };
}

/**
 * Issues a fresh session cookie naming every space the member may enter now
 * (non-banned memberships); a room join checks the token names its space.
 */
export async function issueSession(ctx: ApiContext, res: Response, member: MemberDoc, current?: string): Promise<string> {
  const ids: Types.ObjectId[] = member.memberships.filter((m) => !m.banned).map((m) => m.space);
  const slugs = await ctx.repos.spaces.slugsOf(ids);
  // A token names a bounded number of spaces; the one being entered must be among them.
  if (current && slugs.includes(current)) slugs.sort((a, b) => Number(b === current) - Number(a === current));
  const token = signSession({ sub: member._id.toHexString(), spaces: slugs, ttlSeconds: ctx.sessionTtlSeconds }, ctx.sessionSecret);
  setSessionCookie(res, token, ctx.sessionTtlSeconds, ctx.cookieSecure);
  return token;
}
