import request from "supertest";
import { cookie, sessionFrom, startApi, type ApiHarness } from "./apiHarness";

/** A fresh install: the seeded default space has no owner until the first account signs up. */

let h: ApiHarness;
beforeAll(async () => {
  h = await startApi("api-first-owner", {}, { firstOwner: true });
});
afterAll(() => h.close());

const password = "long enough password";
const email = (n: number) => `racer${n}@example.com`;
const signup = (n: number) =>
  request(h.app).post("/api/auth/signup").send({ email: email(n), password, displayName: `Racer ${n}`, avatar: "ada" });
/** Sign-up sets no session (it answers the same for a taken email): the page signs in next. */
const signin = (n: number) => request(h.app).post("/api/auth/signin").send({ email: email(n), password }).expect(200);
const roleIn = async (token: string, slug: string) =>
  (await request(h.app).get(`/api/spaces/${slug}`).set("Cookie", cookie(token)).expect(200)).body.space;

test("the page can tell a fresh install is waiting for its owner", async () => {
  const res = await request(h.app).get("/api/spaces/default").expect(200);
  expect(res.body.space.awaitingOwner).toBe(true);
});

test("of many sign-ups racing on a fresh install, exactly one becomes owner of the default space", async () => {
  const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => signup(i)));
  expect(responses.map((r) => r.status)).toEqual(Array(8).fill(202));
  const space = (await h.t.repos.spaces.findBySlug("default"))!;
  expect(await h.t.repos.members.countWithRole(space._id, "owner")).toBe(1);
  expect(space.needsOwner).toBe(false);

  // Signed in, the winner is the default office's owner; the others are plain accounts.
  const sessions = await Promise.all(Array.from({ length: 8 }, async (_, i) => sessionFrom(await signin(i))!));
  const views = await Promise.all(sessions.map((token) => roleIn(token, "default")));
  const winners = views.flatMap((view, i) => (view.role === "owner" ? [i] : []));
  expect(winners).toHaveLength(1);
  expect(views[winners[0]!]).toMatchObject({ role: "owner", awaitingOwner: false });
  expect(views.filter((view) => view.role === null)).toHaveLength(7);

  // Said in the audit log.
  const audit = await request(h.app).get("/api/spaces/default/audit").set("Cookie", cookie(sessions[winners[0]!]!)).expect(200);
  expect(audit.body.entries[0]).toMatchObject({ action: "owner.claim", actorName: `Racer ${winners[0]}` });
});

test("later sign-ups never become owner", async () => {
  await signup(99).expect(202);
  expect((await roleIn(sessionFrom(await signin(99))!, "default")).role).toBeNull();
});
