import request from "supertest";
import { offerOwnerSetup, type OwnerSetupLink } from "../../admin/offerOwnerSetup";
import { SETUP_REFUSALS } from "../../admin/redeemOwnerSetup";
import { hashInviteToken } from "../../auth/inviteToken";
import { hashPassword } from "../../auth/password";
import { cookie, sessionFrom, signUp, startApi, type ApiHarness } from "./apiHarness";
import { dbSnapshot } from "./dbSnapshot";

/**
 * An install from before first-owner claims: the default space exists without
 * an owner and people have accounts. The start-up check prints a one-time
 * setup link; whoever opens it signed in becomes owner, once.
 */

let h: ApiHarness;
let link: OwnerSetupLink;
beforeAll(async () => {
  // Seeded without the "needs an owner" mark, as an older version left it.
  h = await startApi("api-owner-setup");
});
afterAll(() => h.close());

const claim = (token: string | undefined, body: unknown) => {
  const req = request(h.app).post("/api/spaces/default/owner-setup").send(body as object);
  return token ? req.set("Cookie", cookie(token)) : req;
};

async function defaultSpace() {
  return (await h.t.repos.spaces.findBySlug("default"))!;
}

/** What a refusal must leave as it was: no owner, the same live link, nothing in the audit log. */
async function expectUnchanged(tokenHash: string) {
  const space = await defaultSpace();
  expect(await h.t.repos.members.countWithRole(space._id, "owner")).toBe(0);
  expect(space.ownerSetup?.tokenHash).toBe(tokenHash);
  expect(await h.t.repos.audit.list(space._id)).toEqual([]);
}

describe("an ownerless space on an install with accounts", () => {
  let accounts: Array<{ token: string; id: string }>;

  beforeAll(async () => {
    accounts = [];
    for (let i = 0; i < 6; i++) accounts.push(await signUp(h.app, `Operator ${i}`));
    const found = await offerOwnerSetup(h.t.repos);
    // Not "whoever signs up next": that could be a stranger.
    expect(found.firstAccount).toEqual([]);
    expect(found.links.map((l) => l.slug)).toEqual(["default"]);
    link = found.links[0]!;
    expect((await defaultSpace()).needsOwner).toBe(false);
  });

  it("stores only the link's hash, and an expiry", async () => {
    const space = await defaultSpace();
    expect(space.ownerSetup?.tokenHash).toBe(hashInviteToken(link.token));
    expect(space.ownerSetup?.tokenHash).not.toContain(link.token);
    expect(space.ownerSetup?.expiresAt.getTime()).toBe(link.expiresAt.getTime());
  });

  it("refuses without a session, for a guest, a malformed body and a wrong link, changing nothing", async () => {
    const guest = sessionFrom(await request(h.app).post("/api/auth/guest").send({ space: "default", displayName: "Visitor", avatar: "bo" }).expect(201))!;
    const before = await dbSnapshot(h.t);
    const anonymous = await claim(undefined, { token: link.token }).expect(401);
    expect(anonymous.body.error).toMatch(/sign in/i);
    expect((await claim(guest, { token: link.token }).expect(403)).body.error).toBe("guests cannot do this; create an account");
    const details = async (body: unknown) => (await claim(accounts[0]!.token, body).expect(400)).body.details;
    expect(await details({ token: "" })).toEqual([{ path: "token", message: "must not be empty" }]);
    expect(await details({ token: "x".repeat(129) })).toEqual([{ path: "token", message: "is too long to be a setup link" }]);
    expect(JSON.stringify(await details({ token: link.token, role: "owner" }))).toMatch(/role/);
    expect((await claim(accounts[0]!.token, { token: "not-the-link" }).expect(403)).body.error).toBe(SETUP_REFUSALS.replaced);
    expect((await request(h.app).post("/api/spaces/nowhere/owner-setup").set("Cookie", cookie(accounts[0]!.token)).send({ token: link.token }).expect(404)).body.error).toBe('no space "nowhere"');
    // Everything an admin route could touch is exactly as it was.
    expect(await dbSnapshot(h.t)).toBe(before);
    await expectUnchanged(hashInviteToken(link.token));
  });

  it("refuses a banned account, changing nothing", async () => {
    const banned = await signUp(h.app, "Banned");
    const space = await defaultSpace();
    const record = (await h.t.repos.members.findById(banned.id))!;
    await h.t.repos.members.addMembership(record._id, space._id, "member");
    await h.t.repos.members.setBanned(record._id, space._id, true);
    expect((await claim(banned.token, { token: link.token }).expect(403)).body.error).toBe(SETUP_REFUSALS.banned);
    await expectUnchanged(hashInviteToken(link.token));
    expect((await h.t.repos.members.findById(banned.id))!.memberships[0]).toMatchObject({ role: "member", banned: true });
  });

  it("an expired link says when it expired and what to do, and changes nothing", async () => {
    // A link issued two days ago (a start-up long past) has run out.
    const old = (await offerOwnerSetup(h.t.repos, new Date(Date.now() - 48 * 3600_000))).links[0]!;
    const res = await claim(accounts[0]!.token, { token: old.token }).expect(410);
    expect(res.body.error).toBe(SETUP_REFUSALS.expired(old.expiresAt));
    expect(res.body.error).toMatch(/restart the server/);
    await expectUnchanged(hashInviteToken(old.token));
    const before = await dbSnapshot(h.t);
    // The older link stopped working when this one was printed.
    expect((await claim(accounts[0]!.token, { token: link.token }).expect(403)).body.error).toBe(SETUP_REFUSALS.replaced);
    expect((await claim(accounts[0]!.token, { token: old.token }).expect(410)).body.error).toBe(SETUP_REFUSALS.expired(old.expiresAt));
    expect(await dbSnapshot(h.t)).toBe(before);
    // A new start prints a fresh link again.
    link = (await offerOwnerSetup(h.t.repos)).links[0]!;
  });

  it("of six accounts racing with the link, exactly one becomes owner; the rest are told it was used", async () => {
    const responses = await Promise.all(accounts.map((a) => claim(a.token, { token: link.token })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of responses.filter((r) => r.status === 409)) expect(r.body.error).toBe(SETUP_REFUSALS.used);
    const winner = accounts[responses.findIndex((r) => r.status === 200)]!;

    // The database after: one owner, the winner; the link gone; one audit entry under the winner's name.
    const space = await defaultSpace();
    expect(space.ownerSetup ?? null).toBeNull();
    expect(await h.t.repos.members.countWithRole(space._id, "owner")).toBe(1);
    const owners = (await h.t.repos.members.listBySpace(space._id)).filter((m) => m.role === "owner");
    expect(owners.map((m) => m.id)).toEqual([winner.id]);
    for (const loser of accounts.filter((a) => a !== winner)) {
      expect((await h.t.repos.members.findById(loser.id))!.memberships).toEqual([]);
    }
    const audit = await h.t.repos.audit.list(space._id);
    expect(audit.map((e) => [e.action, e.actorName])).toEqual([["owner.setup", `Operator ${accounts.indexOf(winner)}`]]);

    // The winner's new session opens the space as its owner.
    const session = sessionFrom(responses.find((r) => r.status === 200)!)!;
    const view = await request(h.app).get("/api/spaces/default").set("Cookie", cookie(session)).expect(200);
    expect(view.body.space.role).toBe("owner");
    // Used once: the winner cannot use it again either.
    expect((await claim(session, { token: link.token }).expect(409)).body.error).toBe(SETUP_REFUSALS.used);
  });

  it("the next start finds the space owned and prints nothing for it", async () => {
    expect(await offerOwnerSetup(h.t.repos)).toEqual({ firstAccount: [], links: [] });
  });
});

describe("an ownerless default space on an install without accounts", () => {
  let fresh: ApiHarness;
  beforeAll(async () => {
    fresh = await startApi("api-owner-setup-empty");
  });
  afterAll(() => fresh.close());

  it("waits for the first sign-up again, and of sign-ups racing exactly one becomes owner", async () => {
    expect(await offerOwnerSetup(fresh.t.repos)).toEqual({ firstAccount: ["default"], links: [] });
    expect((await request(fresh.app).get("/api/spaces/default").expect(200)).body.space.awaitingOwner).toBe(true);
    // No link exists for it: an account trying one (as one whose own claim failed would be) is told how the space gets its owner.
    const passwordHash = await hashPassword("long enough password", { N: 2 ** 12, r: 8, p: 1 });
    await fresh.t.repos.members.createAccount({ email: "early@example.com", passwordHash, displayName: "Early", avatar: "ada" });
    const signedIn = await request(fresh.app).post("/api/auth/signin").send({ email: "early@example.com", password: "long enough password" }).expect(200);
    const before = await dbSnapshot(fresh.t);
    const guess = await request(fresh.app).post("/api/spaces/default/owner-setup").set("Cookie", cookie(sessionFrom(signedIn)!)).send({ token: "guess" }).expect(409);
    expect(guess.body.error).toBe(SETUP_REFUSALS.firstAccount);
    expect(await dbSnapshot(fresh.t)).toBe(before);
    const people = await Promise.all(Array.from({ length: 5 }, (_, i) => signUp(fresh.app, `Early ${i}`)));
    const space = (await fresh.t.repos.spaces.findBySlug("default"))!;
    expect(space.needsOwner).toBe(false);
    expect(await fresh.t.repos.members.countWithRole(space._id, "owner")).toBe(1);
    const roles = await Promise.all(
      people.map(async (p) => (await request(fresh.app).get("/api/spaces/default").set("Cookie", cookie(p.token)).expect(200)).body.space.role),
    );
    expect(roles.filter((r) => r === "owner")).toHaveLength(1);
    // Owned now: the next start leaves it alone.
    expect(await offerOwnerSetup(fresh.t.repos)).toEqual({ firstAccount: [], links: [] });
  });
});
