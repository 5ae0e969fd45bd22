import type { Point, DeskKind, Direction, ZoneType } from "./types";
import type { TiledMap, TiledObject, TiledObjectGroup, TiledProperty, TiledTileLayer } from "./tiledTypes";
import { TILE_SIZE } from "./mapLimits";

/**
 * A fixture builder for tests anywhere in the project: describe a small office
 * in tiles and pixels, get back Tiled JSON that `parseMap` accepts. Tests that
 * need a malformed map build a good one and then break the one thing they test.
 */

/** A tile as [tx, ty]. */
export type TileRef = readonly [number, number];

export type TestZone = { name: string; type: ZoneType; platform?: boolean } & (
  | { x: number; y: number; width: number; height: number }
  /** Absolute pixel vertices; written to Tiled relative to the first one. */
  | { polygon: Point[] }
);

export interface TestDesk {
  id: string;
  kind: DeskKind;
  /** Seat position, px. */
  x: number;
  y: number;
  facing: Direction;
}

export interface TestMapOptions {
  width: number;
  height: number;
  /** Wall tiles: drawn on `walls` with a tile marked collides:true (blocks walking, sound and sight). */
  walls?: TileRef[];
  /** Furniture tiles: drawn on `furniture` and marked on `collision` (blocks walking only). */
  blocked?: TileRef[];
  /** The same as walls/blocked drawn as text: `#` wall, `x` furniture, anything else floor. Rows may be shorter than width. */
  rows?: string[];
  zones?: TestZone[];
  desks?: TestDesk[];
  /** Spawn points, px; by default one, on the first free tile. */
  spawns?: Point[];
}

/** Gids of the fixture tileset. */
export const TEST_GID = { floor: 1, wall: 2, desk: 3, collisionMark: 4 } as const;

/** Feet position of an avatar standing on tile (tx, ty), for placing spawns and desks. */
export function feetAt(tx: number, ty: number): Point {
  return { x: tx * TILE_SIZE + TILE_SIZE / 2, y: ty * TILE_SIZE + (TILE_SIZE * 3) / 4 };
}

export function buildTestMap(options: TestMapOptions): TiledMap {
  const { width, height } = options;
  const size = width * height;
  const floor = new Array<number>(size).fill(TEST_GID.floor);
  const walls = new Array<number>(size).fill(0);
  const furniture = new Array<number>(size).fill(0);
  const collision = new Array<number>(size).fill(0);
  const put = (grid: number[], [tx, ty]: TileRef, gid: number) => {
    if (tx >= 0 && ty >= 0 && tx < width && ty < height) grid[ty * width + tx] = gid;
  };
  const wallTiles = [...(options.walls ?? [])];
  const blockedTiles = [...(options.blocked ?? [])];
  (options.rows ?? []).forEach((row, ty) => {
    for (let tx = 0; tx < row.length; tx++) {
      if (row[tx] === "#") wallTiles.push([tx, ty]);
      else if (row[tx] === "x") blockedTiles.push([tx, ty]);
    }
  });
  for (const t of wallTiles) put(walls, t, TEST_GID.wall);
  for (const t of blockedTiles) {
    put(furniture, t, TEST_GID.desk);
    put(collision, t, TEST_GID.collisionMark);
  }

  let nextId = 1;
  const point = (name: string, p: Point, properties?: TiledProperty[]): TiledObject => ({
    id: nextId++, name, type: "", x: p.x, y: p.y, width: 0, height: 0, point: true, ...(properties ? { properties } : {}),
  });
  const blockedAt = (i: number) => walls[i] !== 0 || collision[i] !== 0;
  const firstFree = Array.from({ length: size }, (_, i) => i).find((i) => !blockedAt(i)) ?? 0;
  const spawns = options.spawns ?? [feetAt(firstFree % width, Math.floor(firstFree / width))];

  const layer = (id: number, name: string, data: number[]): TiledTileLayer => ({
    type: "tilelayer", id, name, width, height, data, visible: name !== "collision", opacity: 1, offsetx: 0, offsety: 0,
  });
  const objects = (id: number, name: string, list: TiledObject[]): TiledObjectGroup => ({
    type: "objectgroup", id, name, objects: list, visible: true, opacity: 1, offsetx: 0, offsety: 0,
  });
  return {
    type: "map",
    version: "1.10",
    tiledversion: "1.10.2",
    orientation: "orthogonal",
    renderorder: "right-down",
    infinite: false,
    width,
    height,
    tilewidth: TILE_SIZE,
    tileheight: TILE_SIZE,
    tilesets: [
      {
        firstgid: 1, name: "test", tilecount: 4, columns: 4, image: "test.png",
        tilewidth: TILE_SIZE, tileheight: TILE_SIZE, imagewidth: TILE_SIZE * 4, imageheight: TILE_SIZE, margin: 0, spacing: 0,
        tiles: [{ id: TEST_GID.wall - 1, properties: [{ name: "collides", type: "bool", value: true }] }],
      },
    ],
    layers: [
      layer(1, "floor", floor),
      layer(2, "walls", walls),
      layer(3, "furniture", furniture),
      layer(4, "collision", collision),
      objects(5, "spawns", spawns.map((p, i) => point(`spawn${i}`, p))),
      objects(6, "zones", (options.zones ?? []).map((z) => zoneObject(z, nextId++))),
      objects(7, "desks", (options.desks ?? []).map((d) => point(d.id, d, [
        { name: "id", type: "string", value: d.id },
        { name: "kind", type: "string", value: d.kind },
        { name: "facing", type: "string", value: d.facing },
      ]))),
    ],
    nextlayerid: 8,
    nextobjectid: nextId,
  };
}

function zoneObject(zone: TestZone, id: number): TiledObject {
  const properties: TiledProperty[] = [{ name: "type", type: "string", value: zone.type }];
  if (zone.platform !== undefined) properties.push({ name: "platform", type: "bool", value: zone.platform });
  if ("polygon" in zone) {
    const origin = zone.polygon[0];
    return {
      id, name: zone.name, type: "", x: origin.x, y: origin.y, width: 0, height: 0, properties,
      polygon: zone.polygon.map((p) => ({ x: p.x - origin.x, y: p.y - origin.y })),
    };
  }
  return { id, name: zone.name, type: "", x: zone.x, y: zone.y, width: zone.width, height: zone.height, properties };
}
