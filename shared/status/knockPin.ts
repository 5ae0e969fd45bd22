import type { Point } from "../map/types";

/**
 * How long the conversation an accepted knock starts lasts. It holds while the
 * two stay about as close as when it began; walking clearly away ends it,
 * like leaving a conversation by proximity.
 */

/** A knock conversation always survives this much distance, in tiles. */
export const KNOCK_PIN_HOLD_TILES = 6;
/** Extra distance beyond where the two stood when it began before it ends, in tiles. */
export const KNOCK_PIN_SLACK_TILES = 2;

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** The distance (px) past which a knock conversation that began `startPx` apart ends. */
export function knockPinLimit(startPx: number, tileSize: number): number {
  return Math.max(startPx, KNOCK_PIN_HOLD_TILES * tileSize) + KNOCK_PIN_SLACK_TILES * tileSize;
}
