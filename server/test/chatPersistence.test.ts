import { ClientMessage } from "../../shared/protocol/names";
import { ChatRepository } from "../db/repositories/ChatRepository";
import { openTestDatabase, type TestDatabase } from "../db/repositories/testDatabase";
import { RoleIdentity } from "./desksHarness";
import { startTestServer, waitFor, type TestServer } from "./harness";
import { CHAT_MAP, histories, waitForLine } from "./chatHarness";

/** Chat history in the database (embedded store, or MONGODB_URI): across a server restart, and trimmed per channel. */

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase("chat");
});
afterAll(async () => {
  await db.destroy();
});

async function boot(): Promise<TestServer> {
  return startTestServer({ map: CHAT_MAP, deps: { identity: new RoleIdentity(), chat: db.repos.chat } });
}

test("lines survive a restart of the server and the database; DMs come back only to their two people", async () => {
  let server = await boot();
  const ann = await server.join({ name: "Ann" });
  const ben = await server.join({ name: "Ben" });
  ann.room.send(ClientMessage.ChatSend, { channel: "everyone", text: "good morning" });
  ann.room.send(ClientMessage.ChatSend, { channel: "dm", to: "m-Ben", text: "lunch at noon?" });
  await waitForLine(ben, "lunch at noon?");
  await waitForLine(ben, "good morning");
  await server.close();
  await db.restart();

  server = await boot();
  const benAgain = await server.join({ name: "Ben" });
  const everyone = await waitFor(() => histories(benAgain).find((h) => h.channel === "everyone"), "history on join");
  expect(everyone.lines.map((l) => [l.name, l.text])).toEqual([["Ann", "good morning"]]);
  benAgain.room.send(ClientMessage.ChatHistory, { channel: "dm", to: "m-Ann" });
  const thread = await waitFor(() => histories(benAgain).find((h) => h.channel === "dm"), "the thread with Ann");
  expect(thread.lines.map((l) => ({ text: l.text, from: l.fromMember, to: l.to }))).toEqual([
    { text: "lunch at noon?", from: "m-Ann", to: "m-Ben" },
  ]);

  const cy = await server.join({ name: "Cy" });
  cy.room.send(ClientMessage.ChatHistory, { channel: "dm", to: "m-Ann" });
  const cyThread = await waitFor(() => histories(cy).find((h) => h.channel === "dm"), "Cy's (empty) thread");
  expect(cyThread.lines).toEqual([]);
  await server.close();
});

test("each channel keeps only its newest lines", async () => {
  const repo = new ChatRepository(db.models, 5);
  const at = Date.now();
  for (let i = 0; i < 25; i++) {
    await repo.append("trim", { channel: "everyone", key: "everyone", fromMember: "m", name: "M", text: `n${i}`, at: at + i });
  }
  await repo.append("trim", { channel: "zone", key: "zone:Kitchen", fromMember: "m", name: "M", text: "other key", at });
  await repo.trim("trim", "everyone");
  expect((await repo.recent("trim", "everyone", 100)).map((l) => l.text)).toEqual(["n20", "n21", "n22", "n23", "n24"]);
  expect(await db.models.ChatMessage.countDocuments({ space: "trim", key: "everyone" })).toBe(5);
  expect((await repo.recent("trim", "zone:Kitchen", 100)).map((l) => l.text)).toEqual(["other key"]);
  expect((await repo.recent("trim", "everyone", 2)).map((l) => l.text)).toEqual(["n23", "n24"]);
});
