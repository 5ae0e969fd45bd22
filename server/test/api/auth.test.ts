import { Types } from "mongoose";
import express from "express";
import request from "supertest";
import { hashPassword } from "../../auth/password";
import { createApiRouter } from "../../http/api/createApiRouter";
import { signSession } from "../../auth/sessionToken";
import { cookie, sessionFrom, signUp, startApi, TEST_SECRET, type ApiHarness } from "./apiHarness";

let h: ApiHarness;
beforeAll(async () => {
  h = await startApi("api-auth");
});
afterAll(() => h.close());

describe("POST /api/auth/signup", () => {
  it("creates an account; signing in with it sets an httpOnly SameSite=Lax session cookie", async () => {
    const created = await request(h.app)
      .post("/api/auth/signup")
      .send({ email: "Grace@Example.com", password: "correct horse battery", displayName: "Grace", avatar: "fay" })
      .expect(202);
    expect(sessionFrom(created)).toBeUndefined();
    const res = await request(h.app).post("/api/auth/signin").send({ email: "grace@example.com", password: "correct horse battery" }).expect(200);
    expect(res.body.member).toMatchObject({ email: "grace@example.com", displayName: "Grace", avatar: "fay", guest: false });
    expect(res.body.member).not.toHaveProperty("passwordHash");
    const set = String(res.headers["set-cookie"]);
    expect(set).toMatch(/deskmap_session=/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    const me = await request(h.app).get("/api/me").set("Cookie", cookie(sessionFrom(res)!)).expect(200);
    expect(me.body.member.email).toBe("grace@example.com");
  });

  it("answers a taken email exactly as a free one, and leaves the existing account untouched", async () => {
    const body = { email: "twice@example.com", password: "correct horse battery", displayName: "A", avatar: "bo" };
    const first = await request(h.app).post("/api/auth/signup").send(body).expect(202);
    const again = await request(h.app)
      .post("/api/auth/signup")
      .send({ ...body, email: "TWICE@example.com", password: "someone else's password", displayName: "B" })
      .expect(202);
    const fresh = await request(h.app).post("/api/auth/signup").send({ ...body, email: "fresh@example.com" }).expect(202);
    expect(again.body).toEqual(first.body);
    expect(again.body).toEqual(fresh.body);
    expect(Object.keys(again.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    // The outcome shows at sign-in: the first owner's password still works, the second one's does not.
    await request(h.app).post("/api/auth/signin").send({ email: body.email, password: "someone else's password" }).expect(401);
    const owner = await request(h.app).post("/api/auth/signin").send({ email: body.email, password: body.password }).expect(200);
    expect(owner.body.member.displayName).toBe("A");
  });

  it("validates every field and rejects unknown ones", async () => {
    const res = await request(h.app)
      .post("/api/auth/signup")
      .send({ email: "nope", password: "short", displayName: "", avatar: "zed", admin: true })
      .expect(400);
    const paths = res.body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password", "displayName", "avatar"]));
    expect(JSON.stringify(res.body.details)).toMatch(/admin/);
  });

  it("answers a body nested past 16 levels with 400 before parsing it, and one over 32 KiB with 413", async () => {
    const deep = `{"email":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const res = await request(h.app).post("/api/auth/signup").set("Content-Type", "application/json").send(deep).expect(400);
    expect(res.body).toEqual({ error: "JSON body nests deeper than 16 levels" });
    const big = await request(h.app).post("/api/auth/signup").send({ email: "x".repeat(40_000) }).expect(413);
    expect(big.body.error).toMatch(/too large/);
  });

  it("answers malformed JSON with 400", async () => {
    const res = await request(h.app).post("/api/auth/signup").set("Content-Type", "application/json").send('{"email": ').expect(400);
    expect(res.body).toEqual({ error: "malformed JSON body" });
  });

  it("is refused when sign-up is disabled", async () => {
    const closed = await startApi("api-auth-closed", { allowSignup: false });
    try {
      await request(closed.app)
        .post("/api/auth/signup")
        .send({ email: "x@example.com", password: "correct horse battery", displayName: "X", avatar: "bo" })
        .expect(403);
    } finally {
      await closed.close();
    }
  });
});

describe("POST /api/auth/signin and signout", () => {
  it("signs in with the right password; the same generic 401 for a wrong password or unknown email", async () => {
    const { email } = await signUp(h.app);
    const ok = await request(h.app).post("/api/auth/signin").send({ email, password: "long enough password" }).expect(200);
    expect(sessionFrom(ok)).toBeTruthy();
    const wrong = await request(h.app).post("/api/auth/signin").send({ email, password: "wrong password!" }).expect(401);
    const unknown = await request(h.app).post("/api/auth/signin").send({ email: "ghost@example.com", password: "whatever123" }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(sessionFrom(wrong)).toBeUndefined();
  });

  it("slows guessing: after 10 attempts for one email, even the right password gets 429", async () => {
    const { email } = await signUp(h.app);
    for (let i = 0; i < 10; i++) await request(h.app).post("/api/auth/signin").send({ email, password: `guess number ${i}` }).expect(401);
    const locked = await request(h.app).post("/api/auth/signin").send({ email, password: "long enough password" }).expect(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect(locked.body.error).toMatch(/^too many sign-in attempts for this email; try again in \d+ s$/);
    const other = await signUp(h.app);
    await request(h.app).post("/api/auth/signin").send({ email: other.email, password: "long enough password" }).expect(200);
  });

  it("signout clears the cookie", async () => {
    const res = await request(h.app).post("/api/auth/signout").expect(204);
    expect(String(res.headers["set-cookie"])).toMatch(/deskmap_session=;.*Expires=Thu, 01 Jan 1970/);
  });
});

describe("password hashes made with older parameters", () => {
  it("are replaced by an N=2^17 hash on the next successful sign-in, which keeps working", async () => {
    // This router hashes with the real (OWASP) parameters, not the harness's cheap ones.
    const app = express();
    app.use("/api", createApiRouter({ ...h.ctx, passwordParams: undefined }));
    const old = await hashPassword("an old password here", { N: 2 ** 14, r: 8, p: 1 });
    const member = await h.t.repos.members.createAccount({ email: "old@example.com", passwordHash: old, displayName: "Old", avatar: "bo" });
    await request(app).post("/api/auth/signin").send({ email: "old@example.com", password: "wrong password!!" }).expect(401);
    expect((await h.t.repos.members.findById(member._id))!.passwordHash).toBe(old);
    await request(app).post("/api/auth/signin").send({ email: "old@example.com", password: "an old password here" }).expect(200);
    const rehashed = (await h.t.repos.members.findById(member._id))!.passwordHash!;
    expect(rehashed.startsWith("scrypt$131072$8$1$")).toBe(true);
    await request(app).post("/api/auth/signin").send({ email: "old@example.com", password: "an old password here" }).expect(200);
    expect((await h.t.repos.members.findById(member._id))!.passwordHash).toBe(rehashed);
  });
});

describe("session checks on /api/me", () => {
  it("401 without a session", async () => {
    expect((await request(h.app).get("/api/me").expect(401)).body.error).toMatch(/sign in/);
  });

  it("401 for an expired, a tampered or a foreign-secret token", async () => {
    const { id, token } = await signUp(h.app);
    const sid = await h.t.repos.sessions.create(new Types.ObjectId(id), new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    const expired = signSession({ sub: id, sid, spaces: [], ttlSeconds: 60 }, TEST_SECRET, Date.now() - 120_000);
    expect((await request(h.app).get("/api/me").set("Cookie", cookie(expired)).expect(401)).body.error).toMatch(/expired/);
    const [payload, sig] = token.split(".");
    const tampered = `${payload.slice(0, -2)}AA.${sig}`;
    await request(h.app).get("/api/me").set("Cookie", cookie(tampered)).expect(401);
    const foreign = signSession({ sub: id, sid, spaces: [], ttlSeconds: 60 }, "another-secret".padEnd(40, "y"));
    await request(h.app).get("/api/me").set("Cookie", cookie(foreign)).expect(401);
  });

  it("accepts the token as a Bearer header for non-browser clients", async () => {
    const { token } = await signUp(h.app, "Bot");
    const res = await request(h.app).get("/api/me").set("Authorization", `Bearer ${token}`).expect(200);
    expect(res.body.member.displayName).toBe("Bot");
  });

  it("PATCH /api/me changes name and avatar, validating them", async () => {
    const { token } = await signUp(h.app);
    const res = await request(h.app).patch("/api/me").set("Cookie", cookie(token)).send({ displayName: "Renamed", avatar: "hana" }).expect(200);
    expect(res.body.member).toMatchObject({ displayName: "Renamed", avatar: "hana" });
    await request(h.app).patch("/api/me").set("Cookie", cookie(token)).send({}).expect(400);
    await request(h.app).patch("/api/me").set("Cookie", cookie(token)).send({ email: "x@y.z" }).expect(400);
    await request(h.app).patch("/api/me").set("Cookie", cookie(token)).send({ displayName: "bad\u0007name" }).expect(400);
  });
});

describe("POST /api/auth/guest", () => {
  it("admits a guest to a space that allows guests, with a session for that space", async () => {
    const res = await request(h.app).post("/api/auth/guest").send({ space: "default", displayName: "Visitor", avatar: "cyd" }).expect(201);
    expect(res.body.member).toMatchObject({ guest: true, displayName: "Visitor", email: null });
    expect(res.body.space).toMatchObject({ slug: "default", role: "guest" });
    const me = await request(h.app).get("/api/me").set("Cookie", cookie(sessionFrom(res)!)).expect(200);
    expect(me.body.spaces).toEqual([{ slug: "default", name: "Deskmap Office", role: "guest", banned: false }]);
  });

  it("refuses when the space does not admit guests (403) or does not exist (404)", async () => {
    await h.t.repos.spaces.create({ slug: "members-only", name: "Members only", settings: { guestAccess: false } });
    await request(h.app).post("/api/auth/guest").send({ space: "members-only", displayName: "V", avatar: "cyd" }).expect(403);
    await request(h.app).post("/api/auth/guest").send({ space: "no-such", displayName: "V", avatar: "cyd" }).expect(404);
  });

  it("guests cannot create spaces", async () => {
    const res = await request(h.app).post("/api/auth/guest").send({ space: "default", displayName: "V", avatar: "cyd" });
    await request(h.app).post("/api/spaces").set("Cookie", cookie(sessionFrom(res)!)).send({ slug: "guest-made", name: "G" }).expect(403);
  });
});

describe("unknown routes", () => {
  it("answer JSON 404", async () => {
    expect((await request(h.app).get("/api/nothing-here").expect(404)).body.error).toMatch(/no API route/);
  });
});
