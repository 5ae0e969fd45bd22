/** What a Deskmap office map must look like, beyond being valid Tiled JSON. */

/** The tile size Deskmap's own art and avatars are drawn for. Other square sizes work, with a warning. */
export const TILE_SIZE = 32;

/** Bounds that keep a hostile or mistaken upload from exhausting memory or time. */
export const MAP_LIMITS = {
  maxTiles: 200,
  /** Map width and height in pixels: position frames carry 13-bit coordinates (positionFrame.ts). */
  maxPixels: 6400,
  minTileSize: 16,
  maxTileSize: 64,
  maxLayers: 64,
  /** Group layers inside group layers. */
  maxGroupDepth: 8,
  maxTilesets: 32,
  maxObjectsPerLayer: 2000,
  /** Tile cells across every tile layer, after groups are flattened. */
  maxTileCells: 1_000_000,
  maxJsonChars: 5 * 1024 * 1024,
  /** Problems or warnings listed in a reply; the rest are counted. */
  maxListed: 50,
} as const;

/** Layer names with a meaning to Deskmap. Every one is optional. */
export const LAYER_NAMES = {
  collision: ["collision", "collisions"],
  walls: "walls",
  above: "furniture-above",
  spawns: "spawns",
  zones: "zones",
  desks: "desks",
  /** WorkAdventure: the object layer avatars walk on; layers after it are drawn above them. */
  floor: "floorLayer",
  /** WorkAdventure: a tile layer whose tiles are spawn points. */
  start: "start",
} as const;

/** Tiled stores flip and rotation flags in the top three bits of each gid. */
export const GID_FLAGS_MASK = 0x1fffffff;
