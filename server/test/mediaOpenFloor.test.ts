import { startJanus, type JanusServer } from "../../e2e/services/janus";
import { feetAt } from "../../shared/map/testMap";
import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import type { SpaceSettingsForRoom } from "../deps";
import { OPEN_FLOOR_DRAIN_MS, OPEN_FLOOR_HOLD_MS } from "../features/media/OpenFloorSwitch";
import { place, startTestServer, waitFor, type TestClient, type TestServer } from "./harness";
import { lastConversation, waitForConversation } from "./meetupsHarness";
import { lastRoute, MEDIA_MAP, peerConnection, publisherOffer, routerOf, waitForRoute, type MediaRoute, type RTCPeerConnection } from "./mediaHarness";

/**
 * The open floor's switch to the media server, against a real Janus: a
 * conversation is peer to peer up to the space's cap (3 here), goes through
 * Janus as it passes it, stays there while its size wobbles at the cap, and
 * comes back to peer to peer only once it has shrunk to 2 and stayed there
 * for the hold (5 s). Its Janus handles outlive the switch back for the drain
 * (10 s), so pages can keep hearing each other until their links are up.
 * Without Janus the space's cap holds again.
 */

jest.setTimeout(120_000);

const SPACE = "floor";
const CAP = 3;
const spaces = {
  async settings(): Promise<SpaceSettingsForRoom | null> {
    return { maxConversationSize: CAP };
  },
};

let janus: JanusServer;
let server: TestServer;
const pcs: RTCPeerConnection[] = [];

beforeAll(async () => {
  janus = await startJanus();
  server = await startTestServer({
    // Everyone appears on the open floor, within a couple of tiles of each other.
    map: { ...MEDIA_MAP, spawns: [feetAt(20, 5), feetAt(21, 5), feetAt(22, 5), feetAt(20, 6), feetAt(21, 6), feetAt(22, 6)] },
    deps: { spaces },
    config: { media: { janusUrl: janus.url, janusApiSecret: janus.apiSecret, janusAdminKey: janus.adminKey } },
  });
}, 60_000);
afterAll(async () => {
  await Promise.all(pcs.map((pc) => pc.close()));
  await server?.close();
  await janus?.stop();
});

const routes = (client: TestClient) => client.messages<MediaRoute>(ServerMessage.MediaRoute);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function publish(client: TestClient): Promise<void> {
  const conn = peerConnection();
  pcs.push(conn);
  client.room.send(ClientMessage.MediaPublish, { sdp: await publisherOffer(conn) });
  const answer = await waitFor(() => client.messages<{ sdp: string }>(ServerMessage.MediaPublished).at(-1), "Janus's answer", 15_000);
  await conn.setRemoteDescription({ type: "answer", sdp: answer.sdp });
}

test("an open-floor conversation goes through Janus past the cap, does not flap at it, and comes back after shrinking and the hold", async () => {
  const [ada, bo, cy] = [await server.join({ space: SPACE, name: "Ada Floor" }), await server.join({ space: SPACE, name: "Bo Floor" }), await server.join({ space: SPACE, name: "Cy Floor" })];
  const three = await waitForConversation(ada, (c) => c.peers.length === 2, "three on the open floor");
  const groupId = three.groupId!;
  expect(groupId).toMatch(/^g/);
  // At the cap: peer to peer.
  await waitForRoute(ada, (r) => r.groupId === groupId && r.via === "mesh", "three talk peer to peer");

  // A fourth walks up: past the peer-to-peer cap, the same conversation goes through Janus for everyone, the newcomer included.
  const dee = await server.join({ space: SPACE, name: "Dee Floor" });
  for (const c of [ada, bo, cy, dee]) await waitForRoute(c, (r) => r.groupId === groupId && r.via === "janus" && r.publish, `${c.sessionId} through Janus`);
  expect(lastConversation(dee)).toMatchObject({ groupId, peers: expect.any(Array) });
  expect(lastConversation(dee)!.peers).toHaveLength(3);
  await publish(ada);
  const router = await routerOf(SPACE);
  await waitFor(() => router.publishing().includes(ada.sessionId), "Ada's media reaching Janus", 20_000);
  await waitForRoute(bo, (r) => r.feeds.some((f) => f.id === ada.sessionId), "Ada's feed offered to Bo");

  // Dee steps away and back, twice: at the cap (3) and above it the conversation stays on Janus, well past the hold.
  const viaBefore = routes(bo).filter((r) => r.via === "mesh").length;
  for (let i = 0; i < 2; i++) {
    await place(SPACE, dee, 35, 15);
    await waitForConversation(bo, (c) => c.peers.length === 2, "Dee gone: three");
    await sleep(OPEN_FLOOR_HOLD_MS / 2);
    await place(SPACE, dee, 21, 7);
    await waitForConversation(bo, (c) => c.peers.length === 3, "Dee back: four");
  }
  await place(SPACE, dee, 35, 15);
  await waitForConversation(bo, (c) => c.peers.length === 2, "Dee gone again: three");
  await sleep(OPEN_FLOOR_HOLD_MS + 1000);
  expect(routes(bo).filter((r) => r.via === "mesh").length).toBe(viaBefore);
  expect(lastRoute(bo)).toMatchObject({ groupId, via: "janus" });

  // Down to two (the lower threshold) for less than the hold, then three again: still Janus.
  await place(SPACE, cy, 35, 5);
  await waitForConversation(bo, (c) => c.peers.length === 1, "Cy gone: two");
  await sleep(OPEN_FLOOR_HOLD_MS / 2);
  await place(SPACE, cy, 22, 6);
  await waitForConversation(bo, (c) => c.peers.length === 2, "Cy back: three");
  await sleep(OPEN_FLOOR_HOLD_MS);
  expect(routes(bo).filter((r) => r.via === "mesh").length).toBe(viaBefore);

  // Two for the whole hold: back to peer to peer, no sooner than the hold.
  await place(SPACE, cy, 35, 5);
  await waitForConversation(bo, (c) => c.peers.length === 1, "Cy gone again: two");
  const shrunkAt = Date.now();
  await waitForRoute(bo, (r) => r.groupId === groupId && r.via === "mesh", "Bo back to peer to peer", 3 * OPEN_FLOOR_HOLD_MS);
  await waitForRoute(ada, (r) => r.groupId === groupId && r.via === "mesh" && r.feeds.length === 0, "Ada back to peer to peer");
  expect(Date.now() - shrunkAt).toBeGreaterThanOrEqual(OPEN_FLOOR_HOLD_MS - 300);
  const backAt = Date.now();
  // Make before break: Ada's publisher stays in Janus while the pages bring their links up; a new publish is refused.
  expect(router.publishing()).toContain(ada.sessionId);
  expect((await router.janusParticipants(groupId)).map((p) => p.display)).toContain("Ada Floor");
  // After the drain the handles go, and the empty VideoRoom with them.
  await waitFor(() => !router.publishing().includes(ada.sessionId), "Ada's handles dropped after the drain", 2 * OPEN_FLOOR_DRAIN_MS);
  expect(Date.now() - backAt).toBeGreaterThanOrEqual(OPEN_FLOOR_DRAIN_MS - 1500);
  await waitFor(async () => (await router.janusParticipants(groupId)).length === 0, "Janus's room emptied", 10_000);
  expect(lastRoute(ada)).toMatchObject({ groupId, via: "mesh" });

  // Without Janus the open floor is capped peer to peer again: four near each other make a conversation of three and a refusal.
  await place(SPACE, cy, 22, 6);
  await place(SPACE, dee, 21, 7);
  await waitForRoute(bo, (r) => r.groupId === groupId && r.via === "janus", "four: through Janus again");
  await janus.stop();
  // The room notices Janus is gone within a few seconds.
  await waitFor(() => lastConversation(bo)?.groupId === groupId && lastConversation(bo)!.peers.length === CAP - 1, "back to the cap of three", 20_000);
  await waitForRoute(bo, (r) => r.via === "mesh" && r.groupId === groupId && r.notice === undefined, "peer to peer, and no notice on the open floor");
  const someoneRefused = await waitFor(() => [ada, bo, cy, dee].find((c) => lastConversation(c)?.full !== undefined), "the fourth told it is full");
  expect(lastConversation(someoneRefused)!.full!.size).toBe(CAP);
});
