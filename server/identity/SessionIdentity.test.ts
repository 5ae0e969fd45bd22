import { ServerError } from "@colyseus/core";
import { Types } from "mongoose";
import { signSession } from "../auth/sessionToken";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import { openTestDatabase, type TestDatabase } from "../db/repositories/testDatabase";
import { OriginPolicy } from "../http/security/originPolicy";
import { SessionIdentity } from "./SessionIdentity";

const SECRET = "identity-test-secret".padEnd(40, "z");
let t: TestDatabase;
let identity: SessionIdentity;
let memberId: string;

beforeAll(async () => {
  t = await openTestDatabase("identity");
  identity = new SessionIdentity(t.repos, SECRET);
  const hq = await t.repos.spaces.create({ slug: "hq", name: "HQ" });
  await t.repos.spaces.create({ slug: "annex", name: "Annex" });
  const member = await t.repos.members.createAccount({ email: "ida@example.com", passwordHash: "x", displayName: "Ida", avatar: "gus" });
  await t.repos.members.addMembership(member._id, hq._id, "admin");
  memberId = member._id.toHexString();
});
afterAll(() => t.destroy());

/** A token for a real session record of `sub` (the identity checks both). */
async function sessionToken(sub: string, spaces: string[], ttlSeconds = 600, now = Date.now()): Promise<string> {
  const sid = await t.repos.sessions.create(new Types.ObjectId(sub), new Date(Date.now() + 600_000), new Date(Date.now() + 3_600_000));
  return signSession({ sub, sid, spaces, ttlSeconds }, SECRET, now);
}
const tokenFor = (spaces: string[], ttlSeconds = 600, now = Date.now()) => sessionToken(memberId, spaces, ttlSeconds, now);
const withCookie = (token: string) => ({ headers: { cookie: `other=1; ${SESSION_COOKIE}=${encodeURIComponent(token)}` } });

async function refusal(options: unknown, context: { headers: Record<string, string> }): Promise<ServerError> {
  try {
    await identity.authenticateJoin(options, context);
  } catch (err) {
    expect(err).toBeInstanceOf(ServerError);
    return err as ServerError;
  }
  throw new Error("join was admitted");
}

describe("SessionIdentity", () => {
  it("admits a valid cookie session, taking name, avatar and role from the member record", async () => {
    const who = await identity.authenticateJoin({ space: "hq", name: "Impostor", avatar: "ada" }, withCookie(await tokenFor(["hq"])));
    expect(who).toEqual({ memberId, name: "Ida", avatar: "gus", role: "admin", space: "hq" });
  });

  it("accepts the token as a join option or a Bearer header", async () => {
    await expect(identity.authenticateJoin({ space: "hq", token: await tokenFor(["hq"]) }, { headers: {} })).resolves.toMatchObject({ memberId });
    await expect(
      identity.authenticateJoin({ space: "hq" }, { headers: { authorization: `Bearer ${await tokenFor(["hq"])}` } }),
    ).resolves.toMatchObject({ role: "admin" });
  });

  it("refuses no token (401), an expired one (401) and a tampered one (401)", async () => {
    expect((await refusal({ space: "hq" }, { headers: {} })).code).toBe(401);
    const expired = await refusal({ space: "hq" }, withCookie(await tokenFor(["hq"], 60, Date.now() - 3_600_000)));
    expect([expired.code, expired.message]).toEqual([401, expect.stringMatching(/expired/)]);
    const [payload, sig] = (await tokenFor(["hq"])).split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), sp: ["hq", "annex"] })).toString("base64url");
    expect((await refusal({ space: "annex" }, withCookie(`${forged}.${sig}`))).code).toBe(401);
  });

  it("refuses a token issued for another space (403), even for a space the member belongs to", async () => {
    expect((await refusal({ space: "hq" }, withCookie(await tokenFor(["annex"])))).code).toBe(403);
  });

  it("refuses a space the member does not belong to (403) and an unknown space (404)", async () => {
    expect((await refusal({ space: "annex" }, withCookie(await tokenFor(["annex"])))).code).toBe(403);
    expect((await refusal({ space: "gone" }, withCookie(await tokenFor(["gone"])))).code).toBe(404);
  });

  it("refuses a banned member (403) at once, although the token is still valid", async () => {
    const hq = (await t.repos.spaces.findBySlug("hq"))!;
    const banned = await t.repos.members.createGuest({ displayName: "Troll", avatar: "bo", space: hq._id });
    await t.repos.members.setBanned(banned._id, hq._id, true);
    const token = await sessionToken(banned._id.toHexString(), ["hq"]);
    const err = await refusal({ space: "hq" }, withCookie(token));
    expect([err.code, err.message]).toEqual([403, expect.stringMatching(/removed/)]);
  });

  it("refuses a second guest from a browser someone banned from the space used (its device cookie)", async () => {
    const { DEVICE_COOKIE } = await import("../auth/deviceCookie");
    const hq = (await t.repos.spaces.findBySlug("hq"))!;
    const device = "A".repeat(22);
    const first = await t.repos.members.createGuest({ displayName: "First", avatar: "bo", space: hq._id, deviceId: device });
    const second = await t.repos.members.createGuest({ displayName: "Second", avatar: "bo", space: hq._id, deviceId: device });
    const token = await sessionToken(second._id.toHexString(), ["hq"]);
    const { createHmac } = await import("node:crypto");
    const signed = `${device}.${createHmac("sha256", SECRET).update(`device:${device}`).digest("base64url")}`;
    const context = { headers: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${DEVICE_COOKIE}=${signed}` } };
    await expect(identity.authenticateJoin({ space: "hq" }, context)).resolves.toMatchObject({ name: "Second" });
    await t.repos.bans.ban(first._id, hq._id);
    expect((await refusal({ space: "hq" }, context)).code).toBe(403);
    // A forged device cookie is no device at all: the ban cannot be dodged, nor pinned on someone, by editing it.
    const forged = { headers: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${DEVICE_COOKIE}=${device}.forged` } };
    await expect(identity.authenticateJoin({ space: "hq" }, forged)).resolves.toMatchObject({ name: "Second" });
    await t.repos.bans.lift(first._id, hq._id);
    await expect(identity.authenticateJoin({ space: "hq" }, context)).resolves.toMatchObject({ name: "Second" });
  });

  it("refuses guests once the space stops admitting guests", async () => {
    const hq = (await t.repos.spaces.findBySlug("hq"))!;
    const guest = await t.repos.members.createGuest({ displayName: "Visitor", avatar: "bo", space: hq._id });
    const token = await sessionToken(guest._id.toHexString(), ["hq"]);
    await expect(identity.authenticateJoin({ space: "hq" }, withCookie(token))).resolves.toMatchObject({ role: "guest", name: "Visitor" });
    await t.repos.spaces.updateSettings("hq", { guestAccess: false });
    expect((await refusal({ space: "hq" }, withCookie(token))).code).toBe(403);
    await t.repos.spaces.updateSettings("hq", { guestAccess: true });
  });

  it("refuses a token whose session was signed out, at once", async () => {
    const sid = await t.repos.sessions.create(new Types.ObjectId(memberId), new Date(Date.now() + 600_000), new Date(Date.now() + 3_600_000));
    const token = signSession({ sub: memberId, sid, spaces: ["hq"], ttlSeconds: 600 }, SECRET);
    await expect(identity.authenticateJoin({ space: "hq" }, withCookie(token))).resolves.toMatchObject({ memberId });
    await t.repos.sessions.delete(sid);
    const err = await refusal({ space: "hq" }, withCookie(token));
    expect([err.code, err.message]).toEqual([401, expect.stringMatching(/session has ended/)]);
  });

  it("takes the cookie only from the office's own pages or CORS_ORIGINS; a page on another port is refused", async () => {
    const guarded = new SessionIdentity(t.repos, SECRET, new OriginPolicy(["https://intranet.example"]));
    const token = await tokenFor(["hq"]);
    const from = (origin: string, fetchSite?: string) => ({
      headers: { ...withCookie(token).headers, host: "127.0.0.1:4000", origin, ...(fetchSite ? { "sec-fetch-site": fetchSite } : {}) },
    });
    await expect(guarded.authenticateJoin({ space: "hq" }, from("http://127.0.0.1:4000", "same-origin"))).resolves.toMatchObject({ memberId });
    await expect(guarded.authenticateJoin({ space: "hq" }, from("https://intranet.example", "cross-site"))).resolves.toMatchObject({ memberId });
    const other = await (async () => {
      try {
        await guarded.authenticateJoin({ space: "hq" }, from("http://127.0.0.1:4001", "same-site"));
      } catch (err) {
        return err as ServerError;
      }
      throw new Error("a page on another port joined with the cookie");
    })();
    expect([other.code, other.message]).toEqual([403, expect.stringMatching(/may not use your session/)]);
    // A token the client holds itself (not a cookie the browser adds) is not the page's to misuse.
    await expect(guarded.authenticateJoin({ space: "hq", token }, { headers: { origin: "http://127.0.0.1:4001" } })).resolves.toMatchObject({ memberId });
  });

  it("refuses a malformed space option with 400", async () => {
    expect((await refusal({ space: "../etc" }, withCookie(await tokenFor(["hq"])))).code).toBe(400);
  });
});
