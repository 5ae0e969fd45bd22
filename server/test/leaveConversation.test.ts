import { feetAt, type TestMapOptions } from "../../shared/map/testMap";
import type { ServerMessages } from "../../shared/protocol/messages";
import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import { place, startTestServer, waitFor, type TestClient, type TestServer } from "./harness";

/**
 * The "Leave call" button (issue 16): whoever hangs up is told they are in no
 * conversation, the others keep talking, and the room does not pull them back
 * in until they and the people they left are apart again.
 */

type Conversation = ServerMessages[typeof ServerMessage.Conversation];

/** 32×16 open tiles; a meeting room covers tiles 20–29 × 2–11. */
const MAP: TestMapOptions = {
  width: 32,
  height: 16,
  zones: [{ name: "Board room", type: "meeting", x: 20 * 32, y: 2 * 32, width: 10 * 32, height: 10 * 32 }],
  spawns: [feetAt(2, 13), feetAt(6, 13), feetAt(10, 13), feetAt(14, 13)],
};

/** Several room updates (the room regroups every 100 ms): long enough for a wrong regrouping to show. */
const SETTLE_MS = 600;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ map: MAP });
});
afterAll(() => server.close());



function latest(client: TestClient): Conversation | undefined {
  return client.messages<Conversation>(ServerMessage.Conversation).at(-1);
}

function conversationOf(client: TestClient, what: string, test: (c: Conversation) => boolean): Promise<Conversation> {
  return waitFor(() => {
    const c = latest(client);
    return c && test(c) ? c : undefined;
  }, `${client.sessionId}: ${what}`);
}

const peerIds = (c: Conversation | undefined) => (c?.peers ?? []).map((p) => p.id).sort();
const sorted = (...clients: TestClient[]) => clients.map((c) => c.sessionId).sort();

async function joinAll(space: string, count: number): Promise<TestClient[]> {
  const clients: TestClient[] = [];
  for (let i = 0; i < count; i++) clients.push(await server.join({ space, name: `P${i}` }));
  return clients;
}

function leave(client: TestClient): void {
  client.room.send(ClientMessage.LeaveConversation, {});
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe("leaving a conversation", () => {
  it("ends the leaver's call, keeps the others talking, and regroups the leaver only after walking away and back", async () => {
    const [a, b, c] = await joinAll("trio", 3);
    await place("trio", a, 12, 6);
    await place("trio", b, 13, 6);
    await place("trio", c, 13, 7);
    const first = await conversationOf(a, "a conversation of three", (m) => m.peers.length === 2);
    expect(peerIds(first)).toEqual(sorted(b, c));

    leave(a);
    const alone = await conversationOf(a, "hanging up", (m) => m.groupId === null);
    expect(alone).toEqual({ groupId: null, peers: [] });
    const bc = await conversationOf(b, "B talking with C only", (m) => m.groupId === first.groupId && m.peers.length === 1);
    expect(peerIds(bc)).toEqual(sorted(c));
    expect(peerIds(await conversationOf(c, "C talking with B only", (m) => m.peers.length === 1))).toEqual(sorted(b));

    // Standing where they were, A is not pulled back in; B and C are not disturbed either.
    const toldA = a.messages(ServerMessage.Conversation).length;
    const toldB = b.messages(ServerMessage.Conversation).length;
    await sleep(SETTLE_MS);
    expect(a.messages(ServerMessage.Conversation).length).toBe(toldA);
    expect(latest(a)?.groupId).toBeNull();
    expect(b.messages(ServerMessage.Conversation).length).toBe(toldB);
    expect(a.rejected).toEqual([]);

    // Walking a little (still within 4.5 tiles of B) keeps A out.
    await a.walk(-1, 0, 4);
    await sleep(SETTLE_MS);
    expect(latest(a)?.groupId).toBeNull();

    // Far enough from both (7 tiles), then back: A joins B and C like anyone walking up.
    await a.walk(-1, 0, 20);
    await sleep(SETTLE_MS);
    expect(latest(a)?.groupId).toBeNull();
    await a.walk(1, 0, 20);
    const again = await conversationOf(a, "rejoining B and C", (m) => m.peers.length === 2);
    expect(peerIds(again)).toEqual(sorted(b, c));
    expect(peerIds(await conversationOf(b, "B hearing A again", (m) => m.peers.length === 2))).toEqual(sorted(a, c));
  });

  it("lets the leaver talk again once the people they left walk away, and to newcomers after that", async () => {
    const [a, b, d] = await joinAll("pair", 3);
    await place("pair", a, 5, 6);
    await place("pair", b, 6, 6);
    await conversationOf(a, "talking with B", (m) => m.groupId !== null);
    leave(a);
    await conversationOf(a, "hanging up", (m) => m.groupId === null);
    await conversationOf(b, "B alone too", (m) => m.groupId === null);

    // B walks off (A stays put): that re-arms A, and someone new walking up is heard.
    await b.walk(1, 0, 28);
    await place("pair", d, 6, 7);
    const withD = await conversationOf(a, "talking with D", (m) => m.groupId !== null);
    expect(peerIds(withD)).toEqual(sorted(d));
    expect(latest(b)?.groupId).toBeNull();
  });

  it("keeps the leaver out of a meeting room's conversation while they stay in the room", async () => {
    const [a, b] = await joinAll("meeting", 2);
    await place("meeting", a, 21, 3);
    await place("meeting", b, 28, 10); // far apart, one room
    await conversationOf(a, "the meeting", (m) => m.groupId?.startsWith("zone-") ?? false);
    leave(a);
    await conversationOf(a, "hanging up", (m) => m.groupId === null);
    await sleep(SETTLE_MS);
    expect(latest(a)?.groupId).toBeNull();

    // Out of the room (more than 4.5 tiles from B) and back in: the meeting takes A again.
    await a.walk(-1, 0, 12);
    await sleep(SETTLE_MS);
    await a.walk(1, 0, 12);
    const back = await conversationOf(a, "back in the meeting", (m) => m.groupId?.startsWith("zone-") ?? false);
    expect(peerIds(back)).toEqual(sorted(b));
  });

  it("refuses, with a reason, when there is no conversation to leave", async () => {
    const [a] = await joinAll("lonely", 1);
    leave(a);
    const refusal = await waitFor(() => a.rejected.find((r) => r.type === ClientMessage.LeaveConversation), "the refusal");
    expect(refusal.reason).toBe("You are not in a conversation.");
    // A payload with anything in it is malformed, and the room carries on.
    a.room.send(ClientMessage.LeaveConversation, { everyone: true });
    await waitFor(() => a.rejected.find((r) => r.reason === "malformed payload"), "the malformed refusal");
    expect(a.connected).toBe(true);
    expect(latest(a)).toBeUndefined();
  });
});
