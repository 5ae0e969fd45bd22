/**
 * Draw order. Tile layers below avatars sit at negative depths; avatars use
 * their feet y (so whoever stands lower on screen is drawn in front);
 * `furniture-above` and name tags sit above every possible feet y.
 */
export const DEPTH = {
  floor: -30,
  walls: -20,
  furniture: -10,
  /** Layers not named above but also drawn below avatars. */
  otherBelow: -5,
  marker: -1,
  above: 1_000_000,
  nameTag: 2_000_000,
} as const;

export function layerDepth(name: string): number {
  switch (name) {
    case "floor":
      return DEPTH.floor;
    case "walls":
      return DEPTH.walls;
    case "furniture":
      return DEPTH.furniture;
    case "furniture-above":
      return DEPTH.above;
    default:
      return DEPTH.otherBelow;
  }
}
