import { DatabaseHealth } from "./DatabaseHealth";

test("available only when no writer is failing; listeners hear each change once", () => {
  const health = new DatabaseHealth();
  const seen: boolean[] = [];
  const off = health.onHealth((ok) => seen.push(ok));
  health.report("positions", false);
  health.report("statuses", false);
  health.report("positions", false);
  health.report("positions", true);
  expect(health.healthy).toBe(false);
  health.report("statuses", true);
  expect(seen).toEqual([false, true]);
  off();
  health.report("statuses", false);
  expect(seen).toEqual([false, true]);
});

test("a writer that recovers wakes the others; a writer that was never failing does not", () => {
  const health = new DatabaseHealth();
  let wakes = 0;
  health.onRecovery(() => wakes++);
  health.report("positions", true);
  expect(wakes).toBe(0);
  health.report("positions", false);
  health.report("positions", true);
  expect(wakes).toBe(1);
});
