import { median, percentile, ratio, spread, timing } from "./mediaStats";

test("percentiles are nearest-rank over the sorted samples, whatever their order", () => {
  const samples = [50, 10, 40, 20, 30];
  expect(percentile(samples, 50)).toBe(30);
  expect(percentile(samples, 95)).toBe(50);
  expect(percentile(samples, 0)).toBe(10);
  expect(median([4, 1, 3, 2])).toBe(2);
  expect(percentile([], 50)).toBeNaN();
  expect(samples).toEqual([50, 10, 40, 20, 30]);
  expect(timing(samples)).toEqual({ n: 5, p50: 30, p95: 50, max: 50 });
});

test("ratios print one decimal and say n/a rather than divide by nothing", () => {
  expect(ratio(3000, 1250)).toBe("2.4×");
  expect(ratio(5, 0)).toBe("n/a");
  expect(ratio(Number.NaN, 2)).toBe("n/a");
  expect(spread([500, 520, 480])).toBe("1.1×");
  expect(spread([500])).toBe("n/a");
  expect(spread([0, 500, 1000])).toBe("2.0×");
});
