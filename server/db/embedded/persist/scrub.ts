import { setImmediate as nextTurn } from "node:timers/promises";
import { DataDamagedError, unseal } from "../engine/checksum";
import type { Table, Tables } from "../engine/Tables";

const SLICE = 2000;

/**
 * Verifies the checksum of every record, a slice at a time with a turn of the event loop
 * between slices, so a large store opens at once and is checked while it serves. Damage
 * marks the store damaged (every command is then refused with a clear message); reads of a
 * damaged record are refused on their own even before the scrub reaches it.
 */
export async function scrub(tables: Tables, stopped: () => boolean): Promise<{ records: number; damage: DataDamagedError | null }> {
  let records = 0;
  const parts: Array<[string, Table]> = [["catalog", tables.catalog], ["document", tables.docs], ["index entry", tables.entries]];
  for (const [name, table] of parts) {
    let start: Buffer | undefined;
    for (;;) {
      if (stopped()) return { records, damage: null };
      let n = 0;
      try {
        for (const { key, value } of table.getRange({ start, limit: SLICE })) {
          unseal(name, key, value);
          start = Buffer.concat([key, Buffer.from([0])]); // the smallest key after this one
          n++;
        }
      } catch (err) {
        if (!(err instanceof DataDamagedError)) throw err;
        tables.damaged ??= err;
        return { records, damage: err };
      }
      records += n;
      if (n < SLICE) break;
      await nextTurn();
    }
  }
  return { records, damage: null };
}
