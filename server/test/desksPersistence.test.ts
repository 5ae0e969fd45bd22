import type { JoinOptions } from "../../shared/protocol/messages";
import { ClientMessage } from "../../shared/protocol/names";
import { DESK_MAP, deskBeside, deskOwners, statusOf } from "./desksHarness";
import { TestClient, waitFor } from "./harness";
import { restartableServer, type RestartableServer } from "./restartableServer";

/**
 * Claimed desks, chosen statuses and the space's desk policy on the real
 * chain: createPersistence on the embedded store (or MONGODB_URI), accounts
 * signed up over HTTP, and a full restart on the same data directory.
 */

let office: RestartableServer;

beforeAll(async () => {
  office = await restartableServer({ name: "desks", map: DESK_MAP });
});
afterAll(() => office?.close());

/** Signs up an account and makes it a member of the default space; returns its session token and id. */
async function account(name: string): Promise<{ token: string; id: string }> {
  const email = `${name.toLowerCase()}@example.com`;
  expect((await office.post("/api/auth/signup", { email, password: "long enough password", displayName: name, avatar: "ada" })).status).toBe(202);
  const signup = await office.post("/api/auth/signin", { email, password: "long enough password" });
  expect(signup.status).toBe(200);
  const joined = await office.post("/api/spaces/default/join", {}, signup.token);
  expect(joined.json.space.role).toBe("member");
  return { token: decodeURIComponent(joined.token ?? signup.token!), id: signup.json.member?.id ?? joined.json.member?.id };
}

function join(token: string): Promise<TestClient> {
  return TestClient.join(office.url, { space: "default", name: "x", avatar: "ada", token } as Partial<JoinOptions>);
}

/** Polls an async probe until it gives something truthy. */
async function poll<T>(probe: () => Promise<T | null>, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function rejection(client: TestClient, type: string): Promise<string> {
  const found = await waitFor(() => client.rejected.find((r) => r.type === type), `a refusal of ${type}`);
  return found.reason;
}

describe("desks and statuses in the database", () => {
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };
  let mine = "";

  it("a claimed desk and a chosen status survive a full restart; the owner arrives at their desk", async () => {
    alice = await account("Alice");
    bob = await account("Bob");
    const a = await join(alice.token);
    // Desks are claimed from beside them.
    mine = deskBeside(office.server.map, a.me(), "assignable").id;
    a.room.send(ClientMessage.ClaimDesk, { desk: mine });
    a.room.send(ClientMessage.SetStatus, { kind: "busy", text: "quarterly numbers" });
    await waitFor(() => deskOwners(a)[mine] === "Alice" && statusOf(a)?.status === "busy", "claim and status applied");
    // An automatic away is not saved: only the chosen status comes back.
    a.room.send(ClientMessage.SetIdle, { idle: true });
    await waitFor(() => statusOf(a)?.status === "away", "auto-away");
    await poll(async () => (await office.persistence.deps.memberState!.loadDesks("default")).claims.length === 1 || null, "claim saved");
    await a.leave();

    await office.restart();
    const stored = await office.persistence.deps.memberState!.loadDesks("default");
    expect(stored.claims).toEqual([{ deskId: mine, memberId: expect.any(String), name: "Alice" }]);

    const b = await join(bob.token);
    expect(deskOwners(b)).toEqual({ [mine]: "Alice" });
    const back = await join(alice.token);
    const desk = office.server.map.desks.find((d) => d.id === mine)!;
    const seen = await waitFor(() => {
      const s = statusOf(b, back.sessionId);
      return s?.seat === mine && s;
    }, "Alice back at her desk");
    expect(seen).toMatchObject({ x: desk.x, y: desk.y, status: "busy", statusText: "quarterly numbers" });
    await Promise.all([b.leave(), back.leave()]);
  });

  it("with the 'admins' policy members cannot claim; an admin releases any desk, and the release is saved", async () => {
    await office.persistence.repos.spaces.updateSettings("default", { deskPolicy: "admins" });
    const space = (await office.persistence.repos.spaces.findBySlug("default"))!;
    const bobDoc = (await office.persistence.repos.members.findByEmail("bob@example.com"))!;
    // The policy is read when the room opens: everyone left above, so the next join opens it afresh.
    const b = await join(bob.token);
    b.room.send(ClientMessage.ClaimDesk, { desk: "desk-2" });
    expect(await rejection(b, ClientMessage.ClaimDesk)).toBe("in this space only owners and admins assign desks");
    b.room.send(ClientMessage.ReleaseDesk, { desk: mine });
    expect(await rejection(b, ClientMessage.ReleaseDesk)).toMatch(/only its owner/);
    await b.leave();

    await office.persistence.repos.members.setRole(bobDoc._id, space._id, "admin");
    const admin = await join(bob.token);
    expect(deskOwners(admin)).toEqual({ [mine]: "Alice" });
    admin.room.send(ClientMessage.ReleaseDesk, { desk: mine });
    await waitFor(() => !(mine in deskOwners(admin)), "desk released");
    const his = deskBeside(office.server.map, admin.me(), "assignable").id;
    admin.room.send(ClientMessage.ClaimDesk, { desk: his });
    await waitFor(() => deskOwners(admin)[his] === "Bob", "the admin's own claim");
    await admin.leave();
    const stored = await poll(async () => {
      const { claims } = await office.persistence.deps.memberState!.loadDesks("default");
      return claims.length === 1 && claims[0].deskId === his ? claims : null;
    }, "the release and claim saved");
    expect(stored[0].name).toBe("Bob");
  });
});
