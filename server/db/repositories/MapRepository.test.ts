import type { Types } from "mongoose";
import { buildTestMap } from "../../../shared/map/testMap";
import { openTestDatabase, type TestDatabase } from "./testDatabase";

let t: TestDatabase;
let space: Types.ObjectId;
beforeAll(async () => {
  t = await openTestDatabase("maps");
  space = (await t.repos.spaces.create({ slug: "maps", name: "Maps" }))._id;
});
afterAll(() => t.destroy());

const tiled = (width: number) => buildTestMap({ width, height: 6 }) as unknown as Record<string, unknown>;

describe("MapRepository", () => {
  it("numbers versions per space and keeps the Tiled JSON intact", async () => {
    const first = tiled(8);
    const v1 = await t.repos.maps.addVersion({ space, name: "a", tiled: first, width: 8, height: 6, uploadedBy: null });
    const v2 = await t.repos.maps.addVersion({ space, name: "b", tiled: tiled(9), width: 9, height: 6, uploadedBy: null });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v1.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.checksum).not.toBe(v2.checksum);
    const stored = await t.repos.maps.get(space, 1);
    expect(stored?.tiled).toEqual(first);
    const list = await t.repos.maps.list(space);
    expect(list.map((m) => [m.version, m.name, m.width])).toEqual([[1, "a", 8], [2, "b", 9]]);
    expect(list[0]).not.toHaveProperty("tiled");
  });

  it("gives the same checksum to the same map whatever its key order", async () => {
    const other = (await t.repos.spaces.create({ slug: "maps-2", name: "Maps 2" }))._id;
    const original = tiled(8);
    const reordered = Object.fromEntries(Object.entries(original).reverse());
    const a = await t.repos.maps.addVersion({ space: other, name: "a", tiled: original, width: 8, height: 6, uploadedBy: null });
    const b = await t.repos.maps.addVersion({ space: other, name: "b", tiled: reordered, width: 8, height: 6, uploadedBy: null });
    expect(b.checksum).toBe(a.checksum);
    expect(b.version).toBe(1 + a.version);
  });

  it("gives concurrent uploads distinct versions", async () => {
    const racing = (await t.repos.spaces.create({ slug: "race", name: "Race" }))._id;
    const results = await Promise.all(
      [1, 2, 3].map((i) => t.repos.maps.addVersion({ space: racing, name: `r${i}`, tiled: tiled(8), width: 8, height: 6, uploadedBy: null })),
    );
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3]);
  });
});
