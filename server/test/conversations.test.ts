import { createHmac } from "node:crypto";
import { feetAt, type TestMapOptions } from "../../shared/map/testMap";
import type { ServerMessages } from "../../shared/protocol/messages";
import { MAX_SDP_CHARS } from "../../shared/protocol/conversationMessages";
import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import type { SpaceSettingsForRoom } from "../deps";
import { place, roomState, startTestServer, TestClient, waitFor, type TestServer } from "./harness";

type Conversation = ServerMessages[typeof ServerMessage.Conversation];
type Signal = ServerMessages[typeof ServerMessage.Signal];
type IceServers = ServerMessages[typeof ServerMessage.IceServers];

const TURN_SECRET = "test-turn-secret-0123456789";

/** 32×16 open tiles; a meeting room covers tiles 20–29 × 2–11. Spawns on the left, 8 tiles apart. */
const MAP: TestMapOptions = {
  width: 32,
  height: 16,
  zones: [{ name: "Board room", type: "meeting", x: 20 * 32, y: 2 * 32, width: 10 * 32, height: 10 * 32 }],
  spawns: [feetAt(2, 2), feetAt(10, 2), feetAt(2, 10), feetAt(10, 10)],
};

/** Spaces whose slug starts with "small" allow conversations of two. */
const spaceSettings = {
  async settings(space: string): Promise<SpaceSettingsForRoom | null> {
    return space.startsWith("small") ? { maxConversationSize: 2 } : null;
  },
};

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    map: MAP,
    deps: { spaces: spaceSettings },
    config: {
      ice: {
        stunUrls: ["stun:127.0.0.1:3478"],
        turnUrls: ["turn:127.0.0.1:3478?transport=udp"],
        turnSecret: TURN_SECRET,
        turnTtlSeconds: 600,
      },
    },
  });
});
afterAll(() => server.close());



function latest(client: TestClient): Conversation | undefined {
  return client.messages<Conversation>(ServerMessage.Conversation).at(-1);
}

/** Waits until the client's latest conversation message satisfies `test`. */
function conversationOf(client: TestClient, what: string, test: (c: Conversation) => boolean): Promise<Conversation> {
  return waitFor(() => {
    const c = latest(client);
    return c && test(c) ? c : undefined;
  }, `${client.sessionId}: ${what}`);
}

function peerIds(c: Conversation): string[] {
  return c.peers.map((p) => p.id).sort();
}

async function joinAll(space: string, count: number): Promise<TestClient[]> {
  const clients: TestClient[] = [];
  for (let i = 0; i < count; i++) clients.push(await server.join({ space, name: `P${i}` }));
  return clients;
}

/** Exactly one side of each pair initiates. */
function expectOneInitiatorPerPair(clients: TestClient[]): void {
  for (const a of clients) {
    for (const b of clients) {
      if (a === b) continue;
      const ab = latest(a)!.peers.find((p) => p.id === b.sessionId)!.initiator;
      const ba = latest(b)!.peers.find((p) => p.id === a.sessionId)!.initiator;
      expect(ab).not.toBe(ba);
    }
  }
}

describe("conversations", () => {
  it("starts a conversation when two people walk within 3 tiles and ends it beyond 4.5", async () => {
    const [a, b] = await joinAll("pair", 2);
    expect(latest(a)).toBeUndefined(); // 8 tiles apart: nobody talks yet

    await a.walk(1, 0, 24); // 6 tiles right: 2 tiles from b
    const ca = await conversationOf(a, "a conversation with b", (c) => c.groupId !== null);
    const cb = await conversationOf(b, "a conversation with a", (c) => c.groupId !== null);
    expect(ca.groupId).toBe(cb.groupId);
    expect(ca.peers).toEqual([{ id: b.sessionId, name: "P1", initiator: expect.any(Boolean) }]);
    expect(cb.peers).toEqual([{ id: a.sessionId, name: "P0", initiator: expect.any(Boolean) }]);
    expect(ca.peers[0].initiator).not.toBe(cb.peers[0].initiator);

    await a.walk(1, 0, 4); // 1 tile apart now, nothing changes
    await a.walk(-1, 0, 16); // 5 tiles apart: beyond the leave radius
    await conversationOf(a, "hanging up", (c) => c.groupId === null);
    const ended = await conversationOf(b, "hanging up", (c) => c.groupId === null);
    expect(ended.peers).toEqual([]);
  });

  it("makes one conversation of three, and tells the others when one leaves", async () => {
    const clients = await joinAll("trio", 3);
    for (const [i, c] of clients.entries()) await place("trio", c, 5 + i, 6);
    for (const c of clients) await conversationOf(c, "two peers", (m) => m.peers.length === 2);
    expect(new Set(clients.map((c) => latest(c)!.groupId)).size).toBe(1);
    expectOneInitiatorPerPair(clients);

    const [a, b, c] = clients;
    await c.leave();
    expect(peerIds(await conversationOf(a, "one peer left", (m) => m.peers.length === 1))).toEqual([b.sessionId]);
    expect(peerIds(await conversationOf(b, "one peer left", (m) => m.peers.length === 1))).toEqual([a.sessionId]);
  });

  it("refuses a newcomer to a full conversation with `full` and a reason", async () => {
    const [a, b, c] = await joinAll("small-cap", 3);
    await place("small-cap", a, 5, 6);
    await place("small-cap", b, 6, 6);
    await conversationOf(a, "talking with b", (m) => m.peers.length === 1);
    await place("small-cap", c, 5, 7);
    const refused = await conversationOf(c, "refused", (m) => m.full !== undefined);
    expect(refused).toMatchObject({ groupId: null, peers: [], full: { groupId: latest(a)!.groupId, size: 2 } });
    expect(refused.full!.reason).toMatch(/full/);
    expect(peerIds(latest(a)!)).toEqual([b.sessionId]);
    expect(peerIds(latest(b)!)).toEqual([a.sessionId]);
  });

  it("leaves a member in focus out until they are available again", async () => {
    // No status message exists in this slice: the test sets MemberState.status through the room instance.
    const [a, b, c] = await joinAll("focus", 3);
    (await place("focus", c, 6, 7)).status = "focus";
    await place("focus", a, 5, 6);
    await place("focus", b, 6, 6);
    expect(peerIds(await conversationOf(a, "talking with b", (m) => m.peers.length >= 1))).toEqual([b.sessionId]);
    expect(latest(c)).toBeUndefined();

    (await roomState("focus")).members.get(c.sessionId)!.status = "available";
    await conversationOf(c, "joining", (m) => m.peers.length === 2);
    await conversationOf(a, "three now", (m) => m.peers.length === 2);
  });

  it("relays signals within a conversation only, and drops malformed ones", async () => {
    const [a, b, c] = await joinAll("relay", 3);
    await place("relay", a, 5, 6);
    await place("relay", b, 6, 6);
    await place("relay", c, 15, 12);
    await conversationOf(b, "talking with a", (m) => m.peers.length === 1);

    // An offer above the general 2 KB message limit is fine for signalling.
    const sdp = `v=0\r\n${"a=candidate:x\r\n".repeat(600)}`;
    a.room.send(ClientMessage.Signal, { to: b.sessionId, data: { type: "offer", sdp } });
    const delivered = await waitFor(() => b.messages<Signal>(ServerMessage.Signal)[0], "the offer at b");
    expect(delivered).toEqual({ from: a.sessionId, data: { type: "offer", sdp } });

    a.room.send(ClientMessage.Signal, { to: c.sessionId, data: { type: "answer", sdp: "for c" } });
    await waitFor(() => a.rejected.find((r) => r.reason === "not in your conversation"), "the refusal");

    a.room.send(ClientMessage.Signal, { to: b.sessionId, data: { type: "offer", sdp: "x".repeat(MAX_SDP_CHARS + 1) } });
    await waitFor(() => a.rejected.find((r) => r.type === ClientMessage.Signal && r.reason === "malformed payload"), "malformed");
    a.room.send(ClientMessage.Signal, { to: b.sessionId, data: { type: "offer", sdp: "x".repeat(40_000) } });
    await waitFor(() => a.rejected.find((r) => r.reason === "message too large"), "too large");
    const malformedNotices = () => a.rejected.filter((r) => r.reason === "malformed payload").length;
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the guard repeats a notice at most once a second
    a.room.send(ClientMessage.Signal, { to: b.sessionId, data: { type: "bogus", sdp: "x" } });
    await waitFor(() => malformedNotices() === 2, "the second malformed notice");

    // c joins; the first signal c ever receives is this one, so the refused one never arrived.
    await place("relay", c, 6, 7);
    await conversationOf(c, "joining a and b", (m) => m.peers.length === 2);
    a.room.send(ClientMessage.Signal, { to: c.sessionId, data: { type: "candidate", candidate: { candidate: "candidate:1 1 udp 1 127.0.0.1 5000 typ host", sdpMid: "0", sdpMLineIndex: 0 } } });
    const first = await waitFor(() => c.messages<Signal>(ServerMessage.Signal)[0], "a signal at c");
    expect(first.data.type).toBe("candidate");
    expect(b.messages<Signal>(ServerMessage.Signal)).toHaveLength(1);
  });

  it("sends ICE servers with a TURN credential coturn can verify, again on reconnect with the conversation", async () => {
    const before = Math.floor(Date.now() / 1000);
    const [a, b] = await joinAll("ice", 2);
    const ice = await waitFor(() => a.messages<IceServers>(ServerMessage.IceServers)[0], "ice servers");
    expect(ice.iceServers[0]).toEqual({ urls: ["stun:127.0.0.1:3478"] });
    const turn = ice.iceServers[1];
    const [expiry, memberId] = turn.username!.split(":");
    expect(memberId).toBe(a.me().memberId);
    expect(Number(expiry)).toBeGreaterThanOrEqual(before + 600);
    expect(Number(expiry)).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 600);
    expect(turn.credential).toBe(createHmac("sha1", TURN_SECRET).update(turn.username!).digest("base64"));
    expect(JSON.stringify(a.received)).not.toContain(TURN_SECRET);

    await place("ice", a, 5, 6);
    await place("ice", b, 6, 6);
    const talking = await conversationOf(b, "talking with a", (m) => m.peers.length === 1);
    const back = await TestClient.reconnect(server.url, await b.drop());
    try {
      await waitFor(() => back.messages<IceServers>(ServerMessage.IceServers)[0], "ice servers after reconnect");
      expect(await conversationOf(back, "the conversation again", (m) => m.groupId !== null)).toEqual(talking);
    } finally {
      await back.leave();
    }
  });

  it("puts everyone in a meeting room in one conversation, however far apart", async () => {
    const [a, b, c] = await joinAll("meeting", 3);
    await place("meeting", a, 20, 2);
    await place("meeting", b, 29, 11); // ~12.7 tiles away, same room
    await place("meeting", c, 19, 2); // just outside the door: not in the meeting
    const ca = await conversationOf(a, "the meeting", (m) => m.groupId !== null);
    expect(ca.groupId).toMatch(/^zone-/);
    expect(peerIds(ca)).toEqual([b.sessionId]);
    expect(latest(c)).toBeUndefined();
    const state = await roomState("meeting");
    expect(state.members.get(a.sessionId)!.zone).toBe("Board room");
    expect(state.members.get(c.sessionId)!.zone).toBe("");
  });
});
