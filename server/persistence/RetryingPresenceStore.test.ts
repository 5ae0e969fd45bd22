import type { PresenceStore, SavedPosition } from "../deps";
import { RetryingPresenceStore } from "./RetryingPresenceStore";

/** A map-backed store whose "database" can be switched off, refusing writes like a lost connection. */
class SwitchableStore implements PresenceStore {
  readonly rows = new Map<string, SavedPosition>();
  up = true;
  writes = 0;
  async load(memberId: string, space: string) {
    if (!this.up) throw new Error("connection closed");
    return this.rows.get(`${space}/${memberId}`) ?? null;
  }
  async save(memberId: string, space: string, position: SavedPosition) {
    if (!this.up) throw new Error("connection closed");
    this.writes++;
    this.rows.set(`${space}/${memberId}`, position);
  }
}

const at = (x: number): SavedPosition => ({ x, y: 10, facing: "down" });

test("writes pass straight through while the database is up", async () => {
  const db = new SwitchableStore();
  const store = new RetryingPresenceStore(db);
  await store.save("m1", "s", at(1));
  expect(await store.drain()).toBe(true);
  expect(db.rows.get("s/m1")).toEqual(at(1));
  store.close();
});

test("an outage loses nothing: saves are kept, health is reported, and everything lands when the database returns", async () => {
  const db = new SwitchableStore();
  const store = new RetryingPresenceStore(db);
  const health: boolean[] = [];
  store.onHealth((ok) => health.push(ok));
  db.up = false;
  for (let i = 0; i < 50; i++) await store.save(`m${i}`, "s", at(i));
  await store.save("m0", "s", at(999)); // superseded: only the newest position counts
  await new Promise((r) => setTimeout(r, 50));
  expect(health).toEqual([false]);
  expect(store.healthy).toBe(false);
  expect(store.backlog).toBe(50);
  // The room reads the newest position even before it is written.
  expect(await store.load("m0", "s")).toEqual(at(999));

  db.up = true;
  expect(await store.drain(10_000)).toBe(true);
  expect(health).toEqual([false, true]);
  expect(db.rows.size).toBe(50);
  expect(db.rows.get("s/m0")).toEqual(at(999));
  for (let i = 1; i < 50; i++) expect(db.rows.get(`s/m${i}`)).toEqual(at(i));
  store.close();
});
