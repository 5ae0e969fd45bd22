import request from "supertest";
import { cookie, memberOf, sessionFrom, signUp, startApi, type ApiHarness } from "./apiHarness";

let h: ApiHarness;
beforeAll(async () => {
  h = await startApi("api-spaces");
});
afterAll(() => h.close());

describe("spaces", () => {
  it("a signed-in account creates a space, becomes its owner, and the space starts with the default map", async () => {
    const { token } = await signUp(h.app, "Founder");
    const res = await request(h.app).post("/api/spaces").set("Cookie", cookie(token)).send({ slug: "acme", name: "Acme" }).expect(201);
    expect(res.body.space).toMatchObject({ slug: "acme", name: "Acme", role: "owner", activeMapVersion: 1 });
    const owner = sessionFrom(res)!;
    const members = await request(h.app).get("/api/spaces/acme/members").set("Cookie", cookie(owner)).expect(200);
    expect(members.body.members).toEqual([expect.objectContaining({ displayName: "Founder", role: "owner" })]);
    const maps = await request(h.app).get("/api/spaces/acme/maps").set("Cookie", cookie(owner)).expect(200);
    expect(maps.body.maps).toEqual([expect.objectContaining({ version: 1, active: true, width: 10, height: 8 })]);
  });

  it("refuses a taken slug with 409, a bad slug with 400, and anonymous callers with 401", async () => {
    const { token } = await signUp(h.app);
    await request(h.app).post("/api/spaces").set("Cookie", cookie(token)).send({ slug: "default", name: "Again" }).expect(409);
    const bad = await request(h.app).post("/api/spaces").set("Cookie", cookie(token)).send({ slug: "Not OK!", name: "x" }).expect(400);
    expect(bad.body.details[0].path).toBe("slug");
    await request(h.app).post("/api/spaces").send({ slug: "anon", name: "Anon" }).expect(401);
    await request(h.app).post("/api/spaces").set("Cookie", cookie(token)).send({ slug: "extra", name: "x", owner: "me" }).expect(400);
  });

  it("GET /api/spaces/:slug shows the space and the caller's role", async () => {
    const anon = await request(h.app).get("/api/spaces/default").expect(200);
    expect(anon.body.space).toMatchObject({ slug: "default", role: null, settings: { guestAccess: true, hearingRadiusTiles: 3 } });
    const member = await memberOf(h, "default");
    const mine = await request(h.app).get("/api/spaces/default").set("Cookie", cookie(member.token)).expect(200);
    expect(mine.body.space.role).toBe("member");
    await request(h.app).get("/api/spaces/nowhere").expect(404);
  });
});

describe("joining and invites", () => {
  it("an account joins a space as member; its new session names the space", async () => {
    const user = await signUp(h.app);
    const res = await request(h.app).post("/api/spaces/default/join").set("Cookie", cookie(user.token)).send({}).expect(200);
    expect(res.body.space.role).toBe("member");
    const payload = JSON.parse(Buffer.from(sessionFrom(res)!.split(".")[0], "base64url").toString());
    expect(payload.sp).toEqual(["default"]);
  });

  it("owner/admin invite with a role; the invite grants it, only in its own space", async () => {
    const admin = await memberOf(h, "default", "admin");
    const inv = await request(h.app).post("/api/spaces/default/invites").set("Cookie", cookie(admin.token)).send({ role: "guest", expiresInHours: 2 }).expect(201);
    expect(inv.body.url).toContain(`space=default&invite=${encodeURIComponent(inv.body.token)}`);
    const invitee = await signUp(h.app);
    const joined = await request(h.app)
      .post("/api/spaces/default/join")
      .set("Cookie", cookie(invitee.token))
      .send({ invite: inv.body.token })
      .expect(200);
    expect(joined.body.space.role).toBe("guest");
    // The same token means nothing in another space.
    const other = await signUp(h.app);
    await request(h.app).post("/api/spaces").set("Cookie", cookie(other.token)).send({ slug: "other-co", name: "Other" }).expect(201);
    await request(h.app).post("/api/spaces/other-co/join").set("Cookie", cookie(invitee.token)).send({ invite: inv.body.token }).expect(403);
  });

  it("only the owner can invite admins; members cannot invite at all", async () => {
    const admin = await memberOf(h, "default", "admin");
    await request(h.app).post("/api/spaces/default/invites").set("Cookie", cookie(admin.token)).send({ role: "admin" }).expect(403);
    const member = await memberOf(h, "default", "member");
    await request(h.app).post("/api/spaces/default/invites").set("Cookie", cookie(member.token)).send({ role: "member" }).expect(403);
    await request(h.app).post("/api/spaces/default/invites").set("Cookie", cookie(admin.token)).send({ role: "owner" }).expect(400);
  });

  it("a banned member cannot rejoin or read the space's members", async () => {
    const member = await memberOf(h, "default", "member");
    const space = await h.t.repos.spaces.findBySlug("default");
    await h.t.repos.members.setBanned((await h.t.repos.members.findById(member.id))!._id, space!._id, true);
    await request(h.app).post("/api/spaces/default/join").set("Cookie", cookie(member.token)).send({}).expect(403);
    await request(h.app).get("/api/spaces/default/members").set("Cookie", cookie(member.token)).expect(403);
  });

  it("members of one space cannot list another space's members", async () => {
    const member = await memberOf(h, "default", "member");
    await request(h.app).get("/api/spaces/other-co/members").set("Cookie", cookie(member.token)).expect(403);
  });
});

describe("settings", () => {
  it("owner/admin change settings within bounds", async () => {
    const admin = await memberOf(h, "default", "admin");
    const res = await request(h.app)
      .patch("/api/spaces/default/settings")
      .set("Cookie", cookie(admin.token))
      .send({ hearingRadiusTiles: 4, leaveRadiusTiles: 5.5, meetupHosts: "anyone" })
      .expect(200);
    expect(res.body.space.settings).toMatchObject({ hearingRadiusTiles: 4, leaveRadiusTiles: 5.5, meetupHosts: "anyone", maxConversationSize: 6 });
  });

  it("rejects out-of-bounds values, unknown fields and a leave radius below hearing", async () => {
    const admin = await memberOf(h, "default", "admin");
    const send = (body: object) => request(h.app).patch("/api/spaces/default/settings").set("Cookie", cookie(admin.token)).send(body);
    expect((await send({ hearingRadiusTiles: 11 }).expect(400)).body.details[0].path).toBe("hearingRadiusTiles");
    expect((await send({ maxConversationSize: 1 }).expect(400)).body.details[0].path).toBe("maxConversationSize");
    expect(JSON.stringify((await send({ volume: 3 }).expect(400)).body.details)).toMatch(/volume/);
    expect((await send({ leaveRadiusTiles: 2 }).expect(400)).body.details[0].path).toBe("leaveRadiusTiles");
    await send({}).expect(400);
  });

  it("a member or guest cannot change settings (403)", async () => {
    const member = await memberOf(h, "default", "member");
    await request(h.app).patch("/api/spaces/default/settings").set("Cookie", cookie(member.token)).send({ guestAccess: false }).expect(403);
    const guest = await request(h.app).post("/api/auth/guest").send({ space: "default", displayName: "G", avatar: "bo" });
    await request(h.app).patch("/api/spaces/default/settings").set("Cookie", cookie(sessionFrom(guest)!)).send({ guestAccess: false }).expect(403);
    expect((await h.t.repos.spaces.findBySlug("default"))?.settings.guestAccess).toBe(true);
  });
});
