import request from "supertest";
import { ServerMessage } from "../../shared/protocol/names";
import type { ServerMessages } from "../../shared/protocol/messages";
import { startTestServer, type TestServer } from "../../e2e/testServer";
import { TestClient, waitFor } from "./harness";

/**
 * An owner changes a space's settings through the API while people are in
 * its office: the open room takes them at once (conversation cap, who may
 * schedule meetups), nobody has to leave and come back. Real server, real
 * persistence, colyseus.js clients on 127.0.0.1.
 */

type Conversation = ServerMessages[typeof ServerMessage.Conversation];
type Meetups = ServerMessages[typeof ServerMessage.Meetups];

let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  // The room trusts the names in the join options (guests), so plain colyseus.js clients can join.
  server = await startTestServer({}, { identity: "joinOptions" });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.leave()));
  await server.close();
});

async function join(space: string, name: string): Promise<TestClient> {
  const client = await TestClient.join(server.url, { space, name, avatar: "ada" });
  clients.push(client);
  return client;
}

function latest<T>(client: TestClient, type: string): T | undefined {
  return client.messages<T>(type).at(-1);
}

/** An owner's session: sign up, then create the space. */
async function ownerOf(slug: string): Promise<request.Agent> {
  const owner = request.agent(server.url);
  const signup = await owner
    .post("/api/auth/signup")
    .send({ email: `owner-${slug}@example.com`, password: "a long enough password", displayName: "Olga Owner", avatar: "ada" });
  expect(signup.status).toBe(201);
  expect((await owner.post("/api/spaces").send({ slug, name: "Tuning" })).status).toBe(201);
  return owner;
}

test("a smaller conversation cap splits a running conversation at once", async () => {
  const owner = await ownerOf("tuning");
  const people = [await join("tuning", "Ann"), await join("tuning", "Ben"), await join("tuning", "Cy")];
  // Neighbouring spawn points: the three talk together.
  for (const p of people) await waitFor(() => latest<Conversation>(p, ServerMessage.Conversation)?.peers.length === 2, "a conversation of three");

  const patched = await owner.patch("/api/spaces/tuning/settings").send({ maxConversationSize: 2 });
  expect(patched.status).toBe(200);
  expect(patched.body.space.settings.maxConversationSize).toBe(2);

  // Within a regroup or two: a pair, and one left out, told why.
  await waitFor(() => {
    const sizes = people.map((p) => latest<Conversation>(p, ServerMessage.Conversation)?.peers.length ?? 0).sort();
    return sizes.join(",") === "0,1,1";
  }, "the conversation cut to two");
  const leftOut = people.find((p) => latest<Conversation>(p, ServerMessage.Conversation)?.peers.length === 0)!;
  expect(latest<Conversation>(leftOut, ServerMessage.Conversation)?.full).toBeTruthy();
  expect(people.every((p) => p.connected)).toBe(true);
});

test("letting anyone schedule meetups reaches the guests already inside", async () => {
  const owner = await ownerOf("meets");
  const guest = await join("meets", "Gus Guest");
  await waitFor(() => latest<Meetups>(guest, ServerMessage.Meetups), "the meetup list");
  expect(latest<Meetups>(guest, ServerMessage.Meetups)?.youMaySchedule).toBe(false);

  expect((await owner.patch("/api/spaces/meets/settings").send({ meetupHosts: "anyone" })).status).toBe(200);
  await waitFor(() => latest<Meetups>(guest, ServerMessage.Meetups)?.youMaySchedule === true, "the guest told they may schedule");
});

test("a settings change for a space nobody is in is saved and answered as usual", async () => {
  const owner = await ownerOf("empty");
  const patched = await owner.patch("/api/spaces/empty/settings").send({ hearingRadiusTiles: 2, leaveRadiusTiles: 3 });
  expect(patched.status).toBe(200);
  expect(patched.body.space.settings).toMatchObject({ hearingRadiusTiles: 2, leaveRadiusTiles: 3 });
});
