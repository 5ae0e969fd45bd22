import type { Types } from "mongoose";
import { ConflictError } from "./errors";
import { membershipIn } from "./MemberRepository";
import { openTestDatabase, type TestDatabase } from "./testDatabase";

let t: TestDatabase;
let space: Types.ObjectId;
beforeAll(async () => {
  t = await openTestDatabase("members");
  space = (await t.repos.spaces.create({ slug: "hq", name: "HQ" }))._id;
});
afterAll(() => t.destroy());

const account = (email: string) => ({ email, passwordHash: "scrypt$x", displayName: "Ada", avatar: "ada" as const });

describe("MemberRepository", () => {
  it("creates an account with a normalised email and finds it by email", async () => {
    const created = await t.repos.members.createAccount(account("  Ada@Example.COM "));
    expect(created.email).toBe("ada@example.com");
    expect((await t.repos.members.findByEmail("ADA@example.com"))?._id.equals(created._id)).toBe(true);
  });

  it("refuses a second account with the same email", async () => {
    await t.repos.members.createAccount(account("bo@example.com"));
    await expect(t.repos.members.createAccount(account("BO@example.com"))).rejects.toBeInstanceOf(ConflictError);
  });

  it("allows any number of guests (no email) despite the unique email index", async () => {
    const a = await t.repos.members.createGuest({ displayName: "Visitor", avatar: "bo", space });
    const b = await t.repos.members.createGuest({ displayName: "Visitor", avatar: "bo", space });
    expect(a._id.equals(b._id)).toBe(false);
    expect(a.email).toBeUndefined();
    expect(membershipIn(a, space)?.role).toBe("guest");
  });

  it("adds a membership once, changes role and bans", async () => {
    const m = await t.repos.members.createAccount(account("cyd@example.com"));
    await t.repos.members.addMembership(m._id, space, "member");
    const again = await t.repos.members.addMembership(m._id, space, "admin");
    expect(again?.memberships).toHaveLength(1);
    expect(again && membershipIn(again, space)?.role).toBe("member");
    expect(await t.repos.members.setRole(m._id, space, "admin")).toBe(true);
    expect(await t.repos.members.setBanned(m._id, space, true)).toBe(true);
    const now = await t.repos.members.findById(m._id.toHexString());
    expect(now && membershipIn(now, space)).toMatchObject({ role: "admin", banned: true });
  });

  it("lists members of one space only", async () => {
    const other = (await t.repos.spaces.create({ slug: "elsewhere", name: "Elsewhere" }))._id;
    const outsider = await t.repos.members.createGuest({ displayName: "Outsider", avatar: "eli", space: other });
    const list = await t.repos.members.listBySpace(space);
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.some((m) => m.id === outsider._id.toHexString())).toBe(false);
    expect(list.find((m) => m.displayName === "Visitor")).toMatchObject({ role: "guest", guest: true });
  });

  it("updates the profile with validation", async () => {
    const m = await t.repos.members.createAccount(account("dee@example.com"));
    const updated = await t.repos.members.updateProfile(m._id, { displayName: "Dee", avatar: "dee" });
    expect(updated).toMatchObject({ displayName: "Dee", avatar: "dee" });
    await expect(t.repos.members.updateProfile(m._id, { avatar: "nobody" as "ada" })).rejects.toThrow();
  });

  it("returns null for ids that are not ObjectIds", async () => {
    expect(await t.repos.members.findById("not-an-id")).toBeNull();
    expect(await t.repos.members.findById("0123456789abcdef01234567")).toBeNull();
  });

  it("saves and loads a position per space, and the position survives a restart", async () => {
    const m = await t.repos.members.createGuest({ displayName: "Walker", avatar: "gus", space });
    expect(await t.repos.members.loadPosition(m._id, space)).toBeNull();
    await t.repos.members.savePosition(m._id, space, { x: 100, y: 164, facing: "left" });
    await t.repos.members.savePosition(m._id, space, { x: 132, y: 196, facing: "up" });
    await t.restart();
    expect(await t.repos.members.loadPosition(m._id, space)).toMatchObject({ x: 132, y: 196, facing: "up" });
    // A space the member does not belong to keeps nothing.
    const other = (await t.repos.spaces.findBySlug("elsewhere"))!._id;
    await t.repos.members.savePosition(m._id, other, { x: 1, y: 1, facing: "down" });
    expect(await t.repos.members.loadPosition(m._id, other)).toBeNull();
  });
});
