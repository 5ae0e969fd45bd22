/** Seeded randomness: the same seed always draws the same speckles, so re-runs are identical. */
export { mulberry32 } from "../../shared/random";

/** A stable integer hash of grid coordinates, for picking floor variants without state. */
export function hash2(x: number, y: number, salt = 0): number {
  let h = (Math.imul(x, 374761393) + Math.imul(y, 668265263) + Math.imul(salt, 2246822519)) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
