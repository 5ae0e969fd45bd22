import { stepMovement, type Body, type MoveInput } from "../../shared/rules/movement";
import type { Point } from "../../shared/map/types";
import { PathFollower } from "./PathFollower";
import { walledRoom } from "./testMap";

const map = walledRoom(12, 10);

/** A simple axis-at-a-time steering rule, enough to exercise the follower. */
function toward(body: Body, wp: Point): MoveInput {
  const dx = Math.sign(wp.x - body.x) as MoveInput["dx"];
  const dy = dx === 0 ? (Math.sign(wp.y - body.y) as MoveInput["dy"]) : 0;
  return { dx, dy };
}

function walk(follower: PathFollower, body: Body, maxTicks = 200): number {
  let ticks = 0;
  for (; ticks < maxTicks; ticks++) {
    const input = follower.next(body);
    if (!input) break;
    stepMovement(map, body, input, body);
  }
  return ticks;
}

describe("PathFollower", () => {
  it("walks through every waypoint and stops at the last", () => {
    const body: Body = { x: 80, y: 80, facing: "down", moving: false };
    const f = new PathFollower(toward);
    f.start([{ x: 160, y: 80 }, { x: 160, y: 176 }], body);
    expect(f.destination).toEqual({ x: 160, y: 176 });
    const ticks = walk(f, body);
    expect({ x: body.x, y: body.y }).toEqual({ x: 160, y: 176 });
    expect(ticks).toBe(10 + 12);
    expect(f.destination).toBeNull();
  });

  it("gives up when a wall stops all progress", () => {
    const body: Body = { x: 80, y: 80, facing: "down", moving: false };
    const f = new PathFollower(toward);
    // A waypoint inside the border wall: the avatar ends flush against it and cannot get closer.
    f.start([{ x: 8, y: 80 }], body);
    const ticks = walk(f, body);
    expect(body.x).toBe(42);
    expect(ticks).toBeLessThan(20);
    expect(f.destination).toBeNull();
  });

  it("keeps walking while a lagging server pulls the avatar back, and arrives", () => {
    const body: Body = { x: 80, y: 80, facing: "down", moving: false };
    const f = new PathFollower(toward);
    f.start([{ x: 280, y: 80 }], body);
    // Of every four steps the server's correction undoes three: one step of real progress per four ticks.
    let ticks = 0;
    for (; ticks < 400; ticks++) {
      const input = f.next(body);
      if (!input) break;
      stepMovement(map, body, input, body);
      if (ticks % 4 === 3) body.x -= 24;
    }
    expect(body.x).toBe(280);
    expect(ticks).toBeGreaterThan(62); // the old fixed budget (twice the path plus slack) would have given up here
  });

  it("gives up when it circles without coming nearer", () => {
    const body: Body = { x: 80, y: 80, facing: "down", moving: false };
    // A steering rule that only ever walks back and forth across the path.
    let flip = 1;
    const f = new PathFollower(() => ({ dx: 0, dy: (flip = -flip) as MoveInput["dy"] }));
    f.start([{ x: 200, y: 80 }], body);
    const ticks = walk(f, body);
    expect(ticks).toBeLessThanOrEqual(41);
    expect(f.destination).toBeNull();
  });

  it("cancel() stops at once", () => {
    const body: Body = { x: 80, y: 80, facing: "down", moving: false };
    const f = new PathFollower(toward);
    f.start([{ x: 200, y: 80 }], body);
    expect(f.next(body)).toEqual({ dx: 1, dy: 0 });
    f.cancel();
    expect(f.next(body)).toBeNull();
  });
});
