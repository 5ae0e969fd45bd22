import { parseMap } from "../../shared/map/parseMap";
import { buildTestMap } from "../../shared/map/testMap";
import { DEFAULT_SPACE, seedDatabase, type TiledWithModel } from "./seed";
import { openTestDatabase, type TestDatabase } from "./repositories/testDatabase";

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase("seed");
});
afterAll(() => t.destroy());

const fixture = (): Promise<TiledWithModel> => {
  const tiled = buildTestMap({ width: 10, height: 8 }) as unknown as Record<string, unknown>;
  return Promise.resolve({ tiled, map: parseMap(tiled) });
};

describe("seedDatabase", () => {
  it("creates the default space with its map active on an empty database, once", async () => {
    let loads = 0;
    const load = () => (loads++, fixture());
    expect(await seedDatabase(t.repos, load)).toEqual({ seeded: true });
    const space = await t.repos.spaces.findBySlug(DEFAULT_SPACE.slug);
    expect(space).toMatchObject({ name: DEFAULT_SPACE.name, activeMapVersion: 1 });
    const map = await t.repos.maps.get(space!._id, 1);
    expect(map?._id.equals(space!.activeMap!)).toBe(true);
    expect(map).toMatchObject({ width: 10, height: 8 });

    await t.restart();
    expect(await seedDatabase(t.repos, load)).toEqual({ seeded: false });
    expect(loads).toBe(1);
    expect(await t.repos.spaces.count()).toBe(1);
  });

  it("does not seed a database that already has spaces", async () => {
    const other = await openTestDatabase("seed-existing");
    try {
      await other.repos.spaces.create({ slug: "mine", name: "Mine" });
      expect(await seedDatabase(other.repos, fixture)).toEqual({ seeded: false });
      expect(await other.repos.spaces.findBySlug("default")).toBeNull();
    } finally {
      await other.destroy();
    }
  });
});
