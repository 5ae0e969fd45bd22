import { setImmediate as nextTurn } from "node:timers/promises";
import { listPurges, removePurge } from "../engine/catalog";
import { docRange, indexRange } from "../engine/storageKeys";
import type { Tables } from "../engine/Tables";

const KEYS_PER_BATCH = 2000;

/**
 * Deletes the key ranges of dropped collections and indexes, a slice per write batch. A drop
 * only removes the catalog record (ids are never reused, so the leftovers are unreachable);
 * the queue lives in the catalog, so a restart carries on where this stopped.
 */
export class Purger {
  private running: Promise<void> | null = null;

  constructor(
    private readonly tables: Tables,
    private readonly write: (fn: () => void) => Promise<void>,
    private readonly stopped: () => boolean,
  ) {}

  kick(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<void> {
    for (;;) {
      const pending = this.tables.checked(() => listPurges(this.tables.catalog));
      if (pending.length === 0 || this.stopped()) return;
      for (const p of pending) {
        const table = p.table === "docs" ? this.tables.docs : this.tables.entries;
        const range = p.table === "docs" ? docRange(p.id) : indexRange(p.id);
        for (;;) {
          if (this.stopped()) return;
          let n = 0;
          await this.write(() => {
            const keys = [...table.getKeys({ ...range, limit: KEYS_PER_BATCH })] as Buffer[];
            for (const k of keys) table.remove(k);
            n = keys.length;
            if (n < KEYS_PER_BATCH) removePurge(this.tables.catalog, p);
          });
          if (n < KEYS_PER_BATCH) break;
          await nextTurn();
        }
      }
    }
  }
}
