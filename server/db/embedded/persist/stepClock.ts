import { performance } from "node:perf_hooks";

/** The longest synchronous step the store took on the event loop (ms) and what it was; for diagnostics and the benchmark. */
export interface StepClock {
  slowestMs: number;
  slowestStep: string;
}

export function timed<T>(clock: StepClock, name: string, fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    const ms = performance.now() - t0;
    if (ms > clock.slowestMs) Object.assign(clock, { slowestMs: ms, slowestStep: name });
  }
}
