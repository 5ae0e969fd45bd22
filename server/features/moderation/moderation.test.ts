import { Client, type Room } from "colyseus.js";
import { Types } from "mongoose";
import { startTestServer, type TestServer } from "../../../e2e/testServer";
import { ClientMessage, OFFICE_ROOM, ServerMessage } from "../../../shared/protocol/names";
import { SESSION_COOKIE } from "../../auth/sessionCookie";

/** Kicks and bans against the real server and database, through the room and the REST API. */

jest.setTimeout(30_000);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function tokenOf(response: Response): string {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const eq = pair!.indexOf("=");
    if (pair!.slice(0, eq) === SESSION_COOKIE) return decodeURIComponent(pair!.slice(eq + 1));
  }
  throw new Error("no session cookie");
}

async function post(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${server.url}/api${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function guest(name: string): Promise<{ token: string; memberId: string }> {
  const res = await post("/auth/guest", { space: "default", displayName: name, avatar: "ada" });
  expect(res.status).toBe(201);
  const { member } = (await res.json()) as { member: { id: string } };
  return { token: tokenOf(res), memberId: member.id };
}

let emailCount = 0;
async function admin(name: string, role: "admin" | "owner" = "admin"): Promise<{ token: string; memberId: string }> {
  const email = `mod${++emailCount}-${Date.now()}@example.com`;
  expect((await post("/auth/signup", { email, password: "correct horse battery", displayName: name, avatar: "bo" })).status).toBe(202);
  const signup = await post("/auth/signin", { email, password: "correct horse battery" });
  expect(signup.status).toBe(200);
  const { member } = (await signup.json()) as { member: { id: string } };
  const joined = await post("/spaces/default/join", {}, tokenOf(signup));
  expect(joined.status).toBe(200);
  const space = await server.repos.spaces.findBySlug("default");
  await server.repos.members.setRole(new Types.ObjectId(member.id), space!._id, role);
  return { token: tokenOf(joined), memberId: member.id };
}

function join(token: string): Promise<Room> {
  return new Client(server.wsUrl).joinOrCreate(OFFICE_ROOM, { space: "default", token });
}

/** Resolves with the Removed notice and the close code once the room drops the client. */
function removal(room: Room): Promise<{ notice: { banned: boolean; reason: string } | null; code: number }> {
  let notice: { banned: boolean; reason: string } | null = null;
  room.onMessage(ServerMessage.Removed, (n: { banned: boolean; reason: string }) => (notice = n));
  return new Promise((resolve) => room.onLeave((code) => resolve({ notice, code })));
}

test("an admin kicks a guest from the room: immediate disconnect with the reason, no seat held", async () => {
  const boss = await admin("Boss");
  const visitor = await guest("Visitor");
  const bossRoom = await join(boss.token);
  const visitorRoom = await join(visitor.token);
  const gone = removal(visitorRoom);
  bossRoom.send(ClientMessage.Moderate, { action: "kick", target: visitorRoom.sessionId, reason: "Please behave" });
  const { notice, code } = await gone;
  expect(notice).toEqual({ banned: false, reason: "Please behave" });
  expect(code).toBe(4000);
  // A kick is not a ban: they may come back.
  const back = await join(visitor.token);
  expect(back.sessionId).toBeTruthy();
  await back.leave();
  await bossRoom.leave();
});

test("a guest cannot kick anyone, whatever ids they send", async () => {
  const a = await guest("Mallory");
  const b = await guest("Bob");
  const aRoom = await join(a.token);
  const bRoom = await join(b.token);
  const rejected = new Promise<{ type: string; reason: string }>((resolve) => aRoom.onMessage(ServerMessage.Rejected, resolve));
  aRoom.send(ClientMessage.Moderate, { action: "ban", target: bRoom.sessionId });
  expect(await rejected).toEqual({ type: ClientMessage.Moderate, reason: "only owners and admins can remove people" });
  // Bob is still there.
  await new Promise((r) => setTimeout(r, 200));
  expect(bRoom.connection.isOpen).toBe(true);
  const space = await server.repos.spaces.findBySlug("default");
  const stored = await server.repos.members.findById(new Types.ObjectId(b.memberId));
  expect(stored!.memberships.find((m) => m.space.equals(space!._id))!.banned).toBe(false);
  await aRoom.leave();
  await bRoom.leave();
});

test("a ban through the room is persisted and refuses later joins and sign-ins", async () => {
  const boss = await admin("Boss2");
  const pest = await guest("Pest");
  const bossRoom = await join(boss.token);
  const pestRoom = await join(pest.token);
  const gone = removal(pestRoom);
  bossRoom.send(ClientMessage.Moderate, { action: "ban", target: pestRoom.sessionId });
  expect((await gone).notice).toEqual({ banned: true, reason: "You have been banned from this office" });
  const space = await server.repos.spaces.findBySlug("default");
  const deadline = Date.now() + 5000;
  for (;;) {
    const stored = await server.repos.members.findById(new Types.ObjectId(pest.memberId));
    if (stored!.memberships.find((m) => m.space.equals(space!._id))!.banned) break;
    if (Date.now() > deadline) throw new Error("ban not saved");
    await new Promise((r) => setTimeout(r, 50));
  }
  await expect(join(pest.token)).rejects.toThrow(/removed from "default"/);
  // Renewing the session (what sign-in does) gives no way back in either.
  expect((await post("/spaces/default/join", {}, pest.token)).status).toBe(403);
  await bossRoom.leave();
});

test("REST kick, ban and unban: admins only, person disconnected at once, ban lifted by unban", async () => {
  const boss = await admin("Boss3");
  const target = await guest("Target");
  const other = await guest("Other");
  const targetRoom = await join(target.token);

  // A guest may not use the endpoints.
  expect((await post(`/spaces/default/members/${target.memberId}/kick`, {}, other.token)).status).toBe(403);
  // Nobody may remove themselves.
  const self = await post(`/spaces/default/members/${boss.memberId}/ban`, {}, boss.token);
  expect(self.status).toBe(400);
  expect(await self.json()).toMatchObject({ error: "you cannot remove yourself" });

  const gone = removal(targetRoom);
  expect((await post(`/spaces/default/members/${target.memberId}/ban`, { reason: "Spam" }, boss.token)).status).toBe(204);
  const { notice, code } = await gone;
  expect(notice).toEqual({ banned: true, reason: "Spam" });
  expect(code).toBe(4000);
  await expect(join(target.token)).rejects.toThrow(/removed/);

  expect((await post(`/spaces/default/members/${target.memberId}/unban`, {}, boss.token)).status).toBe(204);
  const again = await join(target.token);
  expect(again.sessionId).toBeTruthy();
  await again.leave();
});

test("an admin may not remove the owner: refused with the reason in the room and through the API, the owner stays", async () => {
  const owner = await admin("Olive Owner", "owner");
  const boss = await admin("Boss4");
  const ownerRoom = await join(owner.token);
  const bossRoom = await join(boss.token);
  let removed = false;
  ownerRoom.onMessage(ServerMessage.Removed, () => (removed = true));

  const rejected = new Promise<{ type: string; reason: string }>((resolve) => bossRoom.onMessage(ServerMessage.Rejected, resolve));
  bossRoom.send(ClientMessage.Moderate, { action: "kick", target: ownerRoom.sessionId });
  expect(await rejected).toEqual({ type: ClientMessage.Moderate, reason: "an admin cannot remove an owner" });

  for (const action of ["kick", "ban", "unban"]) {
    const res = await post(`/spaces/default/members/${owner.memberId}/${action}`, {}, boss.token);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: "an admin cannot remove an owner" });
  }
  const space = await server.repos.spaces.findBySlug("default");
  const stored = await server.repos.members.findById(new Types.ObjectId(owner.memberId));
  expect(stored!.memberships.find((m) => m.space.equals(space!._id))!.banned).toBe(false);
  await new Promise((r) => setTimeout(r, 200));
  expect(removed).toBe(false);
  expect(ownerRoom.connection.isOpen).toBe(true);
  await ownerRoom.leave();
  await bossRoom.leave();
});
