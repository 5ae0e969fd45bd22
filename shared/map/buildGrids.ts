import type { TiledMap, TiledTileLayer } from "./tiledTypes";
import { GID_FLAGS_MASK } from "./mapLimits";
import { readProperty } from "./tiledValues";

export interface Grids {
  collision: Uint8Array;
  walls: Uint8Array;
}

/**
 * Build the collision and wall grids from a map that `validateTiled` passed.
 * Collision is the union of the `collision` layer and every tile marked
 * `collides: true` on any layer, so art can block without a separate mark.
 */
export function buildGrids(map: TiledMap, problems: string[]): Grids {
  const size = map.width * map.height;
  const collision = new Uint8Array(size);
  const walls = new Uint8Array(size);
  const colliding = collidingGids(map, problems);
  for (const layer of map.layers) {
    if (layer.type !== "tilelayer") continue;
    markLayer(layer, colliding, layer.name === "collision" ? collision : null, layer.name === "walls" ? walls : null, collision);
  }
  return { collision, walls };
}

function markLayer(
  layer: TiledTileLayer,
  colliding: Set<number>,
  anyTileTo: Uint8Array | null,
  wallsTo: Uint8Array | null,
  collision: Uint8Array,
): void {
  const data = layer.data;
  for (let i = 0; i < data.length; i++) {
    const gid = data[i] & GID_FLAGS_MASK;
    if (gid === 0) continue;
    if (anyTileTo) anyTileTo[i] = 1;
    if (wallsTo) wallsTo[i] = 1;
    if (colliding.has(gid)) collision[i] = 1;
  }
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
