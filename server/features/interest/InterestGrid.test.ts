import { InterestGrid } from "./InterestGrid";

/** Records who sees whom as the grid reports it, as sorted "a-b" pairs. */
function recorder() {
  const pairs = new Set<string>();
  const key = (a: string, b: string) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  return {
    pairs,
    listener: {
      enter(a: string, b: string) {
        expect(pairs.has(key(a, b))).toBe(false);
        pairs.add(key(a, b));
      },
      leave(a: string, b: string) {
        expect(pairs.delete(key(a, b))).toBe(true);
      },
    },
  };
}

describe("InterestGrid", () => {
  test("people within reach see each other at once; farther ones do not", () => {
    const { pairs, listener } = recorder();
    const grid = new InterestGrid<string>(100, 2, listener);
    grid.add("a", 50, 50);
    grid.add("b", 250, 50); // cell 2: two cells from a
    grid.add("c", 350, 50); // cell 3: three from a, one from b
    expect([...pairs].sort()).toEqual(["a-b", "b-c"]);
  });

  test("hysteresis: entering needs `reach` cells, leaving needs more than `reach + 1`", () => {
    const { pairs, listener } = recorder();
    const grid = new InterestGrid<string>(100, 2, listener);
    grid.add("a", 50, 50);
    const b = grid.add("b", 450, 50); // cell 4
    expect(pairs.size).toBe(0);
    grid.move(b, 350, 50); // cell 3: not yet
    expect(pairs.size).toBe(0);
    grid.move(b, 250, 50); // cell 2: enters
    expect(pairs.has("a-b")).toBe(true);
    grid.move(b, 350, 80); // cell 3: kept
    expect(pairs.has("a-b")).toBe(true);
    grid.move(b, 399, 399); // cell (3,3): still within reach + 1 on both axes
    expect(pairs.has("a-b")).toBe(true);
    grid.move(b, 350, 450); // cell (3,4): leaves
    expect(pairs.size).toBe(0);
  });

  test("moving within a cell does nothing; removal forgets silently", () => {
    const enter = jest.fn();
    const leave = jest.fn();
    const grid = new InterestGrid<string>(100, 1, { enter, leave });
    const a = grid.add("a", 10, 10);
    const b = grid.add("b", 110, 10);
    expect(enter).toHaveBeenCalledTimes(1);
    grid.move(a, 90, 90);
    grid.remove(b);
    expect(a.sees.size).toBe(0);
    grid.add("c", 120, 20);
    expect(enter).toHaveBeenCalledTimes(2);
    expect(leave).not.toHaveBeenCalled();
  });

  test("everyone mode links everybody regardless of distance", () => {
    const { pairs, listener } = recorder();
    const grid = InterestGrid.forRadius<string>(100, listener, true);
    const a = grid.add("a", 0, 0);
    grid.add("b", 5000, 5000);
    grid.add("c", 9000, 10);
    grid.move(a, 3000, 3000);
    expect([...pairs].sort()).toEqual(["a-b", "a-c", "b-c"]);
  });

  test("agrees with a brute-force check after random walks", () => {
    const { pairs, listener } = recorder();
    const grid = new InterestGrid<string>(64, 3, listener);
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const people = Array.from({ length: 60 }, (_, i) => {
      const x = random() * 2000;
      const y = random() * 1200;
      return { id: `p${i}`, x, y, w: grid.add(`p${i}`, x, y) };
    });
    const cell = (v: number) => Math.floor(v / 64);
    for (let round = 0; round < 200; round++) {
      for (const p of people) {
        p.x = Math.max(0, p.x + (random() - 0.5) * 80);
        p.y = Math.max(0, p.y + (random() - 0.5) * 80);
        grid.move(p.w, p.x, p.y);
      }
      for (const p of people) {
        for (const q of people) {
          if (p === q) continue;
          const d = Math.max(Math.abs(cell(p.x) - cell(q.x)), Math.abs(cell(p.y) - cell(q.y)));
          const seen = p.w.sees.has(q.w);
          if (d <= 3) expect(seen).toBe(true);
          if (d > 4) expect(seen).toBe(false);
          expect(q.w.sees.has(p.w)).toBe(seen);
        }
      }
    }
    expect(pairs.size).toBe(people.reduce((n, p) => n + p.w.sees.size, 0) / 2);
  });
});
