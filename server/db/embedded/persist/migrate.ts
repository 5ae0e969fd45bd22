import { existsSync, promises as fsp } from "node:fs";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { readFormat, writeFormat } from "../engine/catalog";
import { Store } from "../engine/Store";
import { STORE_FOLDER, Tables } from "../engine/Tables";
import { legacyFiles } from "./legacy/files";
import { readLegacy } from "./legacy/readLegacy";

const MIGRATING = `${STORE_FOLDER}.migrating`;
const OPS_PER_BATCH = 1000;

/**
 * Moves a data directory from the previous format (snapshot.bson + journal.*.log) into
 * lmdb on first start. The new store is built aside (store.migrating), fsynced, marked
 * `migratedFrom`, and renamed into place; only then are the old files moved into
 * legacy-backup-<time>/. A crash at any step leaves either the old files untouched or a
 * finished store, and the next start picks up from there.
 */
export async function migrateLegacy(dir: string, log: (msg: string) => void): Promise<void> {
  const files = await legacyFiles(dir);
  if (files.length === 0) return;
  const target = path.join(dir, STORE_FOLDER);
  if (existsSync(target)) {
    const tables = Tables.open(target);
    const format = tables.checked(() => readFormat(tables.catalog));
    await tables.close();
    if (!format?.migratedFrom) {
      throw new Error(
        `${dir} holds both an lmdb store (${STORE_FOLDER}/) and files of the previous format (${files.map((f) => path.basename(f)).join(", ")}); ` +
          "not knowing which is current, the store does not start. Move one of them out of the directory.",
      );
    }
  } else {
    await build(dir, log);
  }
  const backup = path.join(dir, `legacy-backup-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  await fsp.mkdir(backup, { mode: 0o700 });
  for (const f of files) await fsp.rename(f, path.join(backup, path.basename(f)));
  log(`embedded store: migrated the previous format into ${STORE_FOLDER}/; the old files are kept in ${backup}`);
}

async function build(dir: string, log: (msg: string) => void): Promise<void> {
  const { ops, tornTail } = await readLegacy(dir);
  if (tornTail) log(`embedded store migration: ignoring ${tornTail}`);
  const work = path.join(dir, MIGRATING);
  await fsp.rm(work, { recursive: true, force: true }); // an interrupted earlier attempt
  const tables = Tables.open(work);
  try {
    const store = new Store(tables);
    let skipped = 0;
    for (let i = 0; i < ops.length; i += OPS_PER_BATCH) {
      await tables.writeAsync(() => {
        for (const op of ops.slice(i, i + OPS_PER_BATCH)) {
          try {
            store.apply(op);
          } catch {
            skipped++; // as the old replay did: an op that no longer applies (e.g. a later index rejected it)
          }
        }
      });
      await nextTurn();
    }
    if (skipped) log(`embedded store migration: skipped ${skipped} journal ops that no longer applied`);
    await tables.writeAsync(() => writeFormat(tables.catalog, { migratedFrom: "journal+snapshot", migratedAt: new Date() }));
    await tables.flushed();
  } finally {
    await tables.close();
  }
  await fsp.rename(work, path.join(dir, STORE_FOLDER));
  const fh = await fsp.open(dir, "r");
  await fh.sync().finally(() => fh.close());
}
