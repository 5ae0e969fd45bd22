import request from "supertest";
import { cookie, memberOf, signUp, startApi, type ApiHarness } from "./apiHarness";
import { dbSnapshot } from "./dbSnapshot";

/** An invite-only space, even one that takes guests (by guest invite), shows outsiders only its name (issue 17). */
let h: ApiHarness;
beforeAll(async () => {
  h = await startApi("api-invite-only-spaces");
  const owner = await signUp(h.app, "Ines");
  const made = await request(h.app).post("/api/spaces").set("Cookie", cookie(owner.token)).send({ slug: "club", name: "The Club" }).expect(201);
  const ownerToken = String(made.headers["set-cookie"]).match(/deskmap_session=([^;]+)/)![1]!;
  await request(h.app)
    .patch("/api/spaces/club/settings")
    .set("Cookie", `deskmap_session=${ownerToken}`)
    .send({ joinPolicy: "invite", guestAccess: true, maxConversationSize: 4 })
    .expect(200);
});
afterAll(() => h.close());

it("outsiders, signed in or not, learn only the name (and that guests may come with an invite); the map is refused", async () => {
  const before = await dbSnapshot(h.t);
  const anon = await request(h.app).get("/api/spaces/club").expect(200);
  expect(anon.body).toEqual({ space: { slug: "club", name: "The Club", settings: { guestAccess: true }, role: null } });
  const stranger = await signUp(h.app, "Stranger");
  const afterSignUp = await dbSnapshot(h.t);
  const seen = await request(h.app).get("/api/spaces/club").set("Cookie", cookie(stranger.token)).expect(200);
  expect(seen.body).toEqual({ space: { slug: "club", name: "The Club", settings: { guestAccess: true }, role: null } });
  expect((await request(h.app).get("/api/spaces/club/map").expect(401)).body.error).toBe("sign in first");
  expect((await request(h.app).get("/api/spaces/club/map").set("Cookie", cookie(stranger.token)).expect(403)).body.error).toMatch(/members only/);
  // Looking changed nothing: the anonymous look left the database as it was, and so did the stranger's.
  expect(before).not.toEqual(afterSignUp); // (the sign-up itself is a write; the looks are not)
  expect(await dbSnapshot(h.t)).toEqual(afterSignUp);
});

it("a member sees the settings and the map", async () => {
  const member = await memberOf(h, "club", "member", "Mo");
  const before = await dbSnapshot(h.t);
  const mine = await request(h.app).get("/api/spaces/club").set("Cookie", cookie(member.token)).expect(200);
  expect(mine.body.space).toMatchObject({
    role: "member",
    activeMapVersion: 1,
    settings: { joinPolicy: "invite", guestAccess: true, maxConversationSize: 4 },
  });
  await request(h.app).get("/api/spaces/club/map").set("Cookie", cookie(member.token)).expect(200);
  expect(await dbSnapshot(h.t)).toEqual(before);
});

it("an open space that takes guests still shows its settings to anyone", async () => {
  const anon = await request(h.app).get("/api/spaces/default").expect(200);
  expect(anon.body.space).toMatchObject({ settings: { guestAccess: true, joinPolicy: "open" } });
});
