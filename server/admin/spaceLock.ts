/**
 * Runs work one at a time per space within this process: requests of one
 * process wait here in turn instead of polling the database's lease
 * (OwnerChangeLock). One instance per API router, i.e. per server process.
 */
export class SpaceQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(space: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(space) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.catch(() => undefined);
    this.tails.set(space, tail);
    try {
      return await run;
    } finally {
      if (this.tails.get(space) === tail) this.tails.delete(space);
    }
  }
}
