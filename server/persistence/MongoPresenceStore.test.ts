import { openTestDatabase, type TestDatabase } from "../db/repositories/testDatabase";
import { MongoPresenceStore } from "./MongoPresenceStore";

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase("presence");
});
afterAll(() => t.destroy());

describe("MongoPresenceStore", () => {
  it("saves and loads per member and space, surviving a restart", async () => {
    const a = await t.repos.spaces.create({ slug: "a", name: "A" });
    const b = await t.repos.spaces.create({ slug: "b", name: "B" });
    const member = await t.repos.members.createGuest({ displayName: "P", avatar: "ada", space: a._id });
    await t.repos.members.addMembership(member._id, b._id, "guest");
    const id = member._id.toHexString();

    await new MongoPresenceStore(t.repos).save(id, "a", { x: 40, y: 60, facing: "left" });
    await new MongoPresenceStore(t.repos).save(id, "b", { x: 200, y: 90, facing: "up" });
    await t.restart();
    const store = new MongoPresenceStore(t.repos);
    expect(await store.load(id, "a")).toEqual({ x: 40, y: 60, facing: "left" });
    expect(await store.load(id, "b")).toEqual({ x: 200, y: 90, facing: "up" });
  });

  it("ignores ids that are not members, unknown spaces and non-finite positions", async () => {
    const store = new MongoPresenceStore(t.repos);
    await expect(store.save("guest-1234", "a", { x: 1, y: 1, facing: "down" })).resolves.toBeUndefined();
    expect(await store.load("guest-1234", "a")).toBeNull();
    expect(await store.load("0123456789abcdef01234567", "a")).toBeNull();
    const member = (await t.repos.members.listBySpace((await t.repos.spaces.findBySlug("a"))!._id))[0];
    expect(await store.load(member.id, "missing")).toBeNull();
    await store.save(member.id, "a", { x: Number.NaN, y: 5, facing: "down" });
    expect(await store.load(member.id, "a")).toEqual({ x: 40, y: 60, facing: "left" });
  });
});
