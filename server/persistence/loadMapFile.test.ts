import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildTestMap } from "../../shared/map/testMap";
import { cachedMapFile, loadMapFile } from "./loadMapFile";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "deskmap-mapfile-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("loadMapFile", () => {
  it("loads and parses a valid map", async () => {
    const file = path.join(dir, "ok.json");
    await writeFile(file, JSON.stringify(buildTestMap({ width: 9, height: 7 })));
    const { map } = await loadMapFile(file);
    expect([map.width, map.height]).toEqual([9, 7]);
    const cached = cachedMapFile(file);
    expect(await cached()).toBe(await cached());
  });

  it("names the file and the problem", async () => {
    await expect(loadMapFile(path.join(dir, "missing.json"))).rejects.toThrow(/missing\.json: file not found/);
    await writeFile(path.join(dir, "bad.json"), "{");
    await expect(loadMapFile(path.join(dir, "bad.json"))).rejects.toThrow(/bad\.json is not valid JSON/);
    await writeFile(path.join(dir, "wrong.json"), JSON.stringify({ type: "map" }));
    await expect(loadMapFile(path.join(dir, "wrong.json"))).rejects.toThrow(/wrong\.json: Invalid office map/);
  });
});
