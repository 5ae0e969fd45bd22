/**
 * Runs changes that count owners ("is this the last one?") one at a time per
 * space, so two owners demoting each other at once cannot leave none. This
 * holds within one process; with several processes (REDIS_URL) two requests
 * landing on different processes at the same moment could still race, which
 * docs/security.md notes.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withSpaceLock<T>(space: string, work: () => Promise<T>): Promise<T> {
  const before = tails.get(space) ?? Promise.resolve();
  const run = before.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(space, tail);
  try {
    return await run;
  } finally {
    if (tails.get(space) === tail) tails.delete(space);
  }
}
