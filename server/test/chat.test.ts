import { CHAT_TEXT_MAX } from "../../shared/chat/chatRules";
import type { ServerMessages } from "../../shared/protocol/messages";
import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import { RoleIdentity } from "./desksHarness";
import { startTestServer, waitFor, type TestClient, type TestServer } from "./harness";
import { CHAT_MAP, chatLines, histories, settle, waitForLine, zoneOf } from "./chatHarness";

/** Who receives which chat line, against a real room (conversations and zones running). */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ map: CHAT_MAP, deps: { identity: new RoleIdentity() } });
});
afterAll(async () => {
  await server.close();
});

/** Ann and Cy spawn in the Kitchen next to each other; Ben far outside it. */
async function trio(space: string): Promise<{ ann: TestClient; ben: TestClient; cy: TestClient }> {
  const ann = await server.join({ space, name: "Ann" });
  const ben = await server.join({ space, name: "Ben" });
  const cy = await server.join({ space, name: "Cy" });
  await waitFor(() => zoneOf(ann) === "Kitchen" && zoneOf(cy) === "Kitchen" && zoneOf(ben) === "", "zones to settle");
  return { ann, ben, cy };
}

function rejections(client: TestClient, type: string): string[] {
  return client.rejected.filter((r) => r.type === type).map((r) => r.reason);
}

type Conversation = ServerMessages[typeof ServerMessage.Conversation];

describe("chat channels", () => {
  test("everyone reaches the whole space, the sender included, with the sender's name", async () => {
    const { ann, ben, cy } = await trio("everyone");
    ann.room.send(ClientMessage.ChatSend, { channel: "everyone", text: "  hello all " });
    for (const c of [ann, ben, cy]) {
      const line = await waitForLine(c, "hello all");
      expect(line).toMatchObject({ channel: "everyone", key: "everyone", from: ann.sessionId, fromMember: "m-Ann", name: "Ann" });
    }
  });

  test("zone reaches only the people in the sender's zone; outside every zone it is refused", async () => {
    const { ann, ben, cy } = await trio("zone");
    ann.room.send(ClientMessage.ChatSend, { channel: "zone", text: "kitchen only" });
    await waitForLine(cy, "kitchen only");
    await waitForLine(ann, "kitchen only");
    ben.room.send(ClientMessage.ChatSend, { channel: "zone", text: "from the hall" });
    await waitFor(() => rejections(ben, ClientMessage.ChatSend).includes("you are not in a zone"), "Ben refused");
    await settle();
    expect(chatLines(ben).map((l) => l.text)).toEqual([]);
    expect(chatLines(cy).map((l) => l.text)).toEqual(["kitchen only"]);
  });

  test("nearby reaches the sender's conversation only", async () => {
    const { ann, ben, cy } = await trio("nearby");
    await waitFor(
      () => ann.messages<Conversation>(ServerMessage.Conversation).some((c) => c.groupId && c.peers.some((p) => p.id === cy.sessionId)),
      "Ann and Cy to be talking",
    );
    cy.room.send(ClientMessage.ChatSend, { channel: "nearby", text: "psst" });
    const line = await waitForLine(ann, "psst");
    expect(line.channel).toBe("nearby");
    expect(line.key.startsWith("nearby:")).toBe(true);
    await waitForLine(cy, "psst");
    await settle();
    expect(chatLines(ben)).toEqual([]);
  });

  test("a direct message reaches its recipient and the sender, nobody else", async () => {
    const { ann, ben, cy } = await trio("dm");
    ann.room.send(ClientMessage.ChatSend, { channel: "dm", to: "m-Ben", text: "just for Ben" });
    for (const c of [ben, ann]) {
      expect(await waitForLine(c, "just for Ben")).toMatchObject({ channel: "dm", to: "m-Ben", fromMember: "m-Ann" });
    }
    await settle();
    expect(chatLines(cy)).toEqual([]);

    ann.room.send(ClientMessage.ChatSend, { channel: "dm", to: "m-Nobody", text: "hello?" });
    await waitFor(() => rejections(ann, ClientMessage.ChatSend).includes("that person is not here"), "unknown recipient refused");
  });

  test("text is plain, trimmed and at most 500 characters; control characters and empty lines are refused", async () => {
    const ann = await server.join({ space: "text", name: "Ann" });
    ann.room.send(ClientMessage.ChatSend, { channel: "everyone", text: "x".repeat(CHAT_TEXT_MAX + 1) });
    ann.room.send(ClientMessage.ChatSend, { channel: "everyone", text: "two\nlines" });
    ann.room.send(ClientMessage.ChatSend, { channel: "everyone", text: "   " });
    ann.room.send(ClientMessage.ChatSend, { channel: "everyone", text: "<img src=x onerror=alert(1)>" });
    const line = await waitForLine(ann, "<img src=x onerror=alert(1)>");
    // The server keeps the characters as they were typed; pages render them as text.
    expect(line.text).toBe("<img src=x onerror=alert(1)>");
    expect(rejections(ann, ClientMessage.ChatSend)).toContain("malformed payload");
    expect(chatLines(ann)).toHaveLength(1);
  });

  test("lines are rate limited per session, and per person across tabs", async () => {
    const ann = await server.join({ space: "rate", name: "Ann" });
    for (let i = 0; i < 12; i++) ann.room.send(ClientMessage.ChatSend, { channel: "everyone", text: `line ${i}` });
    await waitFor(() => rejections(ann, ClientMessage.ChatSend).includes("rate limited"), "a rate limit notice");
    await settle(500);
    const burst = chatLines(ann).length;
    expect(burst).toBeGreaterThanOrEqual(5);
    expect(burst).toBeLessThanOrEqual(6);

    // A second tab replaces the first (one connection per person) and inherits the person's budget: only what is left.
    const tab2 = await server.join({ space: "rate", name: "Ann" });
    for (let i = 0; i < 5; i++) tab2.room.send(ClientMessage.ChatSend, { channel: "everyone", text: `tab2 ${i}` });
    await waitFor(() => rejections(tab2, ClientMessage.ChatSend).includes("rate limited"), "the shared limit");
    await settle(300);
    expect(chatLines(tab2).filter((l) => l.text.startsWith("tab2")).length).toBeLessThan(5);
  });
});

describe("chat history", () => {
  test("the everyone history arrives on join; zone and DM histories on request, only one's own", async () => {
    const { ann, cy } = await trio("history");
    ann.room.send(ClientMessage.ChatSend, { channel: "everyone", text: "first" });
    ann.room.send(ClientMessage.ChatSend, { channel: "zone", text: "in the kitchen" });
    ann.room.send(ClientMessage.ChatSend, { channel: "dm", to: "m-Cy", text: "secret" });
    await waitForLine(cy, "secret");

    const dee = await server.join({ space: "history", name: "Dee" });
    const onJoin = await waitFor(() => histories(dee).find((h) => h.channel === "everyone"), "Dee's everyone history");
    expect(onJoin.lines.map((l) => l.text)).toEqual(["first"]);

    dee.room.send(ClientMessage.ChatHistory, { channel: "zone" });
    await waitFor(() => histories(dee).find((h) => h.channel === "zone"), "Dee's zone history");
    expect(histories(dee).find((h) => h.channel === "zone")?.lines).toEqual([]); // Dee stands outside the Kitchen

    dee.room.send(ClientMessage.ChatHistory, { channel: "dm", to: "m-Cy" });
    const deeDm = await waitFor(() => histories(dee).find((h) => h.channel === "dm"), "Dee's thread with Cy");
    expect(deeDm.lines).toEqual([]);

    cy.room.send(ClientMessage.ChatHistory, { channel: "dm", to: "m-Ann" });
    const cyDm = await waitFor(() => histories(cy).find((h) => h.channel === "dm"), "Cy's thread with Ann");
    expect(cyDm).toMatchObject({ with: "m-Ann" });
    expect(cyDm.lines.map((l) => l.text)).toEqual(["secret"]);

    cy.room.send(ClientMessage.ChatHistory, { channel: "zone" });
    const cyZone = await waitFor(() => histories(cy).find((h) => h.channel === "zone"), "Cy's zone history");
    expect(cyZone.lines.map((l) => l.text)).toEqual(["in the kitchen"]);
  });
});
