import request from "supertest";
import { Sessions } from "../../auth/Sessions";
import { cookie, sessionFrom, signUp, startApi, TEST_SECRET, type ApiHarness } from "./apiHarness";

/**
 * Sessions end on the server: signing out ends the token everywhere, an
 * unused session ends after the idle period, a used one is renewed (sliding),
 * and none outlives the hard maximum (issue 15).
 */
let h: ApiHarness;
let now = Date.now();
beforeAll(async () => {
  h = await startApi("api-session-lifetime");
});
afterAll(() => h.close());

describe("sign-out", () => {
  it("ends the session on the server: a copy of the token stops working at once", async () => {
    const { token } = await signUp(h.app, "Stolen");
    await request(h.app).get("/api/me").set("Cookie", cookie(token)).expect(200);
    await request(h.app).get("/api/me").set("Authorization", `Bearer ${token}`).expect(200);
    await request(h.app).post("/api/auth/signout").set("Cookie", cookie(token)).expect(204);
    const after = await request(h.app).get("/api/me").set("Cookie", cookie(token)).expect(401);
    expect(after.body.error).toBe("this session has ended; sign in again");
    await request(h.app).get("/api/me").set("Authorization", `Bearer ${token}`).expect(401);
    expect((await request(h.app).get("/api/auth/session").set("Cookie", cookie(token)).expect(200)).body).toEqual({ member: null });
  });

  it("ends only that session: the same account signed in elsewhere stays signed in", async () => {
    const { email, token: laptop } = await signUp(h.app, "Two Devices");
    const phone = sessionFrom(await request(h.app).post("/api/auth/signin").send({ email, password: "long enough password" }).expect(200))!;
    await request(h.app).post("/api/auth/signout").set("Cookie", cookie(laptop)).expect(204);
    await request(h.app).get("/api/me").set("Cookie", cookie(laptop)).expect(401);
    await request(h.app).get("/api/me").set("Cookie", cookie(phone)).expect(200);
  });

  it("a new sign-in in the same browser ends the session its cookie held", async () => {
    const { email, token: before } = await signUp(h.app, "Again");
    const after = sessionFrom(
      await request(h.app).post("/api/auth/signin").set("Cookie", cookie(before)).send({ email, password: "long enough password" }).expect(200),
    )!;
    await request(h.app).get("/api/me").set("Cookie", cookie(before)).expect(401);
    await request(h.app).get("/api/me").set("Cookie", cookie(after)).expect(200);
  });
});

describe("sliding expiry", () => {
  const IDLE = 100;
  const MAX = 400;
  beforeAll(() => {
    now = Date.now();
    h.ctx.sessions = new Sessions(h.t.repos, TEST_SECRET, { idleSeconds: IDLE, maxSeconds: MAX }, () => now);
  });
  afterAll(() => {
    h.ctx.sessions = new Sessions(h.t.repos, TEST_SECRET, { idleSeconds: 3600, maxSeconds: 24 * 3600 });
  });

  it("renews a session in use; an unused one ends after the idle period", async () => {
    const { token: first } = await signUp(h.app, "Slider");
    const unused = (await signUp(h.app, "Idle")).token;
    // Used after 60 s: the answer carries a renewed cookie, valid for another full idle period.
    now += 60_000;
    const used = await request(h.app).get("/api/me").set("Cookie", cookie(first)).expect(200);
    const renewed = sessionFrom(used)!;
    expect(renewed).toBeDefined();
    expect(String(used.headers["set-cookie"])).toMatch(new RegExp(`Max-Age=${IDLE}`));
    // At 150 s the first token has expired and the unused session has ended; the renewed one works.
    now += 90_000;
    expect((await request(h.app).get("/api/me").set("Cookie", cookie(first)).expect(401)).body.error).toMatch(/expired/);
    await request(h.app).get("/api/me").set("Cookie", cookie(unused)).expect(401);
    await request(h.app).get("/api/me").set("Cookie", cookie(renewed)).expect(200);
  });

  it("does not renew past the maximum: sign in again after it, however active", async () => {
    let { token } = await signUp(h.app, "Busy");
    for (let used = 0; used < MAX - 30; used += 30) {
      now += 30_000;
      const res = await request(h.app).get("/api/me").set("Cookie", cookie(token)).expect(200);
      token = sessionFrom(res) ?? token;
    }
    now += 60_000;
    expect((await request(h.app).get("/api/me").set("Cookie", cookie(token)).expect(401)).body.error).toMatch(/ended|expired/);
  });

  it("a fresh token is not rewritten on every request", async () => {
    const { token } = await signUp(h.app, "Quiet");
    const res = await request(h.app).get("/api/me").set("Cookie", cookie(token)).expect(200);
    expect(res.headers["set-cookie"]).toBeUndefined();
  });
});
