import { stepMovement, type Body } from "../../shared/rules/movement";
import { MAX_UNACKED_TICKS, Predictor } from "./Predictor";
import { walledRoom } from "./testMap";

const map = walledRoom();
const start = { x: 80, y: 80, facing: "down" as const, moving: false, ack: 0 };

/** The authoritative side: applies acknowledged inputs with the same rule. */
function serverAfter(inputs: Array<{ dx: -1 | 0 | 1; dy: -1 | 0 | 1 }>): Body {
  let body: Body = { x: start.x, y: start.y, facing: start.facing, moving: false };
  for (const input of inputs) body = stepMovement(map, body, input);
  return body;
}

describe("Predictor", () => {
  it("moves immediately and numbers inputs from ack + 1", () => {
    const p = new Predictor(map, { ...start, ack: 41 });
    const sent = p.step({ dx: 1, dy: 0 });
    expect(sent.seq).toBe(42);
    expect(p.body.x).toBe(88);
    expect(p.body.facing).toBe("right");
    expect(p.step({ dx: 1, dy: 0 }).seq).toBe(43);
  });

  it("replays unacknowledged inputs on top of the server state without any visible correction", () => {
    const p = new Predictor(map, start);
    const inputs = [
      { dx: 1, dy: 0 },
      { dx: 1, dy: 0 },
      { dx: 0, dy: 1 },
      { dx: 0, dy: 1 },
    ] as const;
    for (const input of inputs) p.step(input);
    const predicted = { x: p.body.x, y: p.body.y };
    // Server has applied the first two inputs only.
    const server = serverAfter(inputs.slice(0, 2));
    p.reconcile({ ...server, moving: true, ack: 2 });
    expect(p.pendingCount).toBe(2);
    expect({ x: p.body.x, y: p.body.y }).toEqual(predicted);
    expect(p.renderX).toBe(predicted.x);
    expect(p.renderY).toBe(predicted.y);
  });

  it("turns a disagreement into an offset that fades instead of snapping", () => {
    const p = new Predictor(map, start);
    p.step({ dx: 1, dy: 0 });
    // The server says the input moved us less (e.g. someone else's rules); it is the authority.
    p.reconcile({ x: 84, y: 80, facing: "right", moving: false, ack: 1 });
    expect(p.body.x).toBe(84);
    expect(p.renderX).toBe(88); // still drawn where it was this frame
    p.smooth(30);
    expect(p.renderX).toBeGreaterThan(84);
    expect(p.renderX).toBeLessThan(88);
    for (let i = 0; i < 20; i++) p.smooth(16);
    expect(p.renderX).toBe(84);
  });

  it("keeps the walk/idle pose the local player chose, not the server's lagging flag", () => {
    const p = new Predictor(map, start);
    p.step({ dx: 1, dy: 0 });
    p.idle(); // the key was released
    p.reconcile({ x: 88, y: 80, facing: "right", moving: true, ack: 1 });
    expect(p.body.moving).toBe(false);
  });

  it("teleports when the server moves the avatar far away", () => {
    const p = new Predictor(map, start);
    p.reconcile({ x: 250, y: 200, facing: "up", moving: false, ack: 0 });
    expect(p.renderX).toBe(250);
    expect(p.renderY).toBe(200);
    expect(p.body.facing).toBe("up");
  });

  it("stops at walls exactly as the server would", () => {
    const p = new Predictor(map, start);
    for (let i = 0; i < 50; i++) p.step({ dx: -1, dy: 0 });
    expect(p.body.x).toBe(32 + 10); // flush against the left wall: tile 1 starts at 32, half foot = 10
  });

  it("forgets inputs the server never acknowledged after a second", () => {
    const p = new Predictor(map, start);
    p.step({ dx: 1, dy: 0 }); // lost on the way
    p.reconcile({ ...start, ack: 0 });
    expect(p.body.x).toBe(88); // still expected within the second
    for (let i = 0; i < MAX_UNACKED_TICKS; i++) p.idle();
    p.reconcile({ ...start, ack: 0 });
    expect(p.pendingCount).toBe(0);
    expect(p.body.x).toBe(80);
  });

  it("catches its sequence up when the server has acknowledged more than it sent", () => {
    const p = new Predictor(map, start);
    p.reconcile({ ...start, ack: 7 });
    expect(p.step({ dx: 0, dy: 1 }).seq).toBe(8);
  });
});
