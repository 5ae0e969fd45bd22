import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

export interface LoopGaps {
  /** The longest stretch between two ticks of a 2 ms timer, in wall time. */
  wallMs: number;
  /**
   * The longest stretch of work between two ticks: per gap the smaller of its wall time and
   * the CPU time the main thread used in it. On a loaded machine a process waits for a core,
   * and that wait is wall time but no work.
   */
  workMs: number;
}

/**
 * CPU time of this (the main) thread: Linux's schedstat counts it in nanoseconds, so GC helper
 * threads and lmdb's writer thread are left out; elsewhere, the whole process's CPU time.
 */
const cpuMs = (() => {
  try {
    readFileSync("/proc/thread-self/schedstat", "utf8");
    return () => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
  } catch {
    return () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
  }
})();

/**
 * Measures how long the event loop goes without running a timer while `fn` runs: the longest
 * stretch in which nothing else could run (in a test process: the store's work and the
 * driver's, which share the loop). For tests and bench/store.ts.
 */
export async function loopGapsDuring<T>(fn: () => Promise<T>): Promise<{ result: T; gaps: LoopGaps }> {
  let wall = performance.now();
  let cpu = cpuMs();
  const gaps: LoopGaps = { wallMs: 0, workMs: 0 };
  const tick = () => {
    const w = performance.now();
    const c = cpuMs();
    gaps.wallMs = Math.max(gaps.wallMs, w - wall);
    gaps.workMs = Math.max(gaps.workMs, Math.min(w - wall, c - cpu));
    wall = w;
    cpu = c;
  };
  const timer = setInterval(tick, 2);
  try {
    const result = await fn();
    tick();
    return { result, gaps };
  } finally {
    clearInterval(timer);
  }
}
