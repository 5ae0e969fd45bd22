import type { TiledMap, TiledObject } from "./tiledTypes";
import { GID_FLAGS_MASK, LAYER_NAMES } from "./mapLimits";
import { boolProperty, isCollisionLayer } from "./layerRoles";
import { isFiniteNumber, readProperty } from "./tiledValues";

export interface Grids {
  collision: Uint8Array;
  walls: Uint8Array;
}

/**
 * Build the collision and wall grids from a map that `validateTiled` passed.
 * A cell blocks walking when any of these holds: a tile on a `collision` or
 * `collisions` layer; a tile on a layer with the bool property `collides`
 * (WorkAdventure); a tile marked `collides` in its tileset, on any layer; a
 * tile object whose tile collides (under its footprint); a shape on a
 * collision object layer. Walls (which stop sound and sight) are the tiles of
 * `walls` layers.
 */
export function buildGrids(map: TiledMap, problems: string[]): Grids {
  const size = map.width * map.height;
  const collision = new Uint8Array(size);
  const walls = new Uint8Array(size);
  const colliding = collidingGids(map, problems);
  for (const layer of map.layers) {
    if (layer.type === "tilelayer") {
      const all = isCollisionLayer(layer) || boolProperty(layer.properties, "collides");
      const wall = layer.name === LAYER_NAMES.walls;
      const data = layer.data;
      for (let i = 0; i < data.length; i++) {
        const gid = data[i] & GID_FLAGS_MASK;
        if (gid === 0) continue;
        if (all || colliding.has(gid)) collision[i] = 1;
        if (wall) walls[i] = 1;
      }
    } else if (layer.type === "objectgroup") {
      const shapes = isCollisionLayer(layer);
      for (const obj of layer.objects) {
        if (!obj || typeof obj !== "object") continue;
        const blocks = obj.gid !== undefined ? colliding.has(obj.gid & GID_FLAGS_MASK) : shapes && !obj.point;
        if (blocks) markFootprint(map, obj, layer.offsetx, layer.offsety, collision);
      }
    }
  }
  return { collision, walls };
}

/** Marks the cells an object covers: a tile object spans upwards from its x, y (bottom-left); shapes downwards. */
function markFootprint(map: TiledMap, obj: TiledObject, ox: number, oy: number, grid: Uint8Array): void {
  const w = isFiniteNumber(obj.width) ? obj.width : 0;
  const h = isFiniteNumber(obj.height) ? obj.height : 0;
  if (!isFiniteNumber(obj.x) || !isFiniteNumber(obj.y) || w <= 0 || h <= 0) return;
  const left = obj.x + ox;
  const top = (obj.gid !== undefined ? obj.y - h : obj.y) + oy;
  const size = map.tilewidth;
  // A cell counts when the object covers part of it, not when they merely touch.
  const tx0 = Math.max(0, Math.floor(left / size));
  const ty0 = Math.max(0, Math.floor(top / size));
  const tx1 = Math.min(map.width - 1, Math.ceil((left + w) / size) - 1);
  const ty1 = Math.min(map.height - 1, Math.ceil((top + h) / size) - 1);
  for (let ty = ty0; ty <= ty1; ty++) for (let tx = tx0; tx <= tx1; tx++) grid[ty * map.width + tx] = 1;
}

function collidingGids(map: TiledMap, problems: string[]): Set<number> {
  const gids = new Set<number>();
  map.tilesets.forEach((ts, i) => {
    for (const tile of ts.tiles ?? []) {
      const where = `tileset ${i} tile ${tile.id}`;
      if (readProperty(tile.properties, "collides", "bool", where, problems) === true) gids.add(ts.firstgid + tile.id);
    }
  });
  return gids;
}
