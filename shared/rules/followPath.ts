import type { Point } from "../map/types";
import type { Body, MoveInput } from "./movement";
import { STEP_PX } from "./constants";

/**
 * How close (per axis, px) counts as "at" a waypoint. Half a straight step:
 * a step from just outside it lands at most this far past the point, so the
 * avatar settles instead of stepping back and forth around it.
 */
export const ARRIVE_PX = STEP_PX / 2;

/** Whether a body is at a waypoint, within ARRIVE_PX on both axes. */
export function hasArrived(body: Pick<Body, "x" | "y">, waypoint: Point): boolean {
  return Math.abs(waypoint.x - body.x) <= ARRIVE_PX && Math.abs(waypoint.y - body.y) <= ARRIVE_PX;
}

/**
 * The per-tick input that walks a body toward a waypoint: each axis moves only
 * while more than ARRIVE_PX away. With findPath's waypoints (straight or 45°
 * apart) this walks the segment itself, diagonally where it is diagonal.
 */
export function nextInputToward(body: Pick<Body, "x" | "y">, waypoint: Point): MoveInput {
  return { dx: axisInput(waypoint.x - body.x), dy: axisInput(waypoint.y - body.y) };
}

/**
 * The index of the first waypoint from `index` on that the body has not yet
 * reached (path.length when it has reached the end). Clients call it each tick
 * before `nextInputToward(body, path[index])`.
 */
export function advanceWaypoint(body: Pick<Body, "x" | "y">, path: readonly Point[], index: number): number {
  let i = Math.max(0, index);
  while (i < path.length && hasArrived(body, path[i])) i++;
  return i;
}

function axisInput(delta: number): -1 | 0 | 1 {
  if (delta > ARRIVE_PX) return 1;
  if (delta < -ARRIVE_PX) return -1;
  return 0;
}
