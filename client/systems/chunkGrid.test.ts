import { chunkRange, chunksToEvict, rangeContains, sameRange } from "./chunkGrid";

describe("chunkRange", () => {
  it("covers the view and its margin with whole chunks", () => {
    // View 640 × 400 at (100, 50), chunks of 256, margin 64: x from 36 to 804, y from -14 to 514.
    expect(chunkRange({ x: 100, y: 50, width: 640, height: 400 }, 64, 256, 10, 10)).toEqual({ x0: 0, y0: 0, x1: 3, y1: 2 });
  });

  it("does not ask for the next chunk when the view ends on a boundary", () => {
    expect(chunkRange({ x: 256, y: 0, width: 256, height: 256 }, 0, 256, 10, 10)).toEqual({ x0: 1, y0: 0, x1: 1, y1: 0 });
  });

  it("clamps to the map, and is empty for a view beside it", () => {
    expect(chunkRange({ x: -500, y: -500, width: 5000, height: 5000 }, 0, 256, 4, 3)).toEqual({ x0: 0, y0: 0, x1: 3, y1: 2 });
    const beside = chunkRange({ x: 2000, y: 0, width: 100, height: 100 }, 0, 256, 4, 3);
    expect(beside.x1).toBeLessThan(beside.x0);
    expect(rangeContains(beside, 3, 0)).toBe(false);
  });

  it("writes into a range it is given, so a render loop need not allocate", () => {
    const out = { x0: 9, y0: 9, x1: 9, y1: 9 };
    expect(chunkRange({ x: 0, y: 0, width: 300, height: 100 }, 0, 256, 4, 4, out)).toBe(out);
    expect(out).toEqual({ x0: 0, y0: 0, x1: 1, y1: 0 });
  });

  it("compares ranges by value", () => {
    const a = chunkRange({ x: 0, y: 0, width: 300, height: 300 }, 0, 256, 4, 4);
    expect(sameRange(null, a)).toBe(false);
    expect(sameRange({ ...a }, a)).toBe(true);
    expect(sameRange({ ...a, x1: a.x1 + 1 }, a)).toBe(false);
  });
});

describe("chunksToEvict", () => {
  const wanted = { x0: 0, y0: 0, x1: 1, y1: 1 };
  const chunk = (cx: number, cy: number, lastWanted: number) => ({ cx, cy, lastWanted });

  it("keeps everything within the budget", () => {
    expect(chunksToEvict([chunk(5, 5, 1), chunk(0, 0, 9)], wanted, 2)).toEqual([]);
  });

  it("drops the longest-unwanted chunks first, never a wanted one", () => {
    const baked = [chunk(0, 0, 1), chunk(1, 1, 1), chunk(5, 5, 3), chunk(6, 5, 2), chunk(7, 5, 8)];
    expect(chunksToEvict(baked, wanted, 3).map((c) => `${c.cx},${c.cy}`)).toEqual(["6,5", "5,5"]);
    // Over budget with only wanted chunks left: they all stay.
    expect(chunksToEvict(baked.slice(0, 2), wanted, 1)).toEqual([]);
  });
});
