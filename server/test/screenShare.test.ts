import type { ServerMessages } from "../../shared/protocol/messages";
import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import { LISTENERS_DO_NOT_SHARE, NOT_IN_CONVERSATION } from "../features/conversations/ScreenShares";
import { place, startTestServer, TestClient, waitFor, type TestServer } from "./harness";
import { MEETUP_MAP, rejections, waitForConversation, waitForRejection } from "./meetupsHarness";

/**
 * Screen sharing through a real room (issue 19): who may share, who is told,
 * and when a share ends. The picture itself travels peer to peer and is
 * tested in e2e/screenShare.test.ts.
 */

type Shares = ServerMessages[typeof ServerMessage.ScreenShares];

let server: TestServer;

beforeAll(async () => {
  // MEETUP_MAP: a stage hall with its platform at the left, a meeting room at tiles 18–26 × 12–18.
  server = await startTestServer({ map: MEETUP_MAP, config: { reconnectSeconds: 2 } });
});
afterAll(() => server.close());



function lastShares(client: TestClient): Shares | undefined {
  return client.messages<Shares>(ServerMessage.ScreenShares).at(-1);
}

/** Waits until the client's latest list names exactly these sharers (session ids, any order). */
function sharersOf(client: TestClient, ids: string[], what: string): Promise<Shares> {
  const wanted = [...ids].sort().join(",");
  return waitFor(() => {
    const last = lastShares(client);
    return last && last.sharers.map((s) => s.id).sort().join(",") === wanted ? last : undefined;
  }, `${what} (latest: ${JSON.stringify(lastShares(client))})`);
}

const share = (client: TestClient, stream: string) => client.room.send(ClientMessage.ShareScreen, { on: true, stream });
const unshare = (client: TestClient) => client.room.send(ClientMessage.ShareScreen, { on: false });

/** Joins `count` people in `space` and puts each on its tile. */
async function joinAt(space: string, tiles: Array<[number, number]>): Promise<TestClient[]> {
  const clients: TestClient[] = [];
  for (const [i, [tx, ty]] of tiles.entries()) {
    const client = await server.join({ space, name: `${space} ${i}` });
    await place(space, client, tx, ty);
    clients.push(client);
  }
  return clients;
}

const inConversation = (client: TestClient, peers: number) =>
  waitForConversation(client, (c) => c.groupId !== null && c.peers.length === peers, `${client.sessionId} in a conversation of ${peers + 1}`);

describe("screen sharing", () => {
  it("refuses someone in no conversation, with the reason, and tells nobody", async () => {
    const [alone, far] = await joinAt("share-alone", [[14, 2], [14, 18]]);
    share(alone, "stream-a");
    expect(await waitForRejection(alone, ClientMessage.ShareScreen, /conversation/)).toBe(NOT_IN_CONVERSATION);
    // A malformed request is refused by the guard, not by the share book.
    alone.room.send(ClientMessage.ShareScreen, { on: true, stream: "has spaces" });
    await waitFor(() => rejections(alone, ClientMessage.ShareScreen).some((r) => r !== NOT_IN_CONVERSATION), "the guard's refusal");
    // The first message anyone gets follows a start, so nothing at all means nothing was broadcast.
    await far.walk(0, -1, 2);
    expect(alone.messages(ServerMessage.ScreenShares)).toEqual([]);
    expect(far.messages(ServerMessage.ScreenShares)).toEqual([]);
  });

  it("tells the conversation who shares, several at once, and nobody outside it", async () => {
    const [a, b, outsider] = await joinAt("share-pair", [[14, 2], [16, 2], [14, 18]]);
    await inConversation(a, 1);
    await inConversation(b, 1);

    share(a, "stream-a");
    const toB = await sharersOf(b, [a.sessionId], "B told that A shares");
    expect(toB.sharers).toEqual([{ id: a.sessionId, stream: "stream-a" }]);
    await sharersOf(a, [a.sessionId], "A told of its own share");

    share(b, "stream-b");
    const both = await sharersOf(a, [a.sessionId, b.sessionId], "both sharing, as A sees it");
    expect(both.sharers).toEqual([...both.sharers].sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect(both.sharers.find((s) => s.id === b.sessionId)?.stream).toBe("stream-b");
    await sharersOf(b, [a.sessionId, b.sessionId], "both sharing, as B sees it");

    unshare(a);
    await sharersOf(a, [b.sessionId], "A stopped, as A sees it");
    await sharersOf(b, [b.sessionId], "A stopped, as B sees it");
    expect(outsider.messages(ServerMessage.ScreenShares)).toEqual([]);

    // Someone walking up sees the share already running.
    await place("share-pair", outsider, 15, 3);
    await inConversation(outsider, 2);
    await sharersOf(outsider, [b.sessionId], "the newcomer sees B's share");
  });

  it("ends a share when the sharer walks out of the conversation", async () => {
    const [a, b] = await joinAt("share-walk", [[14, 2], [16, 2]]);
    await inConversation(b, 1);
    share(a, "stream-a");
    await sharersOf(b, [a.sessionId], "B told that A shares");
    await place("share-walk", a, 14, 18);
    await waitForConversation(a, (c) => c.groupId === null, "A out of the conversation");
    await sharersOf(b, [], "B told the share ended");
    await sharersOf(a, [], "A told its share ended");
    // Coming back does not bring the share back by itself.
    await place("share-walk", a, 15, 2);
    // Shares are decided in the same tick as the conversation that just formed.
    await inConversation(a, 1);
    expect(lastShares(b)?.sharers).toEqual([]);
  });

  it("ends a share when the sharer leaves its zone, even into another conversation", async () => {
    // A and B in the meeting room; C just outside its left edge.
    const [a, b, c] = await joinAt("share-zone", [[20, 14], [24, 16], [15, 14]]);
    await inConversation(b, 1);
    share(a, "stream-a");
    await sharersOf(b, [a.sessionId], "B told that A shares");
    await place("share-zone", a, 17, 14);
    await waitForConversation(a, (m) => m.peers.some((p) => p.id === c.sessionId), "A talking with C outside the room");
    await sharersOf(a, [], "A's share ended with the zone");
    await sharersOf(b, [], "B told the share ended");
    expect(c.messages<Shares>(ServerMessage.ScreenShares).every((m) => m.sharers.length === 0)).toBe(true);
  });

  it("ends a share when the sharer's connection drops, and tells them so when they are back", async () => {
    const [a, b] = await joinAt("share-drop", [[14, 2], [16, 2]]);
    await inConversation(b, 1);
    share(a, "stream-a");
    await sharersOf(b, [a.sessionId], "B told that A shares");
    const token = await a.drop();
    await sharersOf(b, [], "B told the share ended with A's connection");
    const back = await TestClient.reconnect(server.url, token);
    try {
      await sharersOf(back, [], "A, back, told it shares nothing");
    } finally {
      await back.leave();
    }
    await waitFor(() => !b.state.members.get(a.sessionId), "A gone for good");
  });

  it("lets a stage speaker share with the audience and refuses a listener", async () => {
    // The platform (tiles 3–9 × 6–8) speaks to the hall (0–12 × 6–16) around it.
    const [speaker, listener] = await joinAt("share-stage", [[6, 7], [4, 12]]);
    await waitForConversation(listener, (c) => c.stage?.role === "listener" && c.peers.length === 1, "the listener hears the speaker");
    share(listener, "stream-l");
    expect(await waitForRejection(listener, ClientMessage.ShareScreen, /stage/)).toBe(LISTENERS_DO_NOT_SHARE);
    share(speaker, "stream-s");
    await sharersOf(listener, [speaker.sessionId], "the audience sees the speaker's share");
    // A speaker who steps down into the hall becomes a listener: the share ends.
    await place("share-stage", speaker, 8, 14);
    await sharersOf(listener, [], "the share ended with the speaker's role");
  });
});
