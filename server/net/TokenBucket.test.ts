import { TokenBucket } from "./TokenBucket";

test("allows a burst, then the refill rate", () => {
  let now = 0;
  const bucket = new TokenBucket(3, 10, () => now);
  expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  now += 100; // 10/s → one token per 100 ms
  expect(bucket.take()).toBe(true);
  expect(bucket.take()).toBe(false);
  now += 10_000; // refills to capacity, no further
  let taken = 0;
  while (bucket.take()) taken++;
  expect(taken).toBe(3);
});
