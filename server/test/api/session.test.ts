import request from "supertest";
import { cookie, signUp, startApi, type ApiHarness } from "./apiHarness";

/** GET /api/auth/session: the join page asks who this browser is; "nobody" is a 200, not a 401. */
let h: ApiHarness;
beforeAll(async () => {
  h = await startApi("api-session");
});
afterAll(() => h.close());

it("answers null without a session, or with a bad or forged one", async () => {
  expect((await request(h.app).get("/api/auth/session").expect(200)).body).toEqual({ member: null });
  const forged = await request(h.app).get("/api/auth/session").set("Cookie", cookie("not.a.token")).expect(200);
  expect(forged.body).toEqual({ member: null });
});

it("answers the signed-in member, without secrets, and is never cached", async () => {
  const { token, id, email } = await signUp(h.app, "Sam");
  const res = await request(h.app).get("/api/auth/session").set("Cookie", cookie(token)).expect(200);
  expect(res.body.member).toEqual({ id, displayName: "Sam", avatar: "ada", email, guest: false });
  expect(res.headers["cache-control"]).toBe("no-store");
});

it("answers a guest as a guest", async () => {
  const guest = await request(h.app).post("/api/auth/guest").send({ space: "default", displayName: "Gil", avatar: "bo" }).expect(201);
  const token = String(guest.headers["set-cookie"]).match(/deskmap_session=([^;]+)/)![1];
  const res = await request(h.app).get("/api/auth/session").set("Cookie", `deskmap_session=${token}`).expect(200);
  expect(res.body.member).toMatchObject({ displayName: "Gil", guest: true, email: null });
});
