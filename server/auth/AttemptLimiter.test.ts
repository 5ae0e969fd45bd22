import { AttemptLimiter } from "./AttemptLimiter";

describe("AttemptLimiter", () => {
  it("counts each attempt as it starts and refuses the key at its limit until the window ends", () => {
    let now = 0;
    const limiter = new AttemptLimiter(3, 60_000, 100, () => now);
    expect([limiter.attempt("a"), limiter.attempt("a"), limiter.attempt("a")]).toEqual([0, 0, 0]);
    expect(limiter.attempt("a")).toBe(60);
    expect(limiter.retryAfter("a")).toBe(60);
    expect(limiter.attempt("b")).toBe(0);
    now = 30_000;
    expect(limiter.attempt("a")).toBe(30);
    now = 60_000;
    expect(limiter.attempt("a")).toBe(0);
  });

  it("forgives an attempt that turned out fine, and forgets a reset key", () => {
    const limiter = new AttemptLimiter(2, 60_000, 100, () => 0);
    limiter.attempt("a");
    limiter.forgive("a");
    limiter.attempt("a");
    expect(limiter.attempt("a")).toBe(0);
    expect(limiter.attempt("a")).toBe(60);
    limiter.reset("a");
    expect(limiter.attempt("a")).toBe(0);
  });

  it("never evicts a locked key, however many other keys arrive", () => {
    let now = 0;
    const limiter = new AttemptLimiter(2, 60_000, 100, () => now);
    limiter.attempt("victim");
    limiter.attempt("victim");
    expect(limiter.retryAfter("victim")).toBe(60);
    // 10,000 other keys fill the table many times over: unlocked ones make room for each other.
    for (let i = 0; i < 10_000; i++) limiter.attempt(`filler-${i}`);
    expect(limiter.size).toBe(100);
    expect(limiter.attempt("victim")).toBe(60);
    now = 60_000;
    expect(limiter.attempt("victim")).toBe(0);
  });

  it("refuses a new key when every held key is locked", () => {
    const limiter = new AttemptLimiter(1, 60_000, 3, () => 0);
    for (const key of ["x", "y", "z"]) limiter.attempt(key);
    expect(limiter.attempt("new")).toBe(60);
    expect([limiter.retryAfter("x"), limiter.retryAfter("y"), limiter.retryAfter("z")]).toEqual([60, 60, 60]);
  });
});
