import type { JoinOptions } from "../../shared/protocol/messages";
import { ClientMessage } from "../../shared/protocol/names";
import { TestClient, waitFor } from "./harness";
import { rejections } from "./meetupsHarness";
import { restartableServer, type RestartableServer } from "./restartableServer";

/**
 * Issue 15: a name changes only through the member record. `set-profile` in
 * the room can carry any name ("Owner Olga"); the room shows the stored one,
 * which PATCH /api/me validated. Real chain: accounts over HTTP, the embedded
 * store (or MONGODB_URI), colyseus.js clients.
 */

let office: RestartableServer;

beforeAll(async () => {
  office = await restartableServer({ name: "profile" });
});
afterAll(() => office?.close());

async function account(name: string): Promise<string> {
  const email = `${name.toLowerCase()}@example.com`;
  expect((await office.post("/api/auth/signup", { email, password: "long enough password", displayName: name, avatar: "ada" })).status).toBe(202);
  const signup = await office.post("/api/auth/signin", { email, password: "long enough password" });
  expect(signup.status).toBe(200);
  const joined = await office.post("/api/spaces/default/join", {}, signup.token);
  return decodeURIComponent(joined.token ?? signup.token!);
}

function join(token: string): Promise<TestClient> {
  return TestClient.join(office.url, { space: "default", name: "x", avatar: "ada", token } as Partial<JoinOptions>);
}

async function patchProfile(token: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${office.url}/api/me`, {
    method: "PATCH",
    headers: { "content-type": "application/json", cookie: `deskmap_session=${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

test("the room shows the stored name, whatever set-profile says; a saved rename shows at once", async () => {
  const aliceToken = await account("Alice");
  const alice = await join(aliceToken);
  const bob = await join(await account("Bob"));
  await waitFor(() => bob.member(alice.sessionId)?.name === "Alice", "Bob to see Alice");

  // A name that was never saved: the room reads the record, which still says Alice.
  alice.room.send(ClientMessage.SetProfile, { name: "Owner Olga", avatar: "bo" });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(bob.member(alice.sessionId)).toMatchObject({ name: "Alice", avatar: "ada" });

  // The HTTP route validates (the same rule for every name) and saves; then the room follows the record.
  expect((await patchProfile(aliceToken, { displayName: "x".repeat(80) })).status).toBe(400);
  const saved = await patchProfile(aliceToken, { displayName: "Alicia", avatar: "bo" });
  expect(saved.status).toBe(200);
  alice.room.send(ClientMessage.SetProfile, { name: "Owner Olga" });
  await waitFor(() => bob.member(alice.sessionId)?.name === "Alicia", "Bob to see the stored rename");
  expect(bob.member(alice.sessionId)?.avatar).toBe("bo");
  expect(rejections(alice, ClientMessage.SetProfile)).toEqual([]);
  await Promise.all([alice.leave(), bob.leave()]);
});
