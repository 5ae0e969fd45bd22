/**
 * Movement constants shared by the server tick and client prediction.
 * Both sides step with exactly these numbers, so they agree to the pixel.
 */

/** Simulation step: the server ticks and the client predicts at this rate. */
export const TICK_MS = 50;

/** Walking speed: 8 px per 50 ms step = 160 px/s = 5 tiles/s. */
export const STEP_PX = 8;

/**
 * The avatar's footprint used for collision, centred on (x, y) horizontally and
 * ending at y: a person's feet, not their whole sprite, meet the furniture.
 */
export const FOOT = { halfWidth: 10, height: 10 } as const;
