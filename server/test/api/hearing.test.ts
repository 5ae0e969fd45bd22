import request from "supertest";
import { cookie, signUp, startApi, type ApiHarness } from "./apiHarness";

/** The hearing distance chosen in settings is saved on the member (PATCH /api/me) and read back (GET /api/me). */
let h: ApiHarness;
beforeAll(async () => {
  h = await startApi("api-hearing");
});
afterAll(() => h.close());

it("saves a hearing distance and reads it back; unset until chosen", async () => {
  const { token } = await signUp(h.app, "Hal");
  const before = await request(h.app).get("/api/me").set("Cookie", cookie(token)).expect(200);
  expect(before.body.member.hearingTiles).toBeUndefined();

  const patched = await request(h.app).patch("/api/me").set("Cookie", cookie(token)).send({ hearingTiles: 4 }).expect(200);
  expect(patched.body.member.hearingTiles).toBe(4);
  const after = await request(h.app).get("/api/me").set("Cookie", cookie(token)).expect(200);
  expect(after.body.member).toMatchObject({ displayName: "Hal", hearingTiles: 4 });
  // The session view (what the join page loads) carries it too.
  const session = await request(h.app).get("/api/auth/session").set("Cookie", cookie(token)).expect(200);
  expect(session.body.member.hearingTiles).toBe(4);
});

it("refuses a distance out of bounds or not a whole number, with a reason, and keeps the saved one", async () => {
  const { token } = await signUp(h.app, "Ola");
  await request(h.app).patch("/api/me").set("Cookie", cookie(token)).send({ hearingTiles: 3 }).expect(200);
  for (const bad of [99, 0, 2.5, "4"]) {
    const res = await request(h.app).patch("/api/me").set("Cookie", cookie(token)).send({ hearingTiles: bad }).expect(400);
    expect(JSON.stringify(res.body)).toMatch(/hearingTiles/);
  }
  const tooFar = await request(h.app).patch("/api/me").set("Cookie", cookie(token)).send({ hearingTiles: 99 }).expect(400);
  expect(JSON.stringify(tooFar.body)).toContain("must be at most 6 tiles");
  const me = await request(h.app).get("/api/me").set("Cookie", cookie(token)).expect(200);
  expect(me.body.member.hearingTiles).toBe(3);
});
