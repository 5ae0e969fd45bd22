import request from "supertest";
import { cookie, sessionFrom, startApi, type ApiHarness } from "./apiHarness";

/** A fresh install: the seeded default space has no owner until the first account signs up. */

let h: ApiHarness;
beforeAll(async () => {
  h = await startApi("api-first-owner", {}, { firstOwner: true });
});
afterAll(() => h.close());

const signup = (n: number) =>
  request(h.app)
    .post("/api/auth/signup")
    .send({ email: `racer${n}@example.com`, password: "long enough password", displayName: `Racer ${n}`, avatar: "ada" });

test("the page can tell a fresh install is waiting for its owner", async () => {
  const res = await request(h.app).get("/api/spaces/default").expect(200);
  expect(res.body.space.awaitingOwner).toBe(true);
});

test("of many sign-ups racing on a fresh install, exactly one becomes owner of the default space", async () => {
  const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => signup(i)));
  expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
  const owners = responses.filter((r) => r.body.ownerOf?.slug === "default");
  expect(owners).toHaveLength(1);
  const space = (await h.t.repos.spaces.findBySlug("default"))!;
  expect(await h.t.repos.members.countWithRole(space._id, "owner")).toBe(1);
  expect(space.needsOwner).toBe(false);

  // The winner's session already admits them to the default office as its owner; the others are plain accounts.
  const ownerToken = sessionFrom(owners[0])!;
  const mine = await request(h.app).get("/api/spaces/default").set("Cookie", cookie(ownerToken)).expect(200);
  expect(mine.body.space).toMatchObject({ role: "owner", awaitingOwner: false });
  const loser = responses.find((r) => r !== owners[0])!;
  const theirs = await request(h.app).get("/api/spaces/default").set("Cookie", cookie(sessionFrom(loser)!)).expect(200);
  expect(theirs.body.space.role).toBeNull();

  // Said in the audit log.
  const audit = await request(h.app).get("/api/spaces/default/audit").set("Cookie", cookie(ownerToken)).expect(200);
  expect(audit.body.entries[0]).toMatchObject({ action: "owner.claim", actorName: owners[0].body.member.displayName });
});

test("later sign-ups never become owner", async () => {
  const res = await signup(99).expect(201);
  expect(res.body.ownerOf).toBeNull();
});
