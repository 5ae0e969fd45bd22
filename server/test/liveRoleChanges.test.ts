import request from "supertest";
import type { JoinOptions, ServerMessages } from "../../shared/protocol/messages";
import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import { startTestServer, type TestServer } from "../../e2e/testServer";
import { TestClient, waitFor } from "./harness";

/**
 * An owner changes someone's role through the API while they are in the
 * office: the open room follows at once, nobody leaves. Their own rules
 * change (Kick works or is refused, scheduling meetups is offered or not),
 * and everyone's state shows the new role; a handover moves both roles; a
 * removal sends the person out. Real server, real persistence, sessions
 * from the REST API, colyseus.js clients joining with those sessions.
 */

type Meetups = ServerMessages[typeof ServerMessage.Meetups];

let server: TestServer;
const clients: TestClient[] = [];
const PASSWORD = "a long enough password";

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.filter((c) => c.connected).map((c) => c.leave()));
  await server.close();
});

/** The session token a response set as its cookie. */
function tokenOf(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  const cookie = cookies.find((c) => c.startsWith("deskmap_session="));
  if (!cookie) throw new Error(`no session cookie in the answer (HTTP ${res.status})`);
  return decodeURIComponent(cookie.slice("deskmap_session=".length).split(";")[0]);
}

/** An account that is in `slug` (joining it, or creating it when `create`), and its session for the room. */
async function account(name: string, slug: string, create = false): Promise<{ agent: request.Agent; id: string; token: string }> {
  const agent = request.agent(server.url);
  const email = `${name.split(" ")[0].toLowerCase()}@example.com`;
  expect((await agent.post("/api/auth/signup").send({ email, password: PASSWORD, displayName: name, avatar: "ada" })).status).toBe(202);
  const signin = await agent.post("/api/auth/signin").send({ email, password: PASSWORD });
  expect(signin.status).toBe(200);
  if (create) expect((await agent.post("/api/spaces").send({ slug, name: "Crew" })).status).toBe(201);
  const joined = await agent.post(`/api/spaces/${slug}/join`).send({});
  expect(joined.status).toBe(200);
  return { agent, id: signin.body.member.id as string, token: tokenOf(joined) };
}

async function guest(name: string, slug: string): Promise<string> {
  const res = await request(server.url).post("/api/auth/guest").send({ space: slug, displayName: name, avatar: "bo" });
  expect(res.status).toBe(201);
  return tokenOf(res);
}

async function join(token: string, slug: string): Promise<TestClient> {
  const client = await TestClient.join(server.url, { space: slug, token } as Partial<JoinOptions>);
  clients.push(client);
  return client;
}

function roleOf(viewer: TestClient, sessionId: string): string | undefined {
  return (viewer.room.state as { members?: { get(id: string): { role: string } | undefined } }).members?.get(sessionId)?.role;
}

const maySchedule = (client: TestClient) => client.messages<Meetups>(ServerMessage.Meetups).at(-1)?.youMaySchedule;
const refusals = (client: TestClient) => client.rejected.filter((r) => r.type === ClientMessage.Moderate).map((r) => r.reason);

test("promoted and demoted while in the office: their rules and everyone's view follow at once", async () => {
  const owner = await account("Olga Owner", "crew", true);
  const pat = await account("Pat Plain", "crew");
  // Only admins may schedule meetups here, so a promotion shows in what Pat is offered.
  expect((await owner.agent.patch("/api/spaces/crew/settings").send({ meetupHosts: "admins" })).status).toBe(200);

  const olga = await join(owner.token, "crew");
  const patRoom = await join(pat.token, "crew");
  const gil = await join(await guest("Gil Guest", "crew"), "crew");
  const gus = await join(await guest("Gus Guest", "crew"), "crew");
  for (const viewer of [olga, patRoom, gil]) await waitFor(() => roleOf(viewer, patRoom.sessionId) === "member", "Pat seen as a member");
  await waitFor(() => maySchedule(patRoom) === false, "Pat told they may not schedule");

  // As a member, Pat's Kick is refused by the room.
  patRoom.room.send(ClientMessage.Moderate, { action: "kick", target: gil.sessionId });
  await waitFor(() => refusals(patRoom).length === 1, "Pat's kick refused");

  // Made an admin through the API: at once, without leaving.
  const promoted = await owner.agent.put(`/api/spaces/crew/members/${pat.id}/role`).send({ role: "admin" });
  expect(promoted.status).toBe(200);
  for (const viewer of [olga, patRoom, gil]) await waitFor(() => roleOf(viewer, patRoom.sessionId) === "admin", "Pat seen as an admin");
  await waitFor(() => maySchedule(patRoom) === true, "Pat told they may schedule now");
  patRoom.room.send(ClientMessage.Moderate, { action: "kick", target: gil.sessionId });
  await waitFor(() => !gil.connected, "the guest kicked by the new admin");
  expect(refusals(patRoom)).toHaveLength(1);

  // Back to member: the rights go as fast as they came.
  expect((await owner.agent.put(`/api/spaces/crew/members/${pat.id}/role`).send({ role: "member" })).status).toBe(200);
  for (const viewer of [olga, patRoom, gus]) await waitFor(() => roleOf(viewer, patRoom.sessionId) === "member", "Pat seen as a member again");
  await waitFor(() => maySchedule(patRoom) === false, "Pat told they may not schedule any more");
  // The guard tells a client the same refusal at most once a second (MessageGuard's REJECT_NOTICE_MS).
  await new Promise((resolve) => setTimeout(resolve, 1100));
  patRoom.room.send(ClientMessage.Moderate, { action: "kick", target: gus.sessionId });
  await waitFor(() => refusals(patRoom).length === 2, "Pat's second kick refused");
  expect(gus.connected).toBe(true);
  expect([olga, patRoom, gus].every((c) => c.connected)).toBe(true);

  // A refused change changes nothing in the room either: Pat may not make themselves owner.
  expect((await pat.agent.put(`/api/spaces/crew/members/${pat.id}/role`).send({ role: "owner" })).status).toBe(403);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(roleOf(olga, patRoom.sessionId)).toBe("member");
});

test("a handover moves both roles in the open office; a removal sends the person out", async () => {
  const owner = await account("Otto Owner", "hand", true);
  const ria = await account("Ria Rising", "hand");
  const otto = await join(owner.token, "hand");
  const riaRoom = await join(ria.token, "hand");
  await waitFor(() => roleOf(riaRoom, otto.sessionId) === "owner" && roleOf(otto, riaRoom.sessionId) === "member", "the roles before");

  expect((await owner.agent.post("/api/spaces/hand/handover").send({ memberId: ria.id })).status).toBe(204);
  for (const viewer of [otto, riaRoom]) {
    await waitFor(() => roleOf(viewer, riaRoom.sessionId) === "owner" && roleOf(viewer, otto.sessionId) === "admin", "the roles after the handover");
  }
  // The new owner's rule holds in the room at once: Otto, now an admin, may be kicked by Ria.
  riaRoom.room.send(ClientMessage.Moderate, { action: "kick", target: otto.sessionId });
  await waitFor(() => !otto.connected, "the former owner kicked by the new one");

  // Removed through the API while in: told why, and out.
  const moe = await account("Moe Member", "hand");
  const moeRoom = await join(moe.token, "hand");
  expect((await ria.agent.delete(`/api/spaces/hand/members/${moe.id}`)).status).toBe(204);
  await waitFor(() => !moeRoom.connected, "the removed member out of the office");
  expect(moeRoom.messages<{ reason: string }>(ServerMessage.Removed).at(-1)?.reason).toBe("You were removed from this office");
});
