import { SpatialHash } from "./spatialHash";

function pairsOf(hash: SpatialHash): string[] {
  const out: string[] = [];
  hash.forEachNearbyPair((i, j) => out.push(`${i}-${j}`));
  return out;
}

describe("SpatialHash", () => {
  it("reports every pair within the cell size exactly once", () => {
    let seed = 11;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const hash = new SpatialHash();
    for (const n of [0, 1, 2, 50, 700]) {
      const xs = new Float64Array(n);
      const ys = new Float64Array(n);
      // Negative coordinates and a wide spread exercise cell maths and hash collisions.
      for (let i = 0; i < n; i++) {
        xs[i] = (rand() - 0.3) * 3000;
        ys[i] = (rand() - 0.3) * 3000;
      }
      const cell = 100;
      hash.build(xs, ys, n, cell);
      const got = pairsOf(hash);
      // Normalise each pair to "small-large" and check none repeats either way round.
      const normal = got.map((p) => {
        const [i, j] = p.split("-").map(Number) as [number, number];
        expect(i).not.toBe(j);
        return i < j ? `${i}-${j}` : `${j}-${i}`;
      });
      expect(new Set(normal).size).toBe(got.length);
      const within = new Set(normal);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!) <= cell) expect(within.has(`${i}-${j}`)).toBe(true);
        }
      }
      // Candidates are only from neighbouring cells: far fewer than all pairs for a spread crowd.
      if (n === 700) expect(got.length).toBeLessThan((n * (n - 1)) / 20);
    }
  });

  it("is reusable: a smaller rebuild forgets the earlier points", () => {
    const hash = new SpatialHash();
    hash.build(new Float64Array([0, 10, 20]), new Float64Array([0, 0, 0]), 3, 50);
    expect(pairsOf(hash).map((p) => p.split("-").map(Number).sort().join("-")).sort()).toEqual(["0-1", "0-2", "1-2"]);
    hash.build(new Float64Array([0, 500]), new Float64Array([0, 0]), 2, 50);
    expect(pairsOf(hash)).toEqual([]);
  });

  it("rejects a non-positive cell size", () => {
    expect(() => new SpatialHash().build(new Float64Array(1), new Float64Array(1), 1, 0)).toThrow(/cellSize/);
  });
});
