/** Bounds on one map upload's files, beyond the whole body's byte limit (MAX_MAP_BUNDLE_BYTES). */
export const UPLOAD_LIMITS = {
  /** Files in one upload (map, tilesets, images). */
  maxFiles: 64,
  /** One image, in bytes; a document holds at most 16 MB. */
  maxImageBytes: 8 * 1024 * 1024,
  /** One image's longest side and its pixel count: decoding costs memory by pixels, not bytes. */
  maxImageSide: 8192,
  maxImagePixels: 16 * 1024 * 1024,
  /** An external tileset file. */
  maxTilesetBytes: 1024 * 1024,
  /** Arrays and objects inside arrays and objects; Tiled maps nest about eight deep. */
  maxJsonDepth: 32,
} as const;
