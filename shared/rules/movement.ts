import type { Direction, OfficeMap } from "../map/types";
import { FOOT, STEP_PX } from "./constants";

/** One step of input: which way the person wants to go during one tick. */
export interface MoveInput {
  dx: -1 | 0 | 1;
  dy: -1 | 0 | 1;
}

export interface Body {
  x: number;
  y: number;
  facing: Direction;
  moving: boolean;
}

/** Diagonal steps cover the same distance as straight ones (rounded to whole pixels). */
const DIAGONAL_PX = Math.round(STEP_PX / Math.SQRT2);

/**
 * Advance a body by one tick of input. Pure and deterministic: no clock, no
 * randomness, integer pixels in and out, so the server's tick and the client's
 * prediction compute the same result from the same inputs.
 * Each axis moves separately, so walking diagonally into a wall slides along it.
 */
export function stepMovement(map: OfficeMap, body: Body, input: MoveInput, out: Body = { ...body }): Body {
  const { dx, dy } = input;
  const step = dx !== 0 && dy !== 0 ? DIAGONAL_PX : STEP_PX;
  let x = body.x;
  let y = body.y;
  if (dx !== 0) x = moveAxis(map, x, y, dx * step, true);
  if (dy !== 0) y = moveAxis(map, x, y, dy * step, false);
  out.x = x;
  out.y = y;
  out.moving = x !== body.x || y !== body.y || dx !== 0 || dy !== 0;
  out.facing = facingFor(dx, dy, body.facing);
  return out;
}

/** The facing that a move implies; horizontal wins on diagonals, like most 2D walkers. */
export function facingFor(dx: number, dy: number, current: Direction): Direction {
  if (dx < 0) return "left";
  if (dx > 0) return "right";
  if (dy < 0) return "up";
  if (dy > 0) return "down";
  return current;
}

/** True when the avatar's foot box at (x, y) overlaps a blocked tile or leaves the map. */
export function footBlocked(map: OfficeMap, x: number, y: number): boolean {
  const size = map.tileSize;
  const left = x - FOOT.halfWidth;
  const right = x + FOOT.halfWidth - 1;
  const top = y - FOOT.height;
  const bottom = y - 1;
  if (left < 0 || top < 0 || right >= map.width * size || bottom >= map.height * size) return true;
  const tx0 = Math.floor(left / size);
  const tx1 = Math.floor(right / size);
  const ty0 = Math.floor(top / size);
  const ty1 = Math.floor(bottom / size);
  for (let ty = ty0; ty <= ty1; ty++) {
    for (let tx = tx0; tx <= tx1; tx++) {
      if (map.collision[ty * map.width + tx]) return true;
    }
  }
  return false;
}

/**
 * Move along one axis by `delta` pixels, stopping flush against the first
 * obstacle rather than short of it (so people can walk right up to a wall).
 */
function moveAxis(map: OfficeMap, x: number, y: number, delta: number, horizontal: boolean): number {
  const sign = Math.sign(delta);
  let moved = 0;
  const distance = Math.abs(delta);
  // Try the whole step first (the common case), then back off one pixel at a time.
  for (let d = distance; d > 0; d--) {
    const nx = horizontal ? x + sign * d : x;
    const ny = horizontal ? y : y + sign * d;
    if (!footBlocked(map, nx, ny)) {
      moved = d;
      break;
    }
  }
  return (horizontal ? x : y) + sign * moved;
}
