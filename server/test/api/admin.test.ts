import request from "supertest";
import { DEVICE_BANNED, INVITE_ONLY } from "../../admin/admission";
import { LAST_OWNER } from "../../../shared/admin/roleRules";
import { cookie, memberOf, sessionFrom, signUp, startApi, type ApiHarness } from "./apiHarness";
import { dbSnapshot } from "./dbSnapshot";

/**
 * Running a space through the API: invites, join policy, roles, removal, bans
 * and deletion. Every refusal names its reason and leaves the database exactly
 * as it was (dbSnapshot before and after).
 */

let h: ApiHarness;
let owner: { token: string; id: string };
beforeAll(async () => {
  h = await startApi("api-admin");
  const founder = await signUp(h.app, "Olga");
  const created = await request(h.app).post("/api/spaces").set("Cookie", cookie(founder.token)).send({ slug: "hq", name: "HQ" }).expect(201);
  owner = { token: sessionFrom(created)!, id: founder.id };
});
afterAll(() => h.close());

const as = (token: string) => ({
  get: (path: string) => request(h.app).get(`/api${path}`).set("Cookie", cookie(token)),
  post: (path: string, body: object = {}) => request(h.app).post(`/api${path}`).set("Cookie", cookie(token)).send(body),
  put: (path: string, body: object) => request(h.app).put(`/api${path}`).set("Cookie", cookie(token)).send(body),
  patch: (path: string, body: object) => request(h.app).patch(`/api${path}`).set("Cookie", cookie(token)).send(body),
  delete: (path: string, body: object = {}) => request(h.app).delete(`/api${path}`).set("Cookie", cookie(token)).send(body),
});

/** Runs a request that must be refused with `status` and a message matching `message`, and checks nothing changed. */
async function refused(send: () => request.Test, status: number, message: RegExp | string): Promise<void> {
  const before = await dbSnapshot(h.t);
  const res = await send();
  expect([res.status, res.body.error]).toEqual([status, expect.stringMatching(message)]);
  expect(await dbSnapshot(h.t)).toBe(before);
}

async function invite(body: object, token = owner.token): Promise<{ token: string; id: string }> {
  const res = await as(token).post("/spaces/hq/invites", body).expect(201);
  return { token: res.body.token, id: res.body.invite.id };
}

describe("invites", () => {
  it("is single use by default: a second person (or the same link again) is told it was used", async () => {
    const link = await invite({ role: "member" });
    const first = await signUp(h.app, "First");
    const joined = await as(first.token).post("/spaces/hq/join", { invite: link.token }).expect(200);
    expect(joined.body.space.role).toBe("member");
    const second = await signUp(h.app, "Second");
    await refused(() => as(second.token).post("/spaces/hq/join", { invite: link.token }), 410, "this invite link has already been used; ask for a new one");
    const listed = await as(owner.token).get("/spaces/hq/invites").expect(200);
    expect(listed.body.invites.find((i: { id: string }) => i.id === link.id)).toMatchObject({ uses: 1, maxUses: 1, state: "used-up" });
  });

  it("two people racing for a single-use link: one gets in, the other is refused", async () => {
    const link = await invite({ role: "member" });
    const [a, b] = await Promise.all([signUp(h.app, "Racer A"), signUp(h.app, "Racer B")]);
    const results = await Promise.all([a, b].map((u) => as(u.token).post("/spaces/hq/join", { invite: link.token })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
  });

  it("a use limit admits that many people", async () => {
    const link = await invite({ role: "guest", maxUses: 2 });
    for (const name of ["One", "Two"]) {
      const u = await signUp(h.app, name);
      expect((await as(u.token).post("/spaces/hq/join", { invite: link.token }).expect(200)).body.space.role).toBe("guest");
    }
    const third = await signUp(h.app, "Three");
    await refused(() => as(third.token).post("/spaces/hq/join", { invite: link.token }), 410, /already been used/);
  });

  it("a revoked link says it was revoked; revoking twice is a conflict", async () => {
    const link = await invite({ role: "member", maxUses: 10 });
    await as(owner.token).delete(`/spaces/hq/invites/${link.id}`).expect(200);
    const u = await signUp(h.app);
    await refused(() => as(u.token).post("/spaces/hq/join", { invite: link.token }), 410, "this invite link was revoked by an admin of this space; ask for a new one");
    await refused(() => as(owner.token).delete(`/spaces/hq/invites/${link.id}`), 409, "this invite was already revoked");
    await refused(() => as(owner.token).delete(`/spaces/hq/invites/${"0".repeat(24)}`), 404, "no such invite in this space");
  });

  it("an expired link says it expired", async () => {
    const link = await invite({ role: "member", expiresInHours: 1 });
    await h.t.models.Invite.updateOne({ _id: link.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const u = await signUp(h.app);
    await refused(() => as(u.token).post("/spaces/hq/join", { invite: link.token }), 410, "this invite link has expired; ask for a new one");
  });

  it("an unknown link, or another space's, is refused by name", async () => {
    const u = await signUp(h.app);
    await refused(() => as(u.token).post("/spaces/hq/join", { invite: "not-a-real-token" }), 403, /not valid/);
    const link = await invite({ role: "member" });
    await refused(() => as(u.token).post("/spaces/default/join", { invite: link.token }), 403, "this invite link is for another space");
  });

  it("refuses invites from members, admin invites from admins, and bad limits, each with its reason", async () => {
    const admin = await memberOf(h, "hq", "admin", "Adam");
    const member = await memberOf(h, "hq", "member");
    await refused(() => as(member.token).post("/spaces/hq/invites", { role: "member" }), 403, "requires the admin role or higher");
    await refused(() => as(admin.token).post("/spaces/hq/invites", { role: "admin" }), 403, "only the owner can invite admins");
    const bad = await as(owner.token).post("/spaces/hq/invites", { role: "member", maxUses: 0 }).expect(400);
    expect(bad.body.details).toEqual([{ path: "maxUses", message: "must be at least 1" }]);
    await refused(() => as(member.token).get("/spaces/hq/invites"), 403, "requires the admin role or higher");
  });

  it("a guest invite lets a guest into an invite-only space; an account invite is not spent on a guest", async () => {
    await as(owner.token).patch("/spaces/hq/settings", { joinPolicy: "invite" }).expect(200);
    try {
      await refused(
        () => request(h.app).post("/api/auth/guest").send({ space: "hq", displayName: "Walk-in", avatar: "bo" }),
        403,
        INVITE_ONLY,
      );
      const memberLink = await invite({ role: "member" });
      await refused(
        () => request(h.app).post("/api/auth/guest").send({ space: "hq", displayName: "Walk-in", avatar: "bo", invite: memberLink.token }),
        403,
        /sign in or create an account to use it/,
      );
      const guestLink = await invite({ role: "guest" });
      const guest = await request(h.app).post("/api/auth/guest").send({ space: "hq", displayName: "Invited", avatar: "bo", invite: guestLink.token });
      expect(guest.status).toBe(201);
    } finally {
      await as(owner.token).patch("/spaces/hq/settings", { joinPolicy: "open" }).expect(200);
    }
  });
});

describe("join policy", () => {
  it("an invite-only space refuses accounts without an invite (POST /join), and admits them with one", async () => {
    await as(owner.token).patch("/spaces/hq/settings", { joinPolicy: "invite" }).expect(200);
    const u = await signUp(h.app, "Walk-in");
    await refused(() => as(u.token).post("/spaces/hq/join"), 403, INVITE_ONLY);
    const link = await invite({ role: "member" });
    await as(u.token).post("/spaces/hq/join", { invite: link.token }).expect(200);
    // Once a member, coming back needs no invite.
    await as(u.token).post("/spaces/hq/join").expect(200);
    await as(owner.token).patch("/spaces/hq/settings", { joinPolicy: "open" }).expect(200);
    const v = await signUp(h.app);
    await as(v.token).post("/spaces/hq/join").expect(200);
  });

  it("refuses an unknown policy with the shared message", async () => {
    const res = await as(owner.token).patch("/spaces/hq/settings", { joinPolicy: "anyone" }).expect(400);
    expect(res.body.details).toEqual([{ path: "joinPolicy", message: "must be one of open, invite" }]);
  });
});

describe("roles and ownership", () => {
  it("the owner promotes and demotes admins; admins cannot make admins or touch other admins", async () => {
    const a = await memberOf(h, "hq", "member", "Promoted");
    await as(owner.token).put(`/spaces/hq/members/${a.id}/role`, { role: "admin" }).expect(200);
    const admin = await memberOf(h, "hq", "admin", "Other admin");
    await refused(() => as(admin.token).put(`/spaces/hq/members/${a.id}/role`, { role: "member" }), 403, "an admin cannot change the role of an admin");
    const m = await memberOf(h, "hq", "member");
    await refused(() => as(admin.token).put(`/spaces/hq/members/${m.id}/role`, { role: "admin" }), 403, "only owners can make admins or owners");
    await as(admin.token).put(`/spaces/hq/members/${m.id}/role`, { role: "guest" }).expect(200);
    await as(owner.token).put(`/spaces/hq/members/${a.id}/role`, { role: "member" }).expect(200);
    await refused(() => as(m.token).put(`/spaces/hq/members/${a.id}/role`, { role: "guest" }), 403, "requires the admin role or higher");
  });

  it("nobody can demote or remove the last owner, the owner included", async () => {
    await refused(() => as(owner.token).put(`/spaces/hq/members/${owner.id}/role`, { role: "admin" }), 403, LAST_OWNER);
    await refused(() => as(owner.token).delete(`/spaces/hq/members/${owner.id}`), 403, LAST_OWNER);
    const admin = await memberOf(h, "hq", "admin");
    await refused(() => as(admin.token).put(`/spaces/hq/members/${owner.id}/role`, { role: "member" }), 403, "an admin cannot change the role of an owner");
    await refused(() => as(admin.token).delete(`/spaces/hq/members/${owner.id}`), 403, LAST_OWNER);
  });

  it("two owners demoting each other at once: one succeeds, one is refused, the space keeps an owner", async () => {
    const space = await h.t.repos.spaces.findBySlug("hq");
    const second = await memberOf(h, "hq", "owner", "Co-owner");
    const results = await Promise.all([
      as(owner.token).put(`/spaces/hq/members/${second.id}/role`, { role: "admin" }),
      as(second.token).put(`/spaces/hq/members/${owner.id}/role`, { role: "admin" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    expect(await h.t.repos.members.countWithRole(space!._id, "owner")).toBe(1);
    // Put the founder back as sole owner for the rest of the file.
    if (results[1].status === 200) {
      await as(second.token).put(`/spaces/hq/members/${owner.id}/role`, { role: "owner" }).expect(200);
      await as(owner.token).put(`/spaces/hq/members/${second.id}/role`, { role: "admin" }).expect(200);
    }
  });

  it("the owner hands over the space and becomes an admin", async () => {
    const other = await signUp(h.app, "Heir");
    const created = await as(other.token).post("/spaces", { slug: "heirloom", name: "Heirloom" }).expect(201);
    const heirOwner = sessionFrom(created)!;
    const next = await memberOf(h, "heirloom", "member", "Next");
    await refused(() => as(next.token).post("/spaces/heirloom/handover", { memberId: next.id }), 403, "requires the owner role or higher");
    await as(heirOwner).post("/spaces/heirloom/handover", { memberId: next.id }).expect(204);
    const members = await as(next.token).get("/spaces/heirloom/members").expect(200);
    const roles = Object.fromEntries(members.body.members.map((m: { displayName: string; role: string }) => [m.displayName, m.role]));
    expect(roles).toEqual({ Heir: "admin", Next: "owner" });
  });

  it("a guest cannot be given an account's role", async () => {
    const guest = await request(h.app).post("/api/auth/guest").send({ space: "hq", displayName: "Visitor", avatar: "bo" }).expect(201);
    await refused(() => as(owner.token).put(`/spaces/hq/members/${guest.body.member.id}/role`, { role: "member" }), 400, /guest has no account/);
  });
});

describe("members and bans", () => {
  it("lists role, last seen and desk; removes a member, who then is not one", async () => {
    const m = await memberOf(h, "hq", "member", "Leaver");
    const list = await as(owner.token).get("/spaces/hq/members").expect(200);
    expect(list.body.members.find((x: { id: string }) => x.id === m.id)).toMatchObject({ role: "member", deskId: null, lastSeenAt: expect.any(String) });
    await as(owner.token).delete(`/spaces/hq/members/${m.id}`).expect(204);
    await as(m.token).get("/spaces/hq/members").expect(403);
    const audit = await as(owner.token).get("/spaces/hq/audit").expect(200);
    expect(audit.body.entries[0]).toMatchObject({ action: "member.remove", actorName: "Olga", target: "Leaver" });
  });

  it("a banned guest cannot come back as a new guest from the same browser, until the ban is lifted", async () => {
    const browser = request.agent(h.app);
    const guest = await browser.post("/api/auth/guest").send({ space: "hq", displayName: "Troll", avatar: "bo" }).expect(201);
    await as(owner.token).post(`/spaces/hq/members/${guest.body.member.id}/ban`, {}).expect(204);
    await browser.post("/api/auth/signout").expect(204);
    await refused(() => browser.post("/api/auth/guest").send({ space: "hq", displayName: "Nice person", avatar: "eli" }), 403, DEVICE_BANNED);
    // An account signed up in that browser cannot join either.
    await browser.post("/api/auth/signup").send({ email: "fresh-start@example.com", password: "long enough password", displayName: "Fresh", avatar: "eli" }).expect(202);
    const signin = await browser.post("/api/auth/signin").send({ email: "fresh-start@example.com", password: "long enough password" }).expect(200);
    await refused(() => browser.post("/api/spaces/hq/join").set("Cookie", cookie(sessionFrom(signin)!)), 403, DEVICE_BANNED);

    const banned = await as(owner.token).get("/spaces/hq/members").expect(200);
    expect(banned.body.members.find((x: { id: string }) => x.id === guest.body.member.id)).toMatchObject({ banned: true });
    await as(owner.token).post(`/spaces/hq/members/${guest.body.member.id}/unban`, {}).expect(204);
    await browser.post("/api/auth/guest").send({ space: "hq", displayName: "Forgiven", avatar: "eli" }).expect(201);
    const audit = await as(owner.token).get("/spaces/hq/audit").expect(200);
    expect(audit.body.entries.slice(0, 2).map((e: { action: string }) => e.action)).toEqual(["member.unban", "member.ban"]);
  });

  it("a banned person cannot be removed (the ban would go with them)", async () => {
    const m = await memberOf(h, "hq", "member");
    await as(owner.token).post(`/spaces/hq/members/${m.id}/ban`, {}).expect(204);
    await refused(() => as(owner.token).delete(`/spaces/hq/members/${m.id}`), 409, /lift the ban/);
  });
});

describe("settings and the audit log", () => {
  it("answers out-of-range settings with the shared messages, and logs a change in words", async () => {
    const send = (body: object) => as(owner.token).patch("/spaces/hq/settings", body);
    expect((await send({ maxConversationSize: 20 }).expect(400)).body.details).toEqual([{ path: "maxConversationSize", message: "must be at most 12 people" }]);
    expect((await send({ maxConversationSize: 2.5 }).expect(400)).body.details).toEqual([{ path: "maxConversationSize", message: "must be a whole number" }]);
    expect((await send({ hearingRadiusTiles: 0 }).expect(400)).body.details).toEqual([{ path: "hearingRadiusTiles", message: "must be at least 1 tile" }]);
    await send({ maxConversationSize: 4 }).expect(200);
    const audit = await as(owner.token).get("/spaces/hq/audit").expect(200);
    expect(audit.body.entries[0]).toMatchObject({ action: "settings.change", detail: "Largest conversation: 6 → 4" });
  });

  it("members cannot read the audit log", async () => {
    const m = await memberOf(h, "hq", "member");
    await refused(() => as(m.token).get("/spaces/hq/audit"), 403, "requires the admin role or higher");
  });
});

describe("deleting a space", () => {
  it("only its owner, only with its slug typed as confirmation; everything in it goes", async () => {
    const u = await signUp(h.app, "Temp owner");
    const created = await as(u.token).post("/spaces", { slug: "doomed", name: "Doomed" }).expect(201);
    const tok = sessionFrom(created)!;
    const admin = await memberOf(h, "doomed", "admin");
    await refused(() => as(admin.token).delete("/spaces/doomed", { confirm: "doomed" }), 403, "requires the owner role or higher");
    await refused(() => as(tok).delete("/spaces/doomed", { confirm: "yes" }), 400, 'to delete, confirm with the space\'s slug "doomed"');
    const doomedId = (await h.t.repos.spaces.findBySlug("doomed"))!._id;
    const summary = await as(tok).get("/spaces/doomed/deletion").expect(200);
    expect(summary.body).toMatchObject({ name: "Doomed", members: 2, mapVersions: 1 });
    await as(tok).delete("/spaces/doomed", { confirm: "doomed" }).expect(204);
    await request(h.app).get("/api/spaces/doomed").expect(404);
    expect(await h.t.models.Space.findOne({ slug: "doomed" })).toBeNull();
    expect(await h.t.models.Member.countDocuments({ "memberships.space": doomedId })).toBe(0);
    expect(await h.t.models.Map.countDocuments({ space: doomedId })).toBe(0);
    expect(await h.t.models.AuditEntry.countDocuments({ space: doomedId })).toBe(0);
    const me = await as(tok).get("/me").expect(200);
    expect(me.body.spaces.map((s: { slug: string }) => s.slug)).not.toContain("doomed");
  });
});
