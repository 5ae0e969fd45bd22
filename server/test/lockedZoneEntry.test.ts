import { parseMap } from "../../shared/map/parseMap";
import { buildTestMap, feetAt, type TestMapOptions } from "../../shared/map/testMap";
import { pointInZone } from "../../shared/map/zones";
import type { Point } from "../../shared/map/types";
import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import type { PresenceStore, SavedPosition } from "../deps";
import { RoleIdentity, deskOwners, statusOf } from "./desksHarness";
import { startTestServer, TestClient, waitFor, type TestServer } from "./harness";
import { lastConversation, waitForRejection } from "./meetupsHarness";

/**
 * Issue 15: every way the room puts someone somewhere (saved spot, own desk,
 * reconnection) respects a locked private zone, and desks are claimed only
 * from beside them. Real server, real clients; positions and claims kept by
 * an in-memory store for the room's life (the store is not what is tested).
 */

/**
 * 22×12 tiles. A walled private office (inside tiles 12–17 × 2–7) with its
 * door at (11,5); an assignable desk inside at (16,3); spawns on the left.
 */
const OFFICE = { x: 12 * 32, y: 2 * 32, width: 6 * 32, height: 6 * 32 };
const walls: Array<[number, number]> = [];
for (let t = 1; t <= 8; t++) {
  if (t !== 5) walls.push([11, t]);
  walls.push([18, t]);
}
for (let t = 11; t <= 18; t++) walls.push([t, 1], [t, 8]);
const MAP: TestMapOptions = {
  width: 22,
  height: 12,
  walls,
  zones: [{ name: "Office", type: "private", ...OFFICE }],
  desks: [{ id: "inner", kind: "assignable", ...feetAt(16, 3), facing: "up" }],
  spawns: [feetAt(3, 5), feetAt(3, 9), feetAt(6, 5), feetAt(6, 9)],
};
const office = parseMap(buildTestMap(MAP)).zones[0];
const inside = (p: Point) => pointInZone(office, p.x, p.y);

class MemoryPresence implements PresenceStore {
  readonly saved = new Map<string, SavedPosition>();
  async load(memberId: string, space: string) {
    return this.saved.get(`${space}/${memberId}`) ?? null;
  }
  async save(memberId: string, space: string, position: SavedPosition) {
    this.saved.set(`${space}/${memberId}`, { ...position });
  }
}

const store = new MemoryPresence();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ map: MAP, deps: { identity: new RoleIdentity(), presenceStore: store }, config: { reconnectSeconds: 5 } });
});
afterAll(async () => {
  await server.close();
});

/** Joins with a saved spot, as if they had left from there last time. */
async function joinAt(space: string, name: string, at: Point): Promise<TestClient> {
  store.saved.set(`${space}/m-${name}`, { ...at, facing: "down" });
  return server.join({ space, name });
}

async function lockOffice(by: TestClient, watcher: TestClient): Promise<void> {
  by.room.send(ClientMessage.ZoneLock, { locked: true });
  await waitFor(
    () => watcher.messages<{ locked: Array<{ zoneId: number }> }>(ServerMessage.ZoneLocks).at(-1)?.locked.some((l) => l.zoneId === office.id),
    "the office to be locked",
  );
}

/** Over a few conversation passes, the intruder is never grouped with the person inside. */
async function neverTalksWith(intruder: TestClient, host: TestClient): Promise<void> {
  // What the host was told before the lock may still be the latest word for a moment.
  await waitFor(() => !lastConversation(host)?.peers.some((p) => p.id === intruder.sessionId), "the host's call to leave the intruder out");
  const until = Date.now() + 800;
  while (Date.now() < until) {
    expect(lastConversation(intruder)?.peers.some((p) => p.id === host.sessionId) ?? false).toBe(false);
    expect(lastConversation(host)?.peers.some((p) => p.id === intruder.sessionId) ?? false).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test("someone who left from inside and rejoins after the lock appears outside the door, not in the conversation inside", async () => {
  const olga = await joinAt("saved", "Member Olga", feetAt(14, 4));
  const ivan = await joinAt("saved", "Member Ivan", feetAt(15, 6));
  expect(inside(ivan.me())).toBe(true);
  await ivan.leave();
  await waitFor(() => !olga.member(ivan.sessionId), "Ivan to be gone");
  await lockOffice(olga, olga);

  const back = await server.join({ space: "saved", name: "Member Ivan" });
  expect(store.saved.get("saved/m-Member Ivan")).toMatchObject(feetAt(15, 6));
  const at = back.me();
  expect(inside(at)).toBe(false);
  // The nearest place by walking: just outside the door, not a wall away.
  expect(Math.abs(at.x - feetAt(10, 5).x) + Math.abs(at.y - feetAt(10, 5).y)).toBeLessThanOrEqual(2 * 32);
  await neverTalksWith(back, olga);
});

test("one's own desk inside a locked office does not seat one there on arrival", async () => {
  const olga = await joinAt("desk", "Member Olga", feetAt(14, 4));
  const ivan = await joinAt("desk", "Member Ivan", feetAt(16, 4));
  ivan.room.send(ClientMessage.ClaimDesk, { desk: "inner" });
  await waitFor(() => deskOwners(olga).inner === "Member Ivan", "Ivan's desk");
  await ivan.leave();
  await waitFor(() => !olga.member(ivan.sessionId), "Ivan to be gone");
  await lockOffice(olga, olga);

  const back = await server.join({ space: "desk", name: "Member Ivan" });
  await waitFor(() => statusOf(olga, back.sessionId), "Olga to see Ivan back");
  expect(statusOf(back)?.seat).toBe("");
  expect(inside(back.me())).toBe(false);
  await neverTalksWith(back, olga);
});

test("a dropped connection inside, when the office is locked meanwhile, comes back outside", async () => {
  const olga = await joinAt("drop", "Member Olga", feetAt(14, 4));
  const ivan = await joinAt("drop", "Member Ivan", feetAt(15, 6));
  const token = await ivan.drop();
  await lockOffice(olga, olga);
  const back = await TestClient.reconnect(server.url, token);
  expect(back.sessionId).toBe(ivan.sessionId);
  const at = await waitFor(() => {
    const me = back.me();
    return !inside(me) && me;
  }, "Ivan to be put outside the office");
  expect(inside(at)).toBe(false);
  await neverTalksWith(back, olga);
});

test("a desk is claimed only from beside it: a claim from across the map is refused", async () => {
  const olga = await joinAt("claim", "Member Olga", feetAt(14, 4));
  const ivan = await server.join({ space: "claim", name: "Member Ivan" });
  await lockOffice(olga, ivan);
  ivan.room.send(ClientMessage.ClaimDesk, { desk: "inner" });
  expect(await waitForRejection(ivan, ClientMessage.ClaimDesk, /walk up to the desk/)).toBe("walk up to the desk first");
  expect(deskOwners(olga)).toEqual({});

  // Rejoining changes nothing: no claim, no seat inside.
  await ivan.leave();
  const back = await server.join({ space: "claim", name: "Member Ivan" });
  expect(statusOf(back)?.seat).toBe("");
  expect(inside(back.me())).toBe(false);
});

test("walking towards someone inside (as walk-to, follow and answering a ring do) stops at the locked door", async () => {
  const olga = await joinAt("walk", "Member Olga", feetAt(14, 5));
  const ivan = await joinAt("walk", "Member Ivan", feetAt(8, 5));
  await lockOffice(olga, ivan);
  // Straight at the door and on towards Olga: 7 tiles of steps.
  const end = await ivan.walk(1, 0, 7 * 4);
  expect(inside(end)).toBe(false);
  expect(end.x).toBeLessThan(OFFICE.x);
  await neverTalksWith(ivan, olga);
});
