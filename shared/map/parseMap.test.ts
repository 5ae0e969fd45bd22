import { parseMap } from "./parseMap";
import { MapError } from "./MapError";
import { buildTestMap, feetAt, TEST_GID } from "./testMap";
import type { TiledMap, TiledObjectGroup, TiledTileLayer } from "./tiledTypes";

function validMap(): TiledMap {
  return buildTestMap({
    width: 8,
    height: 6,
    rows: ["########", "#......#", "#..x...#", "#......#", "#......#", "########"],
    spawns: [feetAt(1, 1), feetAt(5, 4)],
    zones: [
      { name: "Room A", type: "meeting", x: 32, y: 32, width: 96, height: 64 },
      { name: "Stage", type: "stage", platform: true, polygon: [{ x: 128, y: 96 }, { x: 224, y: 96 }, { x: 224, y: 160 }] },
    ],
    desks: [
      { id: "d1", kind: "focus", x: feetAt(4, 1).x, y: feetAt(4, 1).y, facing: "up" },
      { id: "d2", kind: "assignable", x: feetAt(6, 3).x, y: feetAt(6, 3).y, facing: "left" },
    ],
  });
}

function tileLayer(map: TiledMap, name: string): TiledTileLayer {
  return map.layers.find((l) => l.name === name) as TiledTileLayer;
}
function objectLayer(map: TiledMap, name: string): TiledObjectGroup {
  return map.layers.find((l) => l.name === name) as TiledObjectGroup;
}

/** Parse and return the MapError's problems; fails the test if parsing succeeds. */
function problemsOf(input: unknown): string[] {
  try {
    parseMap(input);
  } catch (err) {
    expect(err).toBeInstanceOf(MapError);
    const e = err as MapError;
    for (const p of e.problems.slice(0, 40)) expect(e.message).toContain(p);
    return e.problems;
  }
  throw new Error("expected parseMap to throw");
}

describe("parseMap accepts a valid map", () => {
  test("builds grids, spawns, zones and desks", () => {
    const map = parseMap(validMap());
    expect([map.width, map.height, map.tileSize]).toEqual([8, 6, 32]);
    // Walls block (collides:true tile), the furniture tile blocks (collision layer), floor does not.
    expect(map.collision[0]).toBe(1);
    expect(map.walls[0]).toBe(1);
    expect(map.collision[2 * 8 + 3]).toBe(1);
    expect(map.walls[2 * 8 + 3]).toBe(0);
    expect(map.collision[1 * 8 + 1]).toBe(0);
    expect(map.collision.reduce((a, b) => a + b, 0)).toBe(8 + 8 + 4 * 2 + 1);
    expect(map.spawns).toEqual([feetAt(1, 1), feetAt(5, 4)]);
    expect(map.desks).toEqual([
      { id: "d1", kind: "focus", x: 144, y: 56, facing: "up" },
      { id: "d2", kind: "assignable", x: 208, y: 120, facing: "left" },
    ]);
    const [room, stage] = map.zones;
    expect(room).toMatchObject({ name: "Room A", type: "meeting", platform: false, bounds: { x: 32, y: 32, width: 96, height: 64 } });
    expect(room.polygon).toEqual([{ x: 32, y: 32 }, { x: 128, y: 32 }, { x: 128, y: 96 }, { x: 32, y: 96 }]);
    expect(stage).toMatchObject({ name: "Stage", type: "stage", platform: true, bounds: { x: 128, y: 96, width: 96, height: 64 } });
    expect(stage.polygon).toEqual([{ x: 128, y: 96 }, { x: 224, y: 96 }, { x: 224, y: 160 }]);
    expect(room.id).not.toBe(stage.id);
  });

  test("accepts the same map as JSON text, flipped tiles and the optional furniture-above layer", () => {
    const tiled = validMap();
    tileLayer(tiled, "floor").data[9] = (TEST_GID.floor | 0x80000000) >>> 0;
    tiled.layers.splice(4, 0, { ...tileLayer(tiled, "furniture"), name: "furniture-above", data: new Array(48).fill(0) });
    const map = parseMap(JSON.stringify(tiled));
    expect(map.collision[9]).toBe(0);
    expect(map.spawns).toHaveLength(2);
  });

  test("spawn and seat positions are rounded to whole pixels", () => {
    const tiled = validMap();
    Object.assign(objectLayer(tiled, "spawns").objects[0], { x: 47.6, y: 55.2 });
    Object.assign(objectLayer(tiled, "desks").objects[0], { x: 143.5, y: 56.49 });
    const map = parseMap(tiled);
    expect(map.spawns[0]).toEqual({ x: 48, y: 55 });
    expect(map.desks[0]).toMatchObject({ x: 144, y: 56 });
  });

  test("a tile marked collides:true blocks on any layer, a flipped one too", () => {
    const tiled = validMap();
    tileLayer(tiled, "floor").data[1 * 8 + 2] = (TEST_GID.wall | 0x40000000) >>> 0;
    expect(parseMap(tiled).collision[1 * 8 + 2]).toBe(1);
  });
});

describe("parseMap rejects malformed maps, naming the problem", () => {
  test("wrong version", () => {
    for (const version of ["0.9", "2.0", 2, 0.5, "1.x", undefined]) {
      const tiled = validMap() as unknown as Record<string, unknown>;
      tiled.version = version;
      expect(problemsOf(tiled).join()).toMatch(/unsupported Tiled JSON format version .*; Deskmap reads format 1\.x \(Tiled 1\.0 or later\)/);
    }
    // Tiled 1.0-1.5 write a number, later versions a string.
    for (const version of [1, 1.2, 1.5, "1.1", "1.10", "1.11"]) {
      const tiled = validMap() as unknown as Record<string, unknown>;
      tiled.version = version;
      expect(parseMap(tiled).width).toBe(8);
    }
  });

  test("every Deskmap layer is optional except somewhere to arrive", () => {
    const tiled = validMap();
    tiled.layers = tiled.layers.filter((l) => !["collision", "desks", "zones", "walls", "furniture"].includes(l.name));
    const map = parseMap(tiled);
    expect(map.desks).toEqual([]);
    expect(map.zones).toEqual([]);
    expect(map.collision.every((c) => c === 0)).toBe(true);
  });

  test("layer of the wrong type", () => {
    const tiled = validMap();
    (objectLayer(tiled, "zones") as unknown as Record<string, unknown>).type = "tilelayer";
    expect(problemsOf(tiled).join()).toMatch(/layer "zones"/);
  });

  test("tile index out of range names the layer and cell", () => {
    const tiled = validMap();
    tileLayer(tiled, "furniture").data[2 * 8 + 5] = 99;
    expect(problemsOf(tiled)).toEqual(['layer "furniture": cell (5,2) has tile id 99, which no tileset image holds']);
  });

  test("oversized map, too many layers, too many objects, too much text", () => {
    const big = validMap();
    big.width = 201;
    expect(problemsOf(big).join()).toMatch(/width must be a whole number of tiles from 1 to 200, found 201/);
    const layers = validMap();
    for (let i = 0; i < 61; i++) layers.layers.push({ type: "objectgroup", name: `extra${i}`, objects: [], visible: true, opacity: 1, offsetx: 0, offsety: 0 });
    expect(problemsOf(layers).join()).toMatch(/too many layers \(68 after flattening groups; at most 64\)/);
    const objects = validMap();
    objectLayer(objects, "zones").objects = Array.from({ length: 2001 }, (_, i) => ({ id: 100 + i, x: 0, y: 0, width: 32, height: 32 }));
    expect(problemsOf(objects).join()).toMatch(/layer "zones": too many objects \(2001; at most 2000\)/);
    const text = JSON.stringify(validMap()) + " ".repeat(5 * 1024 * 1024);
    expect(problemsOf(text).join()).toMatch(/map JSON is too large/);
  });

  test("external tileset", () => {
    const tiled = validMap() as unknown as { tilesets: unknown[] };
    tiled.tilesets = [{ firstgid: 1, source: "office.tsj" }];
    expect(problemsOf(tiled).join()).toMatch(/external tileset "office.tsj" is not in the upload; add the file .* or embed it in Tiled \(Map > Embed Tilesets\)/);
  });

  test("compressed or encoded data", () => {
    const tiled = validMap();
    Object.assign(tileLayer(tiled, "walls"), { encoding: "base64", compression: "zstd", data: "KLUv/QBYAQAA" });
    expect(problemsOf(tiled).join()).toMatch(/layer "walls": zstd-compressed tile data cannot be read; in Tiled set the layer format to CSV/);
    const garbled = validMap();
    Object.assign(tileLayer(garbled, "floor"), { encoding: "base64", compression: "zlib", data: "bm90IHpsaWI=" });
    expect(problemsOf(garbled).join()).toMatch(/layer "floor": zlib tile data cannot be decompressed/);
    const short = validMap();
    Object.assign(tileLayer(short, "floor"), { encoding: "base64", data: "AQAAAA==" });
    expect(problemsOf(short).join()).toMatch(/layer "floor": tile data holds 4 bytes; a layer of 48 cells needs 192/);
    const notBase64 = validMap();
    Object.assign(tileLayer(notBase64, "floor"), { encoding: "base64", data: "%%%" });
    expect(problemsOf(notBase64).join()).toMatch(/not valid base64/);
  });

  test("bad zone type, missing zone name, platform on a non-stage zone", () => {
    const tiled = validMap();
    const [room, stage] = objectLayer(tiled, "zones").objects;
    room.properties = [{ name: "type", type: "string", value: "party" }];
    stage.name = "";
    stage.properties = [{ name: "type", type: "string", value: "quiet" }, { name: "platform", type: "bool", value: true }];
    const problems = problemsOf(tiled);
    expect(problems.join("\n")).toMatch(/zones object 0 id \d+ "Room A": string property "type" must be one of meeting\|stage\|quiet\|private, found "party"/);
    expect(problems.join("\n")).toMatch(/zones object 1 id \d+: needs a non-empty name/);
    expect(problems.join("\n")).toMatch(/"platform" applies only to stage zones/);
  });

  test("duplicate desk id, bad kind and facing", () => {
    const tiled = validMap();
    const [d1, d2] = objectLayer(tiled, "desks").objects;
    d2.properties = [
      { name: "id", type: "string", value: "d1" },
      { name: "kind", type: "string", value: "standing" },
      { name: "facing", type: "string", value: "north" },
    ];
    const problems = problemsOf(tiled).join("\n");
    expect(problems).toMatch(/desks object 1 .*duplicate desk id "d1" \(also used by desks object 0/);
    expect(problems).toMatch(/"kind" must be one of focus\|assignable, found "standing"/);
    expect(problems).toMatch(/"facing" must be one of up\|down\|left\|right, found "north"/);
    expect(d1.properties).toHaveLength(3);
  });

  test("spawn in a wall, desk seat on furniture", () => {
    const tiled = validMap();
    objectLayer(tiled, "spawns").objects[1].x = 16; // tile (0,4): the outer wall
    const desk = objectLayer(tiled, "desks").objects[0];
    Object.assign(desk, feetAt(3, 2)); // the furniture tile
    const problems = problemsOf(tiled).join("\n");
    expect(problems).toMatch(/spawns object 1 .*position \(16,152\) is not walkable: tile \(0,4\) is blocked/);
    expect(problems).toMatch(/desks object 0 .*position \(112,88\) is not walkable: tile \(3,2\) is blocked/);
  });

  test("spawn whose feet would overlap a wall, and a map with no spawns", () => {
    const tiled = validMap();
    objectLayer(tiled, "spawns").objects[0].x = 36; // tile (1,1) but the foot box reaches into the wall at x < 32
    expect(problemsOf(tiled).join()).toMatch(/spawns object 0 .*feet there would overlap/);
    const none = validMap();
    objectLayer(none, "spawns").objects = [];
    expect(problemsOf(none)).toEqual([expect.stringMatching(/^the map has no place to arrive: add an object layer "spawns" .* or a WorkAdventure "start" layer or area$/)]);
  });

  test("data length mismatch and layer size mismatch", () => {
    const tiled = validMap();
    tileLayer(tiled, "floor").data.pop();
    Object.assign(tileLayer(tiled, "walls"), { width: 7 });
    const problems = problemsOf(tiled);
    expect(problems).toContain('layer "floor": data length 47 must equal width*height = 48');
    expect(problems).toContain(`layer "walls": size 7x6 must equal the map's 8x6`);
  });

  test("non-object input and invalid JSON", () => {
    for (const input of [null, 42, [], undefined, true]) {
      expect(problemsOf(input)[0]).toMatch(/map must be a JSON object/);
    }
    expect(problemsOf("{ not json")[0]).toMatch(/map is not valid JSON/);
    expect(problemsOf('"a string"')[0]).toMatch(/map must be a JSON object, found "a string"/);
  });

  test("header faults: orientation, infinite, tile size", () => {
    const tiled = validMap() as unknown as Record<string, unknown>;
    Object.assign(tiled, { orientation: "isometric", infinite: true, tilewidth: 16 });
    const problems = problemsOf(tiled).join("\n");
    expect(problems).toMatch(/orientation must be "orthogonal", found "isometric"/);
    expect(problems).toMatch(/infinite maps are not supported/);
    expect(problems).toMatch(/tiles are 16x32 px; Deskmap needs square tiles from 16 to 64 px/);
  });

  test("collects several problems at once instead of stopping at the first", () => {
    const tiled = validMap();
    tiled.version = "0.9";
    tileLayer(tiled, "walls").data[3] = 77;
    objectLayer(tiled, "zones").objects[0].properties = [];
    const problems = problemsOf(tiled);
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.join("\n")).toMatch(/version[\s\S]*cell \(3,0\)[\s\S]*property "type"/);
  });

  test("a property with the wrong Tiled type is reported, not coerced", () => {
    const tiled = validMap();
    tiled.tilesets[0].tiles = [{ id: 1, properties: [{ name: "collides", type: "string", value: "true" }] }];
    expect(problemsOf(tiled).join()).toMatch(/tileset 0 tile 1: property "collides" must be a bool, found "true"/);
  });

  test("a flood of bad cells is summarised", () => {
    const tiled = validMap();
    tileLayer(tiled, "floor").data.fill(500);
    const problems = problemsOf(tiled);
    expect(problems).toHaveLength(6);
    expect(problems[5]).toBe('layer "floor": …and 43 more cells with tile ids no tileset image holds');
  });

  test("garbage in unexpected places never crashes", () => {
    const shapes: unknown[] = [
      { ...validMap(), layers: "nope" },
      { ...validMap(), tilesets: [null, 3, { firstgid: "1" }] },
      { ...validMap(), layers: [null, { name: 3 }, { name: "x", type: "group", layers: [] }] },
      { ...validMap(), layers: validMap().layers.map((l) => (l.type === "objectgroup" ? { ...l, objects: [null, 7, { x: "1" }] } : l)) },
    ];
    for (const shape of shapes) expect(problemsOf(shape).length).toBeGreaterThan(0);
  });
});
