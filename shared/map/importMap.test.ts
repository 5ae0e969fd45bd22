import { gzipSync, zlibSync } from "fflate";
import { importMap, parseMap } from "./parseMap";
import { MapError } from "./MapError";
import { drawnLayers } from "./layerRoles";
import { pointInZone, zoneAt } from "./zones";
import { isBlocked, tileFeet } from "./grid";
import type { TiledTileLayer } from "./tiledTypes";

/**
 * Maps as authors save them, built here in the shapes Tiled 1.2-1.11 and
 * WorkAdventure's starter kit write: groups, base64 data, external tilesets,
 * area properties, tile objects. 10 x 8 tiles of 32 px.
 */
const W = 10;
const H = 8;
const FLOOR = 1;
const WALL = 2;
const CHAIR = 3;
const WATER = 4;

type Json = Record<string, unknown>;

function tileset(extra: Json = {}): Json {
  return {
    firstgid: 1, name: "tiles", image: "tiles/room.png", imagewidth: 128, imageheight: 64, tilewidth: 32, tileheight: 32,
    tilecount: 8, columns: 4, margin: 0, spacing: 0,
    tiles: [
      { id: WALL - 1, properties: [{ name: "collides", type: "bool", value: true }] },
      { id: CHAIR - 1, properties: [{ name: "collides", type: "bool", value: true }] },
      { id: WATER - 1, animation: [{ tileid: 3, duration: 200 }, { tileid: 7, duration: 200 }] },
    ],
    ...extra,
  };
}

function cells(fill: (x: number, y: number) => number): number[] {
  return Array.from({ length: W * H }, (_, i) => fill(i % W, Math.floor(i / W)));
}

const border = (x: number, y: number) => (x === 0 || y === 0 || x === W - 1 || y === H - 1 ? WALL : 0);

function tiles(name: string, data: number[] | string, extra: Json = {}): Json {
  return { type: "tilelayer", id: 1, name, x: 0, y: 0, width: W, height: H, opacity: 1, visible: true, data, ...extra };
}

/** A WorkAdventure-style map: no Deskmap layers at all. */
function waMap(extra: Json = {}): Json {
  return {
    type: "map", version: 1.5, tiledversion: "1.5.0", orientation: "orthogonal", renderorder: "right-down", infinite: false,
    width: W, height: H, tilewidth: 32, tileheight: 32, nextobjectid: 20, nextlayerid: 10,
    tilesets: [tileset()],
    layers: [
      {
        type: "group", id: 2, name: "ground", opacity: 0.5, visible: true, offsetx: 4, offsety: 0,
        layers: [tiles("floor", cells(() => FLOOR)), tiles("borders", cells(border), { offsetx: 0, offsety: 2, opacity: 0.5 })],
      },
      tiles("start", cells((x, y) => (x === 2 && y === 2 ? FLOOR : 0)), { visible: false }),
      tiles("meeting-tiles", cells((x, y) => (x >= 5 && x <= 7 && y >= 1 && y <= 2 ? FLOOR : 0)), {
        properties: [{ name: "jitsiRoom", type: "string", value: "Standup" }, { name: "jitsiTrigger", type: "string", value: "onaction" }],
      }),
      {
        type: "objectgroup", id: 5, name: "floorLayer", opacity: 1, visible: true, x: 0, y: 0,
        objects: [
          { id: 11, name: "Library", class: "area", x: 32, y: 160, width: 96, height: 64, rotation: 0, visible: true,
            properties: [{ name: "silent", type: "bool", value: true }, { name: "openWebsite", type: "string", value: "https://example.org" }] },
          { id: 12, name: "chair", gid: CHAIR, x: 256, y: 224, width: 32, height: 32, rotation: 0, visible: true },
        ],
      },
      tiles("canopy", cells((x, y) => (y === 6 && x === 8 ? WATER : 0))),
    ],
    ...extra,
  };
}

function problemsOf(input: unknown, options?: Parameters<typeof importMap>[1]): string[] {
  try {
    importMap(input, options);
  } catch (err) {
    expect(err).toBeInstanceOf(MapError);
    return (err as MapError).problems;
  }
  throw new Error("expected the map to be refused");
}

/** Little-endian 32-bit gids, as Tiled packs them before base64. */
function packed(gids: number[]): Uint8Array {
  const bytes = new Uint8Array(gids.length * 4);
  new DataView(bytes.buffer).setUint32(0, 0);
  gids.forEach((g, i) => new DataView(bytes.buffer).setUint32(i * 4, g, true));
  return bytes;
}
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

describe("importMap reads a WorkAdventure-style map", () => {
  const { tiled, map, warnings } = importMap(waMap());

  test("numeric version, group layers flattened in draw order with offsets and opacity composed", () => {
    expect(tiled.version).toBe("1.5");
    expect(tiled.layers.map((l) => l.name)).toEqual(["floor", "borders", "start", "meeting-tiles", "floorLayer", "canopy"]);
    const borders = tiled.layers[1] as TiledTileLayer;
    expect([borders.offsetx, borders.offsety, borders.opacity]).toEqual([4, 2, 0.25]);
    expect(tiled.layers[0].opacity).toBe(0.5);
  });

  test("collision from tileset collides tiles and from tile objects whose tile collides", () => {
    expect(isBlocked(map, 0, 0)).toBe(true);
    expect(isBlocked(map, 1, 1)).toBe(false);
    // The chair's bottom-left is (256, 224): it covers tile (8, 6).
    expect(isBlocked(map, 8, 6)).toBe(true);
    expect(isBlocked(map, 7, 6)).toBe(false);
  });

  test("spawns from the start layer, zones from area properties", () => {
    expect(map.spawns).toEqual([tileFeet(map, 2, 2)]);
    const standup = map.zones.find((z) => z.name === "Standup")!;
    expect(standup.type).toBe("meeting");
    expect(pointInZone(standup, 5 * 32 + 1, 32 + 1)).toBe(true);
    expect(pointInZone(standup, 8 * 32 + 1, 32 + 1)).toBe(false);
    const library = zoneAt(map, 40, 170)!;
    expect([library.name, library.type, library.id]).toEqual(["Library", "quiet", 11]);
  });

  test("what Deskmap cannot honour is listed as a warning", () => {
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/area 11 "Library": "openWebsite" has no meaning in Deskmap and is ignored/),
        expect.stringMatching(/no "walls" tile layer/),
      ]),
    );
  });

  test("layers after floorLayer are drawn above avatars, the start layer (hidden) is not drawn", () => {
    const drawn = drawnLayers(tiled).map((d) => [d.layer.name, d.above]);
    expect(drawn).toEqual([["floor", false], ["borders", false], ["meeting-tiles", false], ["floorLayer", false], ["canopy", true]]);
  });

  test("parsing the kept map again gives the same model", () => {
    const again = parseMap(JSON.parse(JSON.stringify(tiled)));
    expect(again.zones).toEqual(map.zones);
    expect(again.spawns).toEqual(map.spawns);
    expect(Buffer.from(again.collision).equals(Buffer.from(map.collision))).toBe(true);
  });
});

describe("importMap conventions and encodings", () => {
  test("base64 tile data, plain, zlib and gzip, decodes to the same gids", () => {
    const gids = cells(border);
    for (const [compression, data] of [["", packed(gids)], ["zlib", zlibSync(packed(gids))], ["gzip", gzipSync(packed(gids))]] as const) {
      const raw = waMap();
      (raw.layers as Json[])[0] = tiles("walls", base64(data), { encoding: "base64", compression });
      const { tiled } = importMap(raw);
      expect((tiled.layers[0] as TiledTileLayer).data).toEqual(gids);
    }
  });

  test("a zlib bomb stops at the layer's size", () => {
    const raw = waMap();
    (raw.layers as Json[])[0] = tiles("walls", base64(zlibSync(new Uint8Array(8 * 1024 * 1024))), { encoding: "base64", compression: "zlib" });
    expect(problemsOf(raw).join()).toMatch(/tile data holds more than the 320 bytes a layer of 80 cells needs/);
  });

  test("collisions layer (plural) blocks and is not drawn; a layer with collides:true blocks and is drawn", () => {
    const raw = waMap();
    (raw.layers as Json[]).push(tiles("collisions", cells((x, y) => (x === 3 && y === 3 ? FLOOR : 0))));
    (raw.layers as Json[]).push(tiles("hedge", cells((x, y) => (x === 4 && y === 4 ? FLOOR : 0)), { properties: [{ name: "collides", type: "bool", value: true }] }));
    const { tiled, map } = importMap(raw);
    expect(isBlocked(map, 3, 3)).toBe(true);
    expect(isBlocked(map, 4, 4)).toBe(true);
    const names = drawnLayers(tiled).map((d) => d.layer.name);
    expect(names).toContain("hedge");
    expect(names).not.toContain("collisions");
  });

  test("start area and WA area property names map to zone kinds", () => {
    const raw = waMap();
    raw.layers = (raw.layers as Json[]).filter((l) => l.name !== "start");
    const floorLayer = (raw.layers as Json[]).find((l) => l.name === "floorLayer")!;
    (floorLayer.objects as Json[]).push(
      { id: 13, name: "start", class: "area", x: 192, y: 128, width: 64, height: 32 },
      { id: 14, name: "Focus", type: "area", x: 256, y: 32, width: 32, height: 32, properties: [{ name: "focusable", type: "bool", value: true }] },
      { id: 15, name: "Stage", type: "area", x: 32, y: 32, width: 64, height: 32, properties: [{ name: "speakerMegaphone", type: "string", value: "Keynote" }] },
    );
    const { map } = importMap(raw);
    expect(map.spawns).toEqual([tileFeet(map, 6, 4), tileFeet(map, 7, 4)]);
    expect(map.zones.find((z) => z.id === 14)).toMatchObject({ type: "meeting", name: "Focus" });
    expect(map.zones.find((z) => z.id === 15)).toMatchObject({ type: "stage", name: "Keynote", platform: true });
  });

  test("a zones-layer object may use WA properties instead of a Deskmap type", () => {
    const raw = waMap();
    raw.layers = [...(raw.layers as Json[]), { type: "objectgroup", name: "zones", objects: [
      { id: 16, name: "Room", x: 32, y: 32, width: 64, height: 64, properties: [{ name: "jitsiRoom", type: "string", value: "room" }] },
    ] }];
    expect(importMap(raw).map.zones.find((z) => z.id === 16)).toMatchObject({ type: "meeting", name: "Room" });
  });

  test("furniture-above and every later layer are above avatars; a marker layer under the floor stays under it", () => {
    const raw = waMap();
    raw.layers = [
      tiles("marker", cells(() => 0)), tiles("floor", cells(() => FLOOR)), tiles("furniture-above", cells(() => 0)), tiles("lamps", cells(() => 0)),
      { type: "objectgroup", name: "spawns", objects: [{ id: 1, x: 80, y: 88, point: true }] },
    ];
    const drawn = drawnLayers(importMap(raw).tiled).map((d) => [d.layer.name, d.above]);
    expect(drawn).toEqual([["marker", false], ["floor", false], ["furniture-above", true], ["lamps", true]]);
  });

  test("external tilesets (.tsx XML and .json) are read from the bundle, images rebased to the map", () => {
    const tsx = `<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="room" tilewidth="32" tileheight="32" tilecount="8" columns="4">
 <tileoffset x="0" y="4"/>
 <image source="img/room.png" width="128" height="64"/>
 <tile id="1"><properties><property name="collides" type="bool" value="true"/></properties></tile>
 <tile id="3"><animation><frame tileid="3" duration="100"/><frame tileid="7" duration="100"/></animation></tile>
</tileset>`;
    const raw = waMap({ tilesets: [{ firstgid: 1, source: "../sets/room.tsx" }] });
    const files: Record<string, string> = { "sets/room.tsx": tsx };
    const { tiled, map } = importMap(raw, { mapPath: "maps/office.json", readFile: (p) => files[p] });
    const ts = tiled.tilesets[0];
    expect([ts.image, ts.tileoffset, ts.tiles?.find((t) => t.id === 3)?.animation?.length]).toEqual(["../sets/img/room.png", { x: 0, y: 4 }, 2]);
    expect(isBlocked(map, 0, 0)).toBe(true);
    const json = waMap({ tilesets: [{ firstgid: 1, source: "room.tsj" }] });
    expect(importMap(json, { readFile: (p) => (p === "room.tsj" ? JSON.stringify(tileset()) : undefined) }).tiled.tilesets[0].columns).toBe(4);
    expect(problemsOf(raw).join()).toMatch(/external tileset "..\/sets\/room.tsx" is not in the upload/);
    expect(problemsOf(raw, { mapPath: "maps/office.json", readFile: () => "<tileset><image></tileset>" }).join()).toMatch(/cannot be read: malformed XML/);
  });

  test("16 px tiles are accepted with a warning; non-square or 8 px tiles are refused by name", () => {
    const small = waMap({ tilewidth: 16, tileheight: 16 });
    small.tilesets = [tileset({ tilewidth: 16, tileheight: 16, imagewidth: 64, imageheight: 32 })];
    const imported = importMap(small);
    expect(imported.map.tileSize).toBe(16);
    expect(imported.warnings.join()).toMatch(/tiles are 16 px; avatars are drawn for 32 px tiles/);
    expect(problemsOf(waMap({ tilewidth: 32, tileheight: 24 })).join()).toMatch(/tiles are 32x24 px; Deskmap needs square tiles from 16 to 64 px/);
    expect(problemsOf(waMap({ tilewidth: 8, tileheight: 8 })).join()).toMatch(/tiles are 8x8 px/);
  });

  test("infinite maps, TMX and image collections get a sentence saying what to do", () => {
    expect(problemsOf(waMap({ infinite: true })).join()).toMatch(/infinite maps are not supported; in Tiled open Map > Map Properties, untick "Infinite"/);
    expect(problemsOf('<?xml version="1.0"?><map version="1.10"></map>').join()).toMatch(/TMX \(XML\) map; .*File > Export As/);
    const collection = waMap({ tilesets: [{ firstgid: 1, name: "things", tilecount: 1, columns: 0, tilewidth: 32, tileheight: 32, tiles: [{ id: 0, image: "a.png" }] }] });
    expect(problemsOf(collection).join()).toMatch(/image collection tilesets .* are not supported/);
  });
});

describe("importMap refuses what would break the page", () => {
  test("a tile id beyond what the tileset image holds", () => {
    // tilecount says 8 but a 128x32 image holds 4 tiles.
    const raw = waMap({ tilesets: [tileset({ imageheight: 32 })] });
    expect(problemsOf(raw).join()).toMatch(/tileset 0 "tiles": tilecount is 8, but its 128x32 px image holds only 4 tiles/);
    const cols = waMap({ tilesets: [tileset({ columns: 5 })] });
    expect(problemsOf(cols).join()).toMatch(/columns is 5, but a 128 px wide image holds 4 columns of 32 px tiles/);
    const beyond = waMap();
    (beyond.layers as Json[]).push(tiles("extra", cells((x) => (x === 1 ? 9 : 0))));
    expect(problemsOf(beyond).join()).toMatch(/layer "extra": cell \(1,0\) has tile id 9, which no tileset image holds/);
  });

  test("reserved and unknown keys are not copied into the kept map", () => {
    const raw = JSON.parse(`{"constructor": "x", "__proto__": {"polluted": true}, "prototype": 1}`) as Json;
    const map = { ...waMap(), ...raw };
    Object.defineProperty(map, "__proto__", { value: { polluted: true }, enumerable: true });
    const { tiled } = importMap(map);
    expect(Object.keys(tiled).sort()).toEqual(
      ["height", "infinite", "layers", "nextlayerid", "nextobjectid", "orientation", "renderorder", "tiledversion", "tileheight", "tilesets", "tilewidth", "type", "version", "width"],
    );
    expect(Object.prototype.hasOwnProperty.call(tiled, "constructor")).toBe(false);
    expect(({} as Json).polluted).toBeUndefined();
  });

  test("at most 50 problems are listed, with a count of the rest", () => {
    const raw = waMap();
    raw.layers = Array.from({ length: 30 }, (_, i) => ({ ...tiles(`l${i}`, cells(() => 99)), id: i }));
    let err: MapError | undefined;
    try {
      importMap(raw);
    } catch (e) {
      err = e as MapError;
    }
    expect(err!.problems).toHaveLength(50);
    expect(err!.more).toBe(30 * 6 - 50);
    expect(err!.message).toMatch(/…and 130 more/);
  });
});
