import type { Request, RequestHandler, Response } from "express";
import type { Types } from "mongoose";
import type { Role } from "../../deps";
import type { MemberDoc, Membership } from "../../db/models/Member";
import type { SpaceDoc } from "../../db/models/Space";
import { membershipIn } from "../../db/repositories/MemberRepository";
import { SESSION_COOKIE, setSessionCookie } from "../../auth/sessionCookie";
import type { SessionProblem } from "../../auth/Sessions";
import type { SessionPayload } from "../../auth/sessionToken";
import type { ApiContext } from "../api/ApiContext";
import { HttpError } from "./HttpError";

type SessionState =
  | { member: MemberDoc; payload: SessionPayload }
  | { member: null; problem: SessionProblem | "none" };

const sessions = new WeakMap<Request, SessionState>();

const UNAUTHENTICATED: Record<Exclude<SessionState, { payload: SessionPayload }>["problem"], string> = {
  none: "sign in first",
  expired: "session expired; sign in again",
  malformed: "invalid session",
  "bad-signature": "invalid session",
  "unknown-member": "invalid session",
  revoked: "this session has ended; sign in again",
};

/** The session token from the cookie, or from `Authorization: Bearer` for non-browser clients. */
export function tokenFromRequest(req: Request): string | undefined {
  const cookie = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  if (typeof cookie === "string" && cookie) return cookie;
  const auth = req.headers.authorization;
  return auth?.startsWith("Bearer ") ? auth.slice(7).trim() : undefined;
}

/**
 * Loads the caller's member record, if the request carries a live session;
 * never refuses by itself. A session in use is renewed here (sliding expiry):
 * its record gets a later idle deadline and the browser a fresh cookie.
 */
export function loadSession(ctx: ApiContext): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = tokenFromRequest(req);
      if (!token) {
        sessions.set(req, { member: null, problem: "none" });
        return next();
      }
      const check = await ctx.sessions.check(token);
      if (!check.ok) {
        sessions.set(req, { member: null, problem: check.problem });
        return next();
      }
      sessions.set(req, { member: check.member, payload: check.payload });
      if (check.renewDue) {
        await ctx.sessions.extend(check.payload.sid);
        const renewed = ctx.sessions.token(check.member._id, check.payload.sid, check.payload.spaces);
        setSessionCookie(res, renewed, ctx.sessions.times.idleSeconds, ctx.cookieSecure);
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** The live session the request carries, if any (its member and token payload). */
export function currentSession(req: Request): { member: MemberDoc; payload: SessionPayload } | null {
  const state = sessions.get(req);
  return state?.member ? state : null;
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

export const ROLE_RANK: Record<Role, number> = { guest: 0, member: 1, mapMaker: 2, admin: 3, owner: 4 };

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
 * A space the caller may look into: any open space that admits guests, else
 * (closed to guests, or invite-only) only with a non-banned membership. Anyone else gets 401 (no session) or 403, and
 * learns only what the join page needs (GET /api/spaces/:slug answers a
 * name and "no guests" to them).
 */
export async function requireSpaceReader(ctx: ApiContext, req: Request, slug: string): Promise<SpaceDoc> {
  const space = await findSpaceOr404(ctx, slug);
  if (mayLookInto(space, optionalMember(req))) return space;
  requireMember(req);
  throw new HttpError(403, "this space is for its members only");
}

/** Whether a space's settings and map are visible to this member (or to an anonymous visitor, with null). */
export function mayLookInto(space: SpaceDoc, member: MemberDoc | null): boolean {
  // Invite-only means outsiders hold no key yet: they see no more than of a space closed to guests.
  if (space.settings.guestAccess && space.settings.joinPolicy !== "invite") return true;
  const membership = member && membershipIn(member, space._id);
  return !!membership && !membership.banned;
}

/**
 * The caller's standing in a space: 401 without a session, 404 for an unknown
 * space, 403 for non-members, banned members, or a role below `minRole`.
 * The member is the one the session loaded when the request arrived, unless `fresh`.
 */
export async function requireSpaceRole(
  ctx: ApiContext,
  req: Request,
  slug: string,
  minRole: Role,
  options: { fresh?: boolean } = {},
): Promise<SpaceAccess> {
  let member = requireMember(req);
  // `fresh`: read the caller's record again, for a request that waited its turn (a role changed meanwhile counts).
  if (options.fresh) member = (await ctx.repos.members.findById(member._id)) ?? member;
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
 * Sets a session cookie naming every space the member may enter now
 * (non-banned memberships); a room join checks the token names its space.
 * The request's own session carries on when it is this member's; a sign-in
 * (`fresh`) ends it and starts a new one, so an old cookie cannot outlive it.
 */
export async function issueSession(
  ctx: ApiContext,
  req: Request,
  res: Response,
  member: MemberDoc,
  options: { current?: string; fresh?: boolean } = {},
): Promise<string> {
  const ids: Types.ObjectId[] = member.memberships.filter((m) => !m.banned).map((m) => m.space);
  const slugs = await ctx.repos.spaces.slugsOf(ids);
  // A token names a bounded number of spaces; the one being entered must be among them.
  const { current } = options;
  if (current && slugs.includes(current)) slugs.sort((a, b) => Number(b === current) - Number(a === current));
  const existing = currentSession(req);
  let sid: string;
  if (existing && !options.fresh && existing.member._id.equals(member._id)) {
    sid = existing.payload.sid;
  } else {
    if (existing) await ctx.sessions.end(existing.payload.sid);
    sid = await ctx.sessions.start(member._id);
  }
  const token = ctx.sessions.token(member._id, sid, slugs);
  setSessionCookie(res, token, ctx.sessions.times.idleSeconds, ctx.cookieSecure);
  return token;
}
