import { AttemptLimiter } from "./AttemptLimiter";

describe("AttemptLimiter", () => {
  it("locks a key after too many failures until its window ends", () => {
    let now = 0;
    const limiter = new AttemptLimiter(3, 60_000, 100, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("a")).toBe(0);
      limiter.fail("a");
    }
    expect(limiter.retryAfter("a")).toBe(60);
    expect(limiter.retryAfter("b")).toBe(0);
    now = 30_000;
    expect(limiter.retryAfter("a")).toBe(30);
    now = 60_000;
    expect(limiter.retryAfter("a")).toBe(0);
  });

  it("forgets a key on success, and bounds how many keys it holds", () => {
    const limiter = new AttemptLimiter(1, 60_000, 2, () => 0);
    limiter.fail("a");
    limiter.succeed("a");
    expect(limiter.retryAfter("a")).toBe(0);
    limiter.fail("x");
    limiter.fail("y");
    limiter.fail("z");
    expect([limiter.retryAfter("x"), limiter.retryAfter("y"), limiter.retryAfter("z")]).toEqual([0, 60, 60]);
  });
});
