import { MAX_LINK_KBPS, MIN_LINK_KBPS, TOTAL_UPSTREAM_KBPS, upstreamBudget } from "./upstreamBudget";

describe("upstreamBudget", () => {
  it("keeps a speaker's total video upstream within the budget as the audience grows", () => {
    for (const links of [1, 2, 5, 10, 22, 27]) {
      const b = upstreamBudget(links);
      expect(b.maxBitrate).toBeLessThanOrEqual(MAX_LINK_KBPS * 1000);
      expect(b.maxBitrate).toBeGreaterThanOrEqual(MIN_LINK_KBPS * 1000);
      if (links * MIN_LINK_KBPS <= TOTAL_UPSTREAM_KBPS) expect(b.maxBitrate * links).toBeLessThanOrEqual(TOTAL_UPSTREAM_KBPS * 1000);
    }
  });

  it("lowers resolution and frame rate with more listeners, never raising them", () => {
    const few = upstreamBudget(2);
    const many = upstreamBudget(22);
    expect(few.scaleResolutionDownBy).toBe(1);
    expect(many.scaleResolutionDownBy).toBeGreaterThan(few.scaleResolutionDownBy);
    let previous = upstreamBudget(1);
    for (let n = 2; n <= 40; n++) {
      const b = upstreamBudget(n);
      expect(b.maxBitrate).toBeLessThanOrEqual(previous.maxBitrate);
      expect(b.scaleResolutionDownBy).toBeGreaterThanOrEqual(previous.scaleResolutionDownBy);
      previous = b;
    }
  });

  it("treats nonsense as one link", () => {
    expect(upstreamBudget(Number.NaN)).toEqual(upstreamBudget(1));
    expect(upstreamBudget(-3)).toEqual(upstreamBudget(1));
  });
});
