import { parseMap } from "../../shared/map/parseMap";
import { buildTestMap } from "../../shared/map/testMap";
import { openTestDatabase, type TestDatabase } from "../db/repositories/testDatabase";
import { createSpaceWithMap } from "../db/repositories/createSpaceWithMap";
import { DbMapSource } from "./DbMapSource";

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase("mapsource");
});
afterAll(() => t.destroy());

describe("DbMapSource", () => {
  it("serves the active version, follows activation at once, and is null for unknown spaces", async () => {
    const first = buildTestMap({ width: 10, height: 8 }) as unknown as Record<string, unknown>;
    const space = await createSpaceWithMap(t.repos, { slug: "src", name: "Src", tiled: first, map: parseMap(first), mapName: "one" });
    const source = new DbMapSource(t.repos);

    const v1 = await source.activeMap("src");
    expect(v1).toMatchObject({ version: 1, tiled: first, map: { width: 10, height: 8 } });
    expect(await source.activeMap("src")).toBe(v1); // parsed once per version

    const second = buildTestMap({ width: 14, height: 9 }) as unknown as Record<string, unknown>;
    const doc = await t.repos.maps.addVersion({ space: space._id, name: "two", tiled: second, width: 14, height: 9, uploadedBy: null });
    expect((await source.activeMap("src"))?.version).toBe(1); // stored but not yet active
    await t.repos.spaces.setActiveMap("src", doc._id, doc.version);
    expect(await source.activeMap("src")).toMatchObject({ version: 2, map: { width: 14, height: 9 } });

    expect(await source.activeMap("nope")).toBeNull();
  });

  it("is null for a space without any map", async () => {
    await t.repos.spaces.create({ slug: "bare", name: "Bare" });
    expect(await new DbMapSource(t.repos).activeMap("bare")).toBeNull();
  });
});
