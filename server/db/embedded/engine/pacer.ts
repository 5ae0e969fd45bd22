import { performance } from "node:perf_hooks";

/**
 * How long one piece of a command's work may hold the event loop before it lets others run.
 * Well under the 50 ms bar (issue 14): lmdb-js may run two commands' write steps back to back,
 * and the machine may be loaded.
 */
export const SLICE_MS = 5;

/**
 * Cuts a long command (a collection scan, a big sort, a write of many documents) into slices of
 * about SLICE_MS. Loops ask `due` (cheap: one clock read) and, when it is, pause at a
 * `setImmediate`, so I/O and other connections' commands run in between. Work shorter than a
 * slice never pauses, so small queries answer exactly as before, in one go.
 */
export class Pacer {
  private start = performance.now();
  /** Pauses taken so far (tests and diagnostics). */
  pauses = 0;

  /** `onSlice` hears the length of each slice that ended in a pause (the step clock). */
  constructor(private readonly onSlice?: (ms: number) => void) {}

  get due(): boolean {
    return performance.now() - this.start >= SLICE_MS;
  }

  /**
   * Reports the last slice, from the last pause (or the start) to now. For reads only, whose
   * work after the last pause runs without a break (a write's later part waits for commits).
   */
  finish(): void {
    this.onSlice?.(performance.now() - this.start);
  }

  async pause(): Promise<void> {
    this.onSlice?.(performance.now() - this.start);
    this.pauses++;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.start = performance.now();
  }
}

/** A pacer that is never due: runs paced code in one go (inside a write batch, or in tests). */
export const UNPACED = { due: false } as const;

export type PaceCheck = { readonly due: boolean };

/**
 * Paced work is written as generators that `yield` when `pace.due`; `drain` runs one to the
 * end synchronously, `drive` pauses at each yield. One code path, two ways to run it.
 */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export async function drive<T>(steps: Generator<void, T>, pacer: Pacer): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pacer.pause();
  }
}
