import { applyEdits, editProblems, readEdits } from "./mapEdits";
import { importMap } from "./parseMap";
import { buildTestMap, feetAt } from "./testMap";
import type { TiledMap } from "./tiledTypes";

const base = (): TiledMap =>
  importMap(
    buildTestMap({
      width: 10,
      height: 8,
      zones: [
        { name: "Room", type: "meeting", x: 0, y: 0, width: 96, height: 64 },
        { name: "Hall", type: "stage", platform: true, polygon: [{ x: 128, y: 32 }, { x: 224, y: 32 }, { x: 160, y: 128 }] },
      ],
      desks: [{ id: "d1", kind: "assignable", facing: "left", ...feetAt(3, 5) }],
      spawns: [feetAt(1, 6), feetAt(2, 6)],
    }),
  ).tiled;

describe("map edits", () => {
  it("reads a map's zones, desks and spawns and writes them back to the same model", () => {
    const tiled = base();
    const edits = readEdits(tiled);
    expect(edits.zones.map((z) => [z.name, z.kind, z.platform ?? false, z.x, z.y, z.width, z.height])).toEqual([
      ["Room", "meeting", false, 0, 0, 96, 64],
      ["Hall", "stage", true, 128, 32, 96, 96],
    ]);
    expect(edits.desks).toEqual([{ id: "d1", kind: "assignable", facing: "left", ...feetAt(3, 5) }]);
    expect(edits.spawns).toEqual([feetAt(1, 6), feetAt(2, 6)]);
    const before = importMap(tiled).map;
    const after = importMap(applyEdits(tiled, edits)).map;
    expect(after.zones).toEqual(before.zones);
    expect(after.desks).toEqual(before.desks);
    expect(after.spawns).toEqual(before.spawns);
  });

  it("keeps zone ids, numbers new objects after every id in use, and leaves one layer of each", () => {
    const tiled = base();
    const edits = readEdits(tiled);
    const kept = edits.zones[0].id!;
    edits.zones.push({ name: "New", kind: "quiet", x: 0, y: 128, width: 64, height: 64 });
    const out = applyEdits(tiled, edits);
    const zones = importMap(out).map.zones;
    expect(zones[0].id).toBe(kept);
    const ids = out.layers.flatMap((l) => (l.type === "objectgroup" ? l.objects.map((o) => o.id) : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(out.nextobjectid).toBeGreaterThan(Math.max(...ids));
    expect(out.layers.filter((l) => l.name === "zones")).toHaveLength(1);
    // The input is not touched.
    expect(readEdits(tiled).zones).toHaveLength(2);
  });

  it("adds the layers a map without them lacks", () => {
    const tiled = base();
    tiled.layers = tiled.layers.filter((l) => l.name !== "desks");
    const out = applyEdits(tiled, { zones: [], desks: [{ id: "n", kind: "focus", facing: "up", ...feetAt(4, 4) }], spawns: [feetAt(1, 6)] });
    expect(importMap(out).map.desks.map((d) => d.id)).toEqual(["n"]);
  });

  it("paints the collision layer, adding one where there is none and leaving one where there were two", () => {
    const tiled = base();
    const edits = readEdits(tiled);
    const without = { ...tiled, layers: tiled.layers.filter((l) => l.name !== "collision") };
    const painted = importMap(applyEdits(without, { ...edits, painted: [5, 6] }));
    expect([painted.map.collision[5], painted.map.collision[6], painted.map.collision[7]]).toEqual([1, 1, 0]);
    const twice = { ...tiled, layers: [...tiled.layers, { ...tiled.layers.find((l) => l.name === "collision")!, name: "collisions" }] };
    const merged = applyEdits(twice, { ...edits, painted: [7] });
    expect(merged.layers.filter((l) => l.name === "collision" || l.name === "collisions").map((l) => l.name)).toEqual(["collision"]);
    expect(readEdits(merged).painted).toEqual([7]);
    // Without `painted` the layer is left alone.
    expect(applyEdits(tiled, { ...edits, painted: undefined }).layers.find((l) => l.name === "collision")).toEqual(tiled.layers.find((l) => l.name === "collision"));
  });

  it("names zones outside the map, duplicate ids and misplaced platforms", () => {
    const tiled = base();
    const problems = editProblems(tiled, {
      zones: [
        { id: 3, name: "Out", kind: "meeting", x: 300, y: 0, width: 64, height: 32 },
        { id: 3, name: "Twin", kind: "meeting", platform: true, x: 0, y: 0, width: 32, height: 32 },
      ],
      desks: [],
      spawns: [],
    });
    expect(problems).toEqual([
      'zone 0 "Out": must lie inside the map (0,0)–(320,256) px, but spans (300,0)–(364,32)',
      'zone 1 "Twin": only a stage zone can have a platform',
      'zone 1 "Twin": id 3 is used by another zone',
    ]);
  });
});
