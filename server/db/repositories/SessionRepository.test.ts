import type { Types } from "mongoose";
import { openTestDatabase, type TestDatabase } from "./testDatabase";

let t: TestDatabase;
let member: Types.ObjectId;
const later = (ms: number) => new Date(Date.now() + ms);
beforeAll(async () => {
  t = await openTestDatabase("sessions");
  const space = (await t.repos.spaces.create({ slug: "s", name: "S" }))._id;
  member = (await t.repos.members.createGuest({ displayName: "Sam", avatar: "ada", space }))._id;
});
afterAll(() => t.destroy());

describe("SessionRepository", () => {
  it("stores only the id's hash, finds live sessions and ends them", async () => {
    const sid = await t.repos.sessions.create(member, later(60_000), later(120_000));
    expect(await t.models.Session.countDocuments({ _id: sid })).toBe(0);
    expect((await t.repos.sessions.find(sid))?.member.equals(member)).toBe(true);
    await t.repos.sessions.delete(sid);
    expect(await t.repos.sessions.find(sid)).toBeNull();
  });

  it("treats a session past its idle deadline or its hard end as gone, and extends the idle deadline", async () => {
    const sid = await t.repos.sessions.create(member, later(1_000), later(10_000));
    expect(await t.repos.sessions.find(sid, later(2_000))).toBeNull();
    await t.repos.sessions.extend(sid, later(9_000));
    expect(await t.repos.sessions.find(sid, later(2_000))).not.toBeNull();
    expect(await t.repos.sessions.find(sid, later(11_000))).toBeNull();
  });

  it("ends every session of a member at once", async () => {
    await Promise.all([1, 2, 3].map(() => t.repos.sessions.create(member, later(60_000), later(60_000))));
    expect(await t.repos.sessions.deleteAllOf(member)).toBeGreaterThanOrEqual(3);
    expect(await t.models.Session.countDocuments({ member })).toBe(0);
  });

  it("lets the database remove expired sessions (TTL index on expiresAt)", async () => {
    const indexes = await t.models.Session.listIndexes();
    expect(indexes).toEqual(expect.arrayContaining([expect.objectContaining({ key: { expiresAt: 1 }, expireAfterSeconds: 0 })]));
  });
});
