import { parseMap } from "../../shared/map/parseMap";
import { buildTestMap, feetAt } from "../../shared/map/testMap";
import { STEP_PX } from "../../shared/rules/constants";
import { MemberState } from "../schema/MemberState";
import { MovementSystem } from "./MovementSystem";

const map = parseMap(buildTestMap({ width: 40, height: 10, walls: [[10, 2]] }));

function member(tx = 2, ty = 2): MemberState {
  const m = new MemberState();
  const p = feetAt(tx, ty);
  m.x = p.x;
  m.y = p.y;
  return m;
}

function setup(options = {}) {
  const system = new MovementSystem(map, options);
  const m = member();
  system.add("a", m);
  return { system, m, x0: m.x };
}

describe("MovementSystem", () => {
  test("100 queued inputs: at most 3 steps on the first tick, and at most N+2 after N ticks", () => {
    const { system, m, x0 } = setup({ maxQueue: 200 });
    for (let seq = 1; seq <= 100; seq++) system.enqueue("a", { seq, dx: 1, dy: 0 });
    system.tick();
    expect((m.x - x0) / STEP_PX).toBe(3);
    for (let n = 2; n <= 20; n++) {
      system.tick();
      expect((m.x - x0) / STEP_PX).toBe(n + 2);
      expect(m.ack).toBe(n + 2);
    }
  });

  test("a steady one input per tick is applied every tick; after a gap, up to 3 catch up", () => {
    const { system, m, x0 } = setup();
    let seq = 0;
    for (let i = 0; i < 5; i++) {
      system.enqueue("a", { seq: ++seq, dx: 1, dy: 0 });
      system.tick();
    }
    expect(m.x - x0).toBe(5 * STEP_PX);
    // Jitter: two ticks pass without input, then three inputs arrive together.
    system.tick();
    system.tick();
    for (let i = 0; i < 3; i++) system.enqueue("a", { seq: ++seq, dx: 1, dy: 0 });
    system.tick();
    expect(m.x - x0).toBe(8 * STEP_PX);
    expect(m.ack).toBe(seq);
  });

  test("a tick that comes late applies the steps its time earned, so input does not pile up behind a busy server", () => {
    const { system, m, x0 } = setup({ maxQueue: 200 });
    let seq = 0;
    // 20 inputs a second arrive, but the loop only manages a tick every 100 ms.
    for (let t = 0; t < 5; t++) {
      system.enqueue("a", { seq: ++seq, dx: 1, dy: 0 });
      system.enqueue("a", { seq: ++seq, dx: 1, dy: 0 });
      system.tick(100);
    }
    expect(m.ack).toBe(seq);
    expect(m.x - x0).toBe(10 * STEP_PX);
    // Speed still follows the clock: 100 inputs at once over 0.5 s of late ticks move the 10 steps
    // that time earned, plus the one spare step the burst allowance (3) had kept, no more.
    for (let i = 0; i < 100; i++) system.enqueue("a", { seq: ++seq, dx: 1, dy: 0 });
    for (let t = 0; t < 5; t++) system.tick(100);
    expect(m.x - x0).toBe((10 + 11) * STEP_PX);
  });

  test("the budget never saves up more than 3 steps", () => {
    const { system, m, x0 } = setup();
    for (let i = 0; i < 50; i++) system.tick();
    for (let seq = 1; seq <= 10; seq++) system.enqueue("a", { seq, dx: 1, dy: 0 });
    system.tick();
    expect(m.x - x0).toBe(3 * STEP_PX);
  });

  test("stale or repeated seqs are ignored; a full queue refuses more", () => {
    const { system } = setup({ maxQueue: 2 });
    expect(system.enqueue("a", { seq: 5, dx: 1, dy: 0 })).toBe("queued");
    expect(system.enqueue("a", { seq: 5, dx: 1, dy: 0 })).toBe("stale");
    expect(system.enqueue("a", { seq: 4, dx: 1, dy: 0 })).toBe("stale");
    expect(system.enqueue("a", { seq: 6, dx: 1, dy: 0 })).toBe("queued");
    expect(system.enqueue("a", { seq: 7, dx: 1, dy: 0 })).toBe("full");
    expect(system.enqueue("nobody", { seq: 1, dx: 1, dy: 0 })).toBe("unknown");
    // A refused seq may be sent again later: it was never accepted.
    system.tick();
    expect(system.enqueue("a", { seq: 7, dx: 1, dy: 0 })).toBe("queued");
  });

  test("resetInput drops pending input and lets numbering start over (after a reconnect)", () => {
    const { system, m, x0 } = setup();
    for (let seq = 1; seq <= 6; seq++) system.enqueue("a", { seq, dx: 1, dy: 0 });
    system.tick();
    expect(m.ack).toBe(3);
    system.resetInput("a");
    expect([m.ack, m.moving]).toEqual([0, false]);
    system.tick();
    expect(m.x - x0).toBe(3 * STEP_PX); // the 3 still queued were dropped
    expect(system.enqueue("a", { seq: 1, dx: 1, dy: 0 })).toBe("queued");
    system.tick();
    expect([m.x - x0, m.ack]).toEqual([4 * STEP_PX, 1]);
  });

  test("facing and moving follow input; moving clears after the queue stays empty", () => {
    const { system, m } = setup();
    system.enqueue("a", { seq: 1, dx: 0, dy: -1 });
    system.tick();
    expect(m.facing).toBe("up");
    expect(m.moving).toBe(true);
    system.tick(); // one empty tick: could be network jitter
    expect(m.moving).toBe(true);
    system.tick();
    expect(m.moving).toBe(false);
    expect(m.facing).toBe("up");
  });

  test("walls stop the avatar flush; removed members are no longer moved", () => {
    const { system, m } = setup();
    for (let seq = 1; seq <= 60; seq++) {
      system.enqueue("a", { seq, dx: 1, dy: 0 });
      system.tick();
    }
    expect(m.x).toBe(10 * map.tileSize - 10);
    system.remove("a");
    system.tick();
    expect(m.x).toBe(10 * map.tileSize - 10);
  });
});
