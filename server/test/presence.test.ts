import { feetAt } from "../../shared/map/testMap";
import { STEP_PX } from "../../shared/rules/constants";
import type { PresenceStore, SavedPosition } from "../deps";
import { HARNESS_MAP, startTestServer, waitFor, type TestServer } from "./harness";

/** An in-memory PresenceStore; `failFor` makes calls for one member throw, like a database outage. */
class MemoryPresence implements PresenceStore {
  readonly saved = new Map<string, SavedPosition>();
  failFor?: string;

  async load(memberId: string, space: string) {
    if (memberId === this.failFor) throw new Error("store down");
    return this.saved.get(`${space}/${memberId}`) ?? null;
  }

  async save(memberId: string, space: string, pos: SavedPosition) {
    if (memberId === this.failFor) throw new Error("store down");
    this.saved.set(`${space}/${memberId}`, { ...pos });
  }
}

const store = new MemoryPresence();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ deps: { presenceStore: store } });
});

afterAll(async () => {
  await server.close();
});

describe("positions through a PresenceStore", () => {
  test("a position is saved on leave", async () => {
    const c = await server.join({ space: "keep" });
    const end = await c.walk(0, 1, 4);
    const memberId = c.me().memberId;
    await c.leave();
    await waitFor(() => store.saved.get(`keep/${memberId}`), "the position to be saved");
    expect(store.saved.get(`keep/${memberId}`)).toEqual({ x: end.x, y: end.y, facing: "down" });
  });

  test("a saved position is restored on join (identity with a stable memberId)", async () => {
    const spot = feetAt(8, 12);
    store.saved.set("back/regular", { ...spot, facing: "left" });
    const s = await startWithIdentity("regular");
    const c = await s.join({ space: "back" });
    expect(c.me()).toMatchObject({ x: spot.x, y: spot.y, facing: "left", memberId: "regular" });
    const moved = await c.walk(1, 0, 1);
    expect(moved.x).toBe(spot.x + STEP_PX);
  });

  test("a saved position inside a wall (the map changed) falls back to a spawn point", async () => {
    store.saved.set("back/walled", { ...feetAt(12, 3), facing: "up" });
    const s = await startWithIdentity("walled");
    const c = await s.join({ space: "back" });
    const spawns = HARNESS_MAP.spawns!.map((p) => `${p.x},${p.y}`);
    expect(spawns).toContain(`${c.me().x},${c.me().y}`);
  });

  test("positions are saved periodically while people stay", async () => {
    await server.close();
    server = await startTestServer({ deps: { presenceStore: store }, presenceSaveMs: 200 });
    const c = await server.join({ space: "periodic" });
    const end = await c.walk(1, 0, 2);
    const key = `periodic/${c.me().memberId}`;
    const saved = await waitFor(() => store.saved.get(key), "a periodic save", 3000);
    expect(saved).toEqual({ x: end.x, y: end.y, facing: "right" });
    expect(c.connected).toBe(true);
  });

  test("a failing store never keeps anyone out", async () => {
    store.failFor = "unlucky";
    const s = await startWithIdentity("unlucky");
    const c = await s.join({ space: "outage" });
    expect(c.me().memberId).toBe("unlucky");
    await c.leave();
    store.failFor = undefined;
  });
});

/** Restarts the server with an identity provider that gives everyone `memberId`. */
async function startWithIdentity(memberId: string): Promise<TestServer> {
  await server.close();
  server = await startTestServer({
    deps: {
      presenceStore: store,
      identity: {
        async authenticateJoin(options) {
          const o = options as { name: string; space?: string };
          return { memberId, name: o.name, avatar: "ada", role: "member", space: o.space ?? "default" };
        },
      },
    },
  });
  return server;
}
