import type { OfficeMap, Point } from "./types";
import { stepMovement, type Body } from "../rules/movement";
import { advanceWaypoint, nextInputToward } from "../rules/followPath";

export interface WalkResult {
  body: Body;
  /** Ticks taken; -1 when the walk did not finish within the limit. */
  steps: number;
  /** Ticks in which the body asked to move but could not move at all. */
  stuckTicks: number;
  reachedIndex: number;
}

/**
 * Walk a body along waypoints exactly as a client does (advanceWaypoint,
 * nextInputToward, stepMovement each tick). For tests that check a path is
 * really walkable, not just a list of free tiles.
 */
export function walkPath(map: OfficeMap, from: Point, path: readonly Point[], maxSteps: number): WalkResult {
  let body: Body = { x: from.x, y: from.y, facing: "down", moving: false };
  let index = 0;
  let stuckTicks = 0;
  for (let step = 0; step <= maxSteps; step++) {
    index = advanceWaypoint(body, path, index);
    if (index >= path.length) return { body, steps: step, stuckTicks, reachedIndex: index };
    const next = stepMovement(map, body, nextInputToward(body, path[index]));
    if (next.x === body.x && next.y === body.y) stuckTicks++;
    body = next;
  }
  return { body, steps: -1, stuckTicks, reachedIndex: index };
}

/** A generous upper bound on ticks for a path: its length at the slowest (diagonal) pace, plus settling time per waypoint. */
export function walkBudget(from: Point, path: readonly Point[]): number {
  let px = 0;
  let prev = from;
  for (const p of path) {
    px += Math.max(Math.abs(p.x - prev.x), Math.abs(p.y - prev.y));
    prev = p;
  }
  return Math.ceil(px / 5) + 3 * path.length + 5;
}
