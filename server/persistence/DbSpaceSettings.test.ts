import { openTestDatabase, type TestDatabase } from "../db/repositories/testDatabase";
import { DbSpaceSettings } from "./DbSpaceSettings";

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase("spacesettings");
});
afterAll(() => t.destroy());

describe("DbSpaceSettings", () => {
  it("reads a space's conversation settings, defaults included, and null for unknown spaces", async () => {
    await t.repos.spaces.create({ slug: "tuned", name: "Tuned", settings: { hearingRadiusTiles: 2, leaveRadiusTiles: 5, maxConversationSize: 3 } });
    await t.repos.spaces.create({ slug: "plain", name: "Plain" });
    const source = new DbSpaceSettings(t.repos);
    expect(await source.settings("tuned")).toEqual({ hearingRadiusTiles: 2, leaveRadiusTiles: 5, maxConversationSize: 3, meetupHosts: "members" });
    expect(await source.settings("plain")).toEqual({ hearingRadiusTiles: 3, leaveRadiusTiles: 4.5, maxConversationSize: 6, meetupHosts: "members" });
    expect(await source.settings("nope")).toBeNull();
  });
});
