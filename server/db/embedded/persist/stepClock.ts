import { performance } from "node:perf_hooks";

/** The longest synchronous step the store took on the event loop (ms) and what it was; for diagnostics and the benchmark. */
export interface StepClock {
  slowestMs: number;
  slowestStep: string;
  /** Steps timed, and how many took more than 50 ms. */
  steps: number;
  over50ms: number;
}

export function timed<T>(clock: StepClock, name: string, fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    recordStep(clock, name, performance.now() - t0);
  }
}

/** Counts one step of `ms` (a timed call, or one slice of a paced command). */
export function recordStep(clock: StepClock, name: string, ms: number): void {
  clock.steps++;
  if (ms > 50) clock.over50ms++;
  if (ms > clock.slowestMs) Object.assign(clock, { slowestMs: ms, slowestStep: name });
}
