import type { DeskClaim, MemberStateStore, SavedStatus } from "../deps";
import { DatabaseHealth } from "./DatabaseHealth";
import { RetryingMemberStateStore } from "./RetryingMemberStateStore";
import { RetryingPresenceStore } from "./RetryingPresenceStore";

/**
 * The queue logic against a map-backed inner store whose "database" can be
 * switched off: these tests need to fail and recover writes at exact moments
 * and count them, which a real database cannot do on cue. The real chain
 * (embedded database stopped under a running server) is
 * server/test/databaseOutage.test.ts.
 */
class SwitchableMemberState implements MemberStateStore {
  readonly statuses = new Map<string, SavedStatus>();
  readonly desks = new Map<string, string | null>();
  /** Members of the space; setDesk answers false for anyone else, as the Mongo store does. */
  readonly members = new Set(["m1", "m2", "m3"]);
  up = true;
  writes = 0;

  private check(): void {
    if (!this.up) throw new Error("connection closed");
  }
  async loadStatus(memberId: string, space: string) {
    this.check();
    return this.statuses.get(`${space}/${memberId}`) ?? null;
  }
  async saveStatus(memberId: string, space: string, status: SavedStatus) {
    this.check();
    this.writes++;
    this.statuses.set(`${space}/${memberId}`, status);
  }
  async loadDesks(space: string) {
    this.check();
    const claims: DeskClaim[] = [];
    for (const [k, deskId] of this.desks) {
      const [s, memberId] = k.split("/");
      if (s === space && deskId) claims.push({ deskId, memberId, name: memberId.toUpperCase() });
    }
    return { policy: "anyone" as const, claims };
  }
  async setDesk(memberId: string, space: string, deskId: string | null) {
    this.check();
    if (!this.members.has(memberId)) return false;
    this.writes++;
    this.desks.set(`${space}/${memberId}`, deskId);
    return true;
  }
}

function setup() {
  const db = new SwitchableMemberState();
  const health = new DatabaseHealth();
  const store = new RetryingMemberStateStore(db, health);
  const seen: boolean[] = [];
  health.onHealth((ok) => seen.push(ok));
  return { db, health, store, seen };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

test("statuses and releases survive an outage; reads see what waits; the latest per member wins", async () => {
  const { db, store, seen } = setup();
  db.desks.set("s/m1", "desk-1");
  db.desks.set("s/m2", "desk-2");
  db.up = false;
  await store.saveStatus("m1", "s", { kind: "busy", text: "first" });
  await store.saveStatus("m1", "s", { kind: "focus", text: "latest" });
  await store.saveStatus("m2", "s", { kind: "away", text: "" });
  expect(await store.setDesk("m1", "s", null)).toBe(true);
  await settle();
  expect(seen).toEqual([false]);
  expect(store.backlog).toBe(3);
  // A person reconnecting meanwhile sees their own latest status, before it is written.
  expect(await store.loadStatus("m1", "s")).toEqual({ kind: "focus", text: "latest" });

  db.up = true;
  // A room starting now must not bring back a desk whose release is still waiting.
  expect((await store.loadDesks("s")).claims).toEqual([{ deskId: "desk-2", memberId: "m2", name: "M2" }]);
  expect(await store.drain(10_000)).toBe(true);
  expect(seen).toEqual([false, true]);
  expect(db.statuses.get("s/m1")).toEqual({ kind: "focus", text: "latest" });
  expect(db.statuses.get("s/m2")).toEqual({ kind: "away", text: "" });
  expect(db.desks.get("s/m1")).toBeNull();
  expect(db.writes).toBe(3);
  store.close();
});

test("a claim waits for the database's answer, and is refused at once while the database is known to be away", async () => {
  const { db, store, health } = setup();
  expect(await store.setDesk("m1", "s", "desk-1")).toBe(true);
  expect(db.desks.get("s/m1")).toBe("desk-1");
  // Not a member here: the database says no, and the caller hears it.
  expect(await store.setDesk("stranger", "s", "desk-2")).toBe(false);

  db.up = false;
  // Nothing has failed yet: the claim is tried, and its failure goes to the caller, not to a retry.
  await expect(store.setDesk("m2", "s", "desk-2")).rejects.toThrow("connection closed");
  expect(store.backlog).toBe(0);
  await store.saveStatus("m2", "s", { kind: "busy", text: "" });
  await settle();
  expect(health.healthy).toBe(false);
  await expect(store.setDesk("m3", "s", "desk-3")).rejects.toThrow("the database is unavailable");
  expect(db.desks.has("s/m3")).toBe(false);
  store.close();
});

test("positions and member state share one health: available only when both have written what waited", async () => {
  const { db, health, store, seen } = setup();
  const positionsDb = {
    up: true,
    rows: new Map<string, unknown>(),
    async load() {
      return null;
    },
    async save(memberId: string, _space: string, position: unknown) {
      if (!this.up) throw new Error("connection closed");
      this.rows.set(memberId, position);
    },
  };
  const positions = new RetryingPresenceStore(positionsDb, undefined, health);
  db.up = false;
  positionsDb.up = false;
  await positions.save("m1", "s", { x: 1, y: 2, facing: "down" });
  await store.saveStatus("m1", "s", { kind: "busy", text: "" });
  await settle();
  expect(seen).toEqual([false]);
  expect(positions.healthy).toBe(false);

  positionsDb.up = true;
  expect(await positions.drain(5000)).toBe(true);
  // Positions are written, statuses still wait: the notice stays.
  expect(positions.healthy).toBe(false);
  db.up = true;
  expect(await store.drain(5000)).toBe(true);
  expect(seen).toEqual([false, true]);
  positions.close();
  store.close();
});
