/**
 * Draw order. Map layers below avatars sit at negative depths; avatars use
 * their feet y (so whoever stands lower on screen is drawn in front);
 * map layers above avatars (from `furniture-above` or WorkAdventure's
 * `floorLayer` on) and name tags sit above every possible feet y.
 */
export const DEPTH = {
  /** Map layers below the avatars sit from -1000 up (one step per layer, in Tiled's order). */
  marker: -1,
  above: 1_000_000,
  nameTag: 2_000_000,
  /** Added to your own name tag's depth: it is drawn over every other tag. */
  selfTagBoost: 500_000,
} as const;

/**
 * Map layers keep Tiled's order: below the avatars from -1000 up; above them
 * just under DEPTH.above (at most 64 layers), so what other systems put at
 * DEPTH.above and over (desk labels, name tags) stays on top.
 */
const MAP_BELOW_BASE = -1000;
const MAP_ABOVE_BASE = DEPTH.above - 100;

/** The depth of the `index`-th map layer, below or above the avatars. */
export function mapLayerDepth(index: number, above: boolean): number {
  return (above ? MAP_ABOVE_BASE : MAP_BELOW_BASE) + index;
}
