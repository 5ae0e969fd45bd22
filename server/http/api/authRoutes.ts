import { Router } from "express";
import { clientAddress } from "../middleware/clientAddress";
import { decoyHash, hashPassword, needsRehash, PASSWORD_PARAMS, verifyPassword } from "../../auth/password";
import { clearSessionCookie } from "../../auth/sessionCookie";
import { normalizeEmail } from "../../db/repositories/MemberRepository";
import { ConflictError } from "../../db/repositories/errors";
import { ensureDevice } from "../../auth/deviceCookie";
import { admitGuest, refund } from "../../admin/admission";
import { claimFirstOwner } from "../../admin/firstOwner";
import { HttpError } from "../middleware/HttpError";
import { currentSession, findSpaceOr404, issueSession, optionalMember } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { guestBody, signinBody, signupBody } from "./schemas";
import { memberView, spaceView } from "./views";

/** /api/auth: accounts, guest entry and signing out. */
export function authRoutes(ctx: ApiContext): Router {
  const router = Router();
  const params = ctx.passwordParams ?? PASSWORD_PARAMS;
  const { limits } = ctx;

  /**
   * Sign-up answers 202 and the same body whether or not the email already
   * has an account, and sets no session: the page signs in next, and that
   * sign-in is where the outcome shows (rate-limited per address and email).
   * An address already registered keeps its account and password untouched.
   */
  router.post(
    "/signup",
    validated({ body: signupBody }, async ({ body }, req, res) => {
      if (!ctx.allowSignup) throw new HttpError(403, "sign-up is disabled on this server");
      const wait = limits.signupByAddress.attempt(clientAddress(req));
      if (wait > 0) throw HttpError.tooMany("too many accounts created from this address", wait);
      // Every answer carries a device cookie, so its presence says nothing about the address either.
      const deviceId = ensureDevice(req, res, ctx.deviceSecret, ctx.cookieSecure);
      // Hash first either way, so a taken address answers no faster than a new one.
      const passwordHash = await hashPassword(body.password, params);
      const created = await ctx.repos.members
        .createAccount({ email: body.email, passwordHash, displayName: body.displayName, avatar: body.avatar })
        .catch((err: unknown) => {
          if (err instanceof ConflictError) return null;
          throw err;
        });
      if (created) {
        await ctx.repos.members.addDevice(created._id, deviceId);
        // On a fresh install the first account becomes the default space's owner (one atomic claim);
        // the page learns it from the session after signing in.
        await claimFirstOwner(ctx.repos, created);
      }
      res.status(202).json({ accepted: true, next: "sign in with this email and password" });
    }),
  );

  router.post(
    "/signin",
    validated({ body: signinBody }, async ({ body }, req, res) => {
      const address = clientAddress(req);
      const email = normalizeEmail(body.email);
      // Counted before any hashing: parallel guesses cannot outrun the limit.
      const waitEmail = limits.signinByEmail.retryAfter(email);
      if (waitEmail > 0) throw HttpError.tooMany("too many sign-in attempts for this email", waitEmail);
      const waitAddress = limits.signinByAddress.attempt(address);
      if (waitAddress > 0) throw HttpError.tooMany("too many sign-in attempts from this address", waitAddress);
      const waitEmailNow = limits.signinByEmail.attempt(email);
      if (waitEmailNow > 0) {
        limits.signinByAddress.forgive(address);
        throw HttpError.tooMany("too many sign-in attempts for this email", waitEmailNow);
      }
      const member = await ctx.repos.members.findByEmail(email);
      // Verify against a decoy when there is no account, so timing does not reveal which emails exist.
      const ok = await verifyPassword(body.password, member?.passwordHash ?? (await decoyHash(params)));
      if (!member?.passwordHash || !ok) throw new HttpError(401, "email or password is incorrect");
      limits.signinByEmail.reset(email);
      limits.signinByAddress.forgive(address);
      if (needsRehash(member.passwordHash, params)) {
        await ctx.repos.members.setPasswordHash(member._id, await hashPassword(body.password, params));
      }
      await ctx.repos.members.addDevice(member._id, ensureDevice(req, res, ctx.deviceSecret, ctx.cookieSecure));
      await issueSession(ctx, req, res, member, { fresh: true });
      res.json({ member: memberView(member) });
    }),
  );

  router.post(
    "/guest",
    validated({ body: guestBody }, async ({ body }, req, res) => {
      const space = await findSpaceOr404(ctx, body.space);
      const wait = limits.guestsByAddress.attempt(clientAddress(req));
      if (wait > 0) throw HttpError.tooMany("too many guests from this address", wait);
      // The device cookie outlives signing out, so a banned guest's browser is recognised when it comes back.
      const deviceId = ensureDevice(req, res, ctx.deviceSecret, ctx.cookieSecure);
      const { invite } = await admitGuest(ctx.repos, space, body.invite, deviceId);
      const member = await ctx.repos.members
        .createGuest({ displayName: body.displayName, avatar: body.avatar, space: space._id, deviceId })
        .catch(async (err: unknown) => {
          await refund(ctx.repos, invite);
          throw err;
        });
      await issueSession(ctx, req, res, member, { fresh: true });
      res.status(201).json({ member: memberView(member), space: spaceView(space, "guest") });
    }),
  );

  // Who this browser is, or null: a page asks on load, and "not signed in" is a normal answer, not a 401.
  router.get("/session", (req, res) => {
    const member = optionalMember(req);
    res.json({ member: member ? memberView(member) : null });
  });

  /** Ends the session on the server too: the token stops working wherever a copy of it is held. */
  router.post("/signout", async (req, res) => {
    const session = currentSession(req);
    if (session) await ctx.sessions.end(session.payload.sid);
    clearSessionCookie(res, ctx.cookieSecure);
    res.status(204).end();
  });

  return router;
}
