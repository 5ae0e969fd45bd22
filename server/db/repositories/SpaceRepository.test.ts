import { openTestDatabase, type TestDatabase } from "./testDatabase";
import { ConflictError } from "./errors";

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase("spaces");
});
afterAll(() => t.destroy());

describe("SpaceRepository", () => {
  it("creates a space with default settings and finds it by slug", async () => {
    const created = await t.repos.spaces.create({ slug: "acme", name: "Acme HQ" });
    expect(created.settings).toEqual({
      hearingRadiusTiles: 3,
      leaveRadiusTiles: 4.5,
      maxConversationSize: 6,
      guestAccess: true,
      joinPolicy: "open",
      meetupHosts: "members",
      deskPolicy: "anyone",
    });
    const found = await t.repos.spaces.findBySlug("acme");
    expect(found?._id.equals(created._id)).toBe(true);
    expect(found?.name).toBe("Acme HQ");
    expect(await t.repos.spaces.findBySlug("nope")).toBeNull();
  });

  it("refuses a duplicate slug with ConflictError", async () => {
    await t.repos.spaces.create({ slug: "dup", name: "One" });
    await expect(t.repos.spaces.create({ slug: "dup", name: "Two" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses a malformed slug", async () => {
    await expect(t.repos.spaces.create({ slug: "Bad Slug", name: "x" })).rejects.toThrow(/slug/);
  });

  it("updates settings within bounds and rejects out-of-bounds values", async () => {
    await t.repos.spaces.create({ slug: "tune", name: "Tune" });
    const updated = await t.repos.spaces.updateSettings("tune", { hearingRadiusTiles: 5, guestAccess: false });
    expect(updated?.settings).toMatchObject({ hearingRadiusTiles: 5, guestAccess: false, maxConversationSize: 6 });
    await expect(t.repos.spaces.updateSettings("tune", { maxConversationSize: 40 })).rejects.toThrow();
    expect((await t.repos.spaces.findBySlug("tune"))?.settings.maxConversationSize).toBe(6);
    expect(await t.repos.spaces.updateSettings("missing", { guestAccess: true })).toBeNull();
  });
});
