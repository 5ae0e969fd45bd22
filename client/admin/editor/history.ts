/**
 * Undo and redo over immutable values: every change pushes the value it
 * replaced. A new change after undoing drops the redo branch, as editors do.
 */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
}

/** Changes remembered for undo; older ones are forgotten. */
const DEPTH = 200;

export const start = <T>(present: T): History<T> => ({ past: [], present, future: [] });

export function change<T>(h: History<T>, next: T): History<T> {
  if (next === h.present) return h;
  return { past: [...h.past, h.present].slice(-DEPTH), present: next, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
