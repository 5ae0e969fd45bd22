import { Client } from "colyseus.js";
import { buildTestMap } from "../../../shared/map/testMap";
import { ClientMessage, OFFICE_ROOM, ServerMessage } from "../../../shared/protocol/names";
import { HARNESS_MAP, TestClient, joinError, waitFor } from "../harness";
import { restartableServer, type RestartableServer } from "../restartableServer";

/**
 * The whole chain on a real server: createPersistence on the embedded store,
 * the lead's startServer with its deps, HTTP sign-in, colyseus.js joins with
 * the session, and positions surviving a full restart on the same DATA_DIR.
 */

let office: RestartableServer;

beforeAll(async () => {
  office = await restartableServer({ name: "persist", map: HARNESS_MAP });
});
afterAll(() => office?.close());

/** Joins the default room with a session token; resolves once the member sees itself, with its position. */
async function joinWith(token: string, space = "default") {
  const client = await TestClient.join(office.url, { space, name: "Impostor", avatar: "ada", token });
  return { room: client.room, self: () => client.me() };
}

async function poll<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("persistence wired into the server", () => {
  let guestToken: string;
  let saved: { x: number; y: number; facing: string };
  let memberId: string;

  it("seeds the default space and serves its map from the database", async () => {
    const res = await fetch(`${office.url}/api/spaces/default/map`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(buildTestMap(HARNESS_MAP))));
    expect((await fetch(`${office.url}/api/spaces/nowhere/map`)).status).toBe(404);
  });

  it("refuses a room join without a session (401)", async () => {
    const err = await joinError(office.url, { space: "default", name: "Nobody", avatar: "ada" });
    expect(err.code).toBe(401);
  });

  it("admits a guest with its session; name and avatar come from the member record", async () => {
    const guest = await office.post("/api/auth/guest", { space: "default", displayName: "Wanderer", avatar: "eli" });
    expect(guest.status).toBe(201);
    guestToken = decodeURIComponent(guest.token!);
    memberId = guest.json.member.id;
    const { room, self } = await joinWith(guestToken);
    expect([self().name, self().avatar, self().memberId]).toEqual(["Wanderer", "eli", memberId]);
    await room.leave(true);
  });

  it("refuses the guest's session for another space (403)", async () => {
    await office.post("/api/auth/signup", { email: "own@example.com", password: "long enough password", displayName: "Own", avatar: "bo" });
    const owner = await office.post("/api/auth/signin", { email: "own@example.com", password: "long enough password" });
    const created = await office.post("/api/spaces", { slug: "annex", name: "Annex" }, owner.token);
    expect(created.status).toBe(201);
    const err = await joinError(office.url, { space: "annex", name: "x", avatar: "ada", token: guestToken });
    expect(err.code).toBe(403);
  });

  it("admits an account by its session cookie alone (the browser's path), and refuses it once banned (403)", async () => {
    await office.post("/api/auth/signup", { email: "cookie@example.com", password: "long enough password", displayName: "Cookie", avatar: "hana" });
    const account = await office.post("/api/auth/signin", { email: "cookie@example.com", password: "long enough password" });
    const joined = await office.post("/api/spaces/default/join", {}, account.token);
    expect(joined.json.space.role).toBe("member");
    const client = new Client(office.url, { headers: { cookie: `deskmap_session=${joined.token}` } });
    const room = await client.joinOrCreate(OFFICE_ROOM, { space: "default", name: "x", avatar: "ada" });
    room.onMessage(ServerMessage.Welcome, () => undefined);
    const me = await waitFor(() => (room.state as any)?.members?.get(room.sessionId), "own member in state");
    expect(me.name).toBe("Cookie");
    await room.leave(true);

    const repos = office.persistence.repos;
    const space = (await repos.spaces.findBySlug("default"))!;
    await repos.members.setBanned((await repos.members.findByEmail("cookie@example.com"))!._id, space._id, true);
    const refused = await client.joinOrCreate(OFFICE_ROOM, { space: "default" }).then(
      () => null,
      (err: { code?: number }) => err,
    );
    expect(refused?.code).toBe(403);
  });

  it("saves where a member was on leave", async () => {
    const { room, self: state } = await joinWith(guestToken);
    const startX: number = state().x;
    for (let seq = 1; seq <= 6; seq++) room.send(ClientMessage.Move, { seq, dx: 1, dy: 0 });
    const moved = await waitFor(() => state()?.ack === 6 && state(), "moves acknowledged");
    expect(moved.x).toBeGreaterThan(startX);
    saved = { x: moved.x, y: moved.y, facing: moved.facing };
    await room.leave(true);
    const stored = await poll(() => office.persistence.deps.presenceStore!.load(memberId, "default"), (p) => p?.x === saved.x, "position saved");
    expect(stored).toEqual(saved);
  });

  it("restores the position on rejoin after a full restart on the same data directory", async () => {
    await office.restart();
    expect(await office.persistence.deps.presenceStore!.load(memberId, "default")).toEqual(saved);
    const { room, self } = await joinWith(guestToken);
    expect({ x: self().x, y: self().y, facing: self().facing }).toEqual(saved);
    await room.leave(true);
  });
});
