import { DEFAULT_FALLOFF, distanceGain } from "./distanceGain";

const TILE = 32;

test("full volume within two tiles", () => {
  expect(distanceGain(0, TILE)).toBe(1);
  expect(distanceGain(2 * TILE, TILE)).toBe(1);
});

test("fades monotonically towards the leave radius and never reaches zero", () => {
  let previous = 1;
  for (let px = 2 * TILE + 1; px <= 10 * TILE; px += 7) {
    const gain = distanceGain(px, TILE);
    expect(gain).toBeLessThanOrEqual(previous);
    expect(gain).toBeGreaterThanOrEqual(DEFAULT_FALLOFF.minGain);
    previous = gain;
  }
  expect(distanceGain(DEFAULT_FALLOFF.leaveTiles * TILE, TILE)).toBeCloseTo(DEFAULT_FALLOFF.minGain);
  expect(distanceGain(100 * TILE, TILE)).toBe(DEFAULT_FALLOFF.minGain);
});

test("halfway between full and leave radius is halfway in gain", () => {
  const { fullTiles, leaveTiles, minGain } = DEFAULT_FALLOFF;
  const mid = ((fullTiles + leaveTiles) / 2) * TILE;
  expect(distanceGain(mid, TILE)).toBeCloseTo((1 + minGain) / 2);
});

test("unknown distance or a broken tile size keeps full volume", () => {
  expect(distanceGain(Number.NaN, TILE)).toBe(1);
  expect(distanceGain(Number.POSITIVE_INFINITY, TILE)).toBe(1);
  expect(distanceGain(50, 0)).toBe(1);
});

test("a degenerate falloff (leave radius inside the full radius) still never silences", () => {
  expect(distanceGain(5 * TILE, TILE, { fullTiles: 4, leaveTiles: 3, minGain: 0.3 })).toBe(0.3);
});
