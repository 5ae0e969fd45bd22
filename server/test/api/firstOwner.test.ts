import request from "supertest";
import { cookie, sessionFrom, startApi, type ApiHarness } from "./apiHarness";

/** A fresh install: the seeded default space has no owner until the first account signs up. */

let h: ApiHarness;
beforeAll(async () => {
  h = await startApi("api-first-owner", {}, { firstOwner: true });
});
afterAll(() => h.close());

const PASSWORD = "long enough password";
const signup = (n: number) =>
  request(h.app).post("/api/auth/signup").send({ email: `racer${n}@example.com`, password: PASSWORD, displayName: `Racer ${n}`, avatar: "ada" });
const signin = async (n: number) =>
  sessionFrom(await request(h.app).post("/api/auth/signin").send({ email: `racer${n}@example.com`, password: PASSWORD }).expect(200))!;

test("the page can tell a fresh install is waiting for its owner", async () => {
  const res = await request(h.app).get("/api/spaces/default").expect(200);
  expect(res.body.space.awaitingOwner).toBe(true);
});

test("of many sign-ups racing on a fresh install, exactly one becomes owner of the default space", async () => {
  const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => signup(i)));
  expect(responses.map((r) => r.status)).toEqual(Array(8).fill(202));
  // The answers are all alike (sign-up reveals nothing); the database knows who won.
  expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
  const space = (await h.t.repos.spaces.findBySlug("default"))!;
  expect(space.needsOwner).toBe(false);
  expect(await h.t.repos.members.countWithRole(space._id, "owner")).toBe(1);

  const roles: Array<string | null> = [];
  for (let n = 0; n < 8; n++) {
    const res = await request(h.app).get("/api/spaces/default").set("Cookie", cookie(await signin(n))).expect(200);
    roles.push(res.body.space.role);
  }
  expect(roles.filter((r) => r === "owner")).toHaveLength(1);
  expect(roles.filter((r) => r === null)).toHaveLength(7);

  // Said in the audit log, under the winner's name.
  const winner = roles.indexOf("owner");
  const audit = await request(h.app).get("/api/spaces/default/audit").set("Cookie", cookie(await signin(winner))).expect(200);
  expect(audit.body.entries[0]).toMatchObject({ action: "owner.claim", actorName: `Racer ${winner}` });
  expect((await request(h.app).get("/api/spaces/default").expect(200)).body.space.awaitingOwner).toBe(false);
});

test("later sign-ups never become owner", async () => {
  await signup(99).expect(202);
  const res = await request(h.app).get("/api/spaces/default").set("Cookie", cookie(await signin(99))).expect(200);
  expect(res.body.space.role).toBeNull();
});
