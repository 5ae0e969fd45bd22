/**
 * Turns a boolean wall mask into wall tiles: caps where the wall continues south,
 * front faces where it meets the floor, outlines only on open edges.
 */
import type { Grid } from "./grid";
import type { TileIndex } from "./tileIndex";

const N = 1;
const E = 2;
const S = 4;
const W = 8;

export type WallMask = (x: number, y: number) => boolean;

export function isFace(mask: WallMask, x: number, y: number, height: number): boolean {
  return mask(x, y) && y + 1 < height && !mask(x, y + 1);
}

/** `special(x, y)` may name a tile to use instead (windows, the entrance). */
export function paintWalls(out: Grid, mask: WallMask, tiles: TileIndex, special: (x: number, y: number) => string | undefined): void {
  const wall = (x: number, y: number) => !out.inside(x, y) || mask(x, y);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      if (!mask(x, y)) continue;
      const named = special(x, y);
      if (named) {
        out.set(x, y, tiles.gid(named));
        continue;
      }
      if (isFace(mask, x, y, out.height)) {
        const w = isFace(mask, x - 1, y, out.height) || (x === 0);
        const e = isFace(mask, x + 1, y, out.height) || (x === out.width - 1);
        // A face runs into a wall that continues downwards: no outline at that side either.
        const wJoin = w || (x > 0 && mask(x - 1, y));
        const eJoin = e || (x < out.width - 1 && mask(x + 1, y));
        const suffix = wJoin && eJoin ? "mid" : wJoin ? "ende" : eJoin ? "endw" : "single";
        out.set(x, y, tiles.gid(`wall-face-${suffix}`));
        continue;
      }
      let m = 0;
      if (wall(x, y - 1)) m |= N;
      if (wall(x + 1, y)) m |= E;
      if (wall(x, y + 1)) m |= S;
      if (wall(x - 1, y)) m |= W;
      out.set(x, y, tiles.gid(`wall-cap-${m}`));
    }
  }
}
