/**
 * A page that reloads itself to pick up a new office map leaves a note in
 * sessionStorage (this tab only), so that after the reload it walks straight
 * back in with the session it holds instead of stopping at the join page.
 */

const KEY = "deskmap:rejoin";

export function markRejoin(storage: Storage | null, space: string): void {
  try {
    storage?.setItem(KEY, space);
  } catch {
    // Storage refused (private mode, quota): the join page asks once more, which is all that is lost.
  }
}

/** Whether this page load should rejoin `space` by itself; the note is used up either way. */
export function takeRejoin(storage: Storage | null, space: string): boolean {
  try {
    const noted = storage?.getItem(KEY) ?? null;
    storage?.removeItem(KEY);
    return noted === space;
  } catch {
    return false;
  }
}
