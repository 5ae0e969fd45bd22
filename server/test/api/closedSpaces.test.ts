import request from "supertest";
import { cookie, memberOf, signUp, startApi, type ApiHarness } from "./apiHarness";

/** A space that admits no guests shows its settings and map only to its members (issue 15). */
let h: ApiHarness;
beforeAll(async () => {
  h = await startApi("api-closed-spaces");
  const owner = await signUp(h.app, "Olga");
  const made = await request(h.app).post("/api/spaces").set("Cookie", cookie(owner.token)).send({ slug: "vault", name: "The Vault" }).expect(201);
  const ownerToken = String(made.headers["set-cookie"]).match(/deskmap_session=([^;]+)/)![1]!;
  await request(h.app).patch("/api/spaces/vault/settings").set("Cookie", `deskmap_session=${ownerToken}`).send({ guestAccess: false }).expect(200);
});
afterAll(() => h.close());

it("outsiders learn only the name and that guests are not admitted", async () => {
  const anon = await request(h.app).get("/api/spaces/vault").expect(200);
  expect(anon.body).toEqual({ space: { slug: "vault", name: "The Vault", settings: { guestAccess: false }, role: null, awaitingOwner: false } });
  const stranger = await signUp(h.app, "Stranger");
  const seen = await request(h.app).get("/api/spaces/vault").set("Cookie", cookie(stranger.token)).expect(200);
  expect(seen.body.space).not.toHaveProperty("activeMapVersion");
  expect(Object.keys(seen.body.space.settings)).toEqual(["guestAccess"]);
});

it("members see the settings; the map is theirs only: 401 anonymous, 403 for an outsider", async () => {
  const member = await memberOf(h, "vault", "member", "Mo");
  const mine = await request(h.app).get("/api/spaces/vault").set("Cookie", cookie(member.token)).expect(200);
  expect(mine.body.space).toMatchObject({ role: "member", activeMapVersion: 1, settings: { guestAccess: false, hearingRadiusTiles: 3 } });
  const map = await request(h.app).get("/api/spaces/vault/map").set("Cookie", cookie(member.token)).expect(200);
  expect(map.body).toMatchObject({ width: 10, height: 8 });
  expect(map.headers.etag).toBe('"map-vault-1"');
  expect((await request(h.app).get("/api/spaces/vault/map").expect(401)).body.error).toBe("sign in first");
  const stranger = await signUp(h.app, "Peeker");
  expect((await request(h.app).get("/api/spaces/vault/map").set("Cookie", cookie(stranger.token)).expect(403)).body.error).toMatch(/members only/);
});

it("a banned member is an outsider again", async () => {
  const member = await memberOf(h, "vault", "member", "Banned Bo");
  const space = (await h.t.repos.spaces.findBySlug("vault"))!;
  await h.t.repos.members.setBanned((await h.t.repos.members.findById(member.id))!._id, space._id, true);
  await request(h.app).get("/api/spaces/vault/map").set("Cookie", cookie(member.token)).expect(403);
  expect((await request(h.app).get("/api/spaces/vault").set("Cookie", cookie(member.token)).expect(200)).body.space.role).toBeNull();
});

it("a space open to guests shows its settings and map to anyone, as before", async () => {
  const anon = await request(h.app).get("/api/spaces/default").expect(200);
  expect(anon.body.space).toMatchObject({ activeMapVersion: 1, settings: { guestAccess: true } });
  await request(h.app).get("/api/spaces/default/map").expect(200);
  await request(h.app).get("/api/spaces/nowhere/map").expect(404);
});
