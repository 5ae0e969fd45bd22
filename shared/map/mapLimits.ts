/** What a Deskmap office map must look like, beyond being valid Tiled JSON. */

/** Maps are grids of 32 px square tiles; art and movement assume this size. */
export const TILE_SIZE = 32;

/** Bounds that keep a hostile or mistaken upload from exhausting memory or time. */
export const MAP_LIMITS = {
  maxTiles: 200,
  maxLayers: 64,
  maxObjectsPerLayer: 2000,
  maxJsonChars: 5 * 1024 * 1024,
} as const;

export const TILE_LAYERS = { required: ["floor", "walls", "furniture", "collision"], optional: ["furniture-above"] } as const;
export const OBJECT_LAYERS = ["spawns", "zones", "desks"] as const;

/** Tiled stores flip and rotation flags in the top three bits of each gid. */
export const GID_FLAGS_MASK = 0x1fffffff;
