import { Router } from "express";
import { decoyHash, hashPassword, verifyPassword } from "../../auth/password";
import { clearSessionCookie } from "../../auth/sessionCookie";
import { ensureDevice } from "../../auth/deviceCookie";
import { admitGuest, refund } from "../../admin/admission";
import { claimFirstOwner } from "../../admin/firstOwner";
import { HttpError } from "../middleware/HttpError";
import { findSpaceOr404, issueSession, optionalMember } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { guestBody, signinBody, signupBody } from "./schemas";
import { memberView, spaceView } from "./views";

/** /api/auth: accounts, guest entry and signing out. */
export function authRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.post(
    "/signup",
    validated({ body: signupBody }, async ({ body }, req, res) => {
      if (!ctx.allowSignup) throw new HttpError(403, "sign-up is disabled on this server");
      const created = await ctx.repos.members.createAccount({
        email: body.email,
        passwordHash: await hashPassword(body.password),
        displayName: body.displayName,
        avatar: body.avatar,
      });
      await ctx.repos.members.addDevice(created._id, ensureDevice(req, res, ctx.sessionSecret, ctx.cookieSecure));
      // On a fresh install the first account becomes the default space's owner (one atomic claim).
      const owned = await claimFirstOwner(ctx.repos, created);
      const member = (owned && (await ctx.repos.members.findById(created._id))) || created;
      await issueSession(ctx, res, member, owned?.slug);
      res.status(201).json({ member: memberView(member), ownerOf: owned ? spaceView(owned, "owner") : null });
    }),
  );

  router.post(
    "/signin",
    validated({ body: signinBody }, async ({ body }, req, res) => {
      const key = `${req.ip ?? "?"} ${body.email.trim().toLowerCase()}`;
      const wait = ctx.signinLimiter.retryAfter(key);
      if (wait > 0) {
        res.set("Retry-After", String(wait));
        throw new HttpError(429, `too many failed sign-ins; try again in ${wait} s`);
      }
      const member = await ctx.repos.members.findByEmail(body.email);
      // Verify against a decoy when there is no account, so timing does not reveal which emails exist.
      const ok = await verifyPassword(body.password, member?.passwordHash ?? (await decoyHash()));
      if (!member?.passwordHash || !ok) {
        ctx.signinLimiter.fail(key);
        throw new HttpError(401, "email or password is incorrect");
      }
      ctx.signinLimiter.succeed(key);
      await ctx.repos.members.addDevice(member._id, ensureDevice(req, res, ctx.sessionSecret, ctx.cookieSecure));
      await issueSession(ctx, res, member);
      res.json({ member: memberView(member) });
    }),
  );

  router.post(
    "/guest",
    validated({ body: guestBody }, async ({ body }, req, res) => {
      const space = await findSpaceOr404(ctx, body.space);
      // The device cookie outlives signing out, so a banned guest's browser is recognised when it comes back.
      const deviceId = ensureDevice(req, res, ctx.sessionSecret, ctx.cookieSecure);
      const { invite } = await admitGuest(ctx.repos, space, body.invite, deviceId);
      const member = await ctx.repos.members
        .createGuest({ displayName: body.displayName, avatar: body.avatar, space: space._id, deviceId })
        .catch(async (err: unknown) => {
          await refund(ctx.repos, invite);
          throw err;
        });
      await issueSession(ctx, res, member);
      res.status(201).json({ member: memberView(member), space: spaceView(space, "guest") });
    }),
  );

  // Who this browser is, or null: a page asks on load, and "not signed in" is a normal answer, not a 401.
  router.get("/session", (req, res) => {
    const member = optionalMember(req);
    res.json({ member: member ? memberView(member) : null });
  });

  router.post("/signout", (_req, res) => {
    clearSessionCookie(res, ctx.cookieSecure);
    res.status(204).end();
  });

  return router;
}
