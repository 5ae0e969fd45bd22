import { readFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { ServerMessage } from "../../shared/protocol/names";
import type { ServerMessages } from "../../shared/protocol/messages";
import { startTestServer, type TestServer } from "../../e2e/testServer";
import { TestClient, waitFor } from "./harness";

/**
 * An owner changes a space through the API while people are in its office.
 * Settings: the open room takes them at once (conversation cap, who may
 * schedule meetups), nobody has to leave. A new active map: the room says so
 * and closes with the restart code, and whoever comes back is on the new map.
 * Real server, real persistence, colyseus.js clients on 127.0.0.1.
 */

type Conversation = ServerMessages[typeof ServerMessage.Conversation];
type Meetups = ServerMessages[typeof ServerMessage.Meetups];
type Welcome = ServerMessages[typeof ServerMessage.Welcome];

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
  expect(signup.status).toBe(202);
  expect((await owner.post("/api/auth/signin").send({ email: `owner-${slug}@example.com`, password: "a long enough password" })).status).toBe(200);
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

test("switching the active map closes the office with the restart code, and people come back on the new map", async () => {
  const owner = await ownerOf("remap");
  const ann = await join("remap", "Ann");
  const closed = new Promise<number>((resolve) => ann.room.onLeave((code) => resolve(code)));
  expect((await ann.welcome).mapVersion).toBe(1);

  // Version 2: the shipped office with its spawn points moved two tiles to the right.
  const tiled = JSON.parse(readFileSync(path.join(__dirname, "../../maps/office.json"), "utf8"));
  const spawns = tiled.layers.find((l: { name: string }) => l.name === "spawns");
  for (const spawn of spawns.objects) spawn.x += 64;
  const uploaded = await owner.post("/api/spaces/remap/maps?activate=true").set("Content-Type", "application/json").send(JSON.stringify(tiled));
  expect(uploaded.status).toBe(201);
  expect(uploaded.body.map).toMatchObject({ version: 2, active: true });

  expect(await closed).toBe(4201);
  expect(ann.messages<{ version: number }>(ServerMessage.MapChanged)).toEqual([{ version: 2 }]);

  // Coming back (as the page does): a new room on version 2, the saved spot kept where the new map allows it.
  const back = await join("remap", "Ann");
  expect((await back.welcome).mapVersion).toBe(2);
  // Choosing the version that is already active tells nobody anything and closes nothing.
  expect((await owner.put("/api/spaces/remap/active-map").send({ version: 2 })).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(back.connected).toBe(true);
  expect(back.messages(ServerMessage.MapChanged)).toEqual([]);
});
