import { RetryPolicy } from "./RetryPolicy";

test("gives growing delays, then gives up, until reset", () => {
  const policy = new RetryPolicy([10, 20, 40]);
  expect([policy.next(), policy.next(), policy.next()]).toEqual([10, 20, 40]);
  expect(policy.next()).toBeNull();
  expect(policy.used).toBe(3);
  policy.reset();
  expect(policy.next()).toBe(10);
});
