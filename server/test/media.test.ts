import { networkInterfaces } from "node:os";
import { JanusError, JanusSession } from "../media/JanusSession";
import { feedKey, VIDEOROOM } from "../media/JanusParticipant";
import { LISTENERS_DO_NOT_SHARE } from "../features/conversations/ScreenShares";
import { startJanus, type JanusServer } from "../../e2e/services/janus";
import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import { startTestServer, waitFor, type TestClient, type TestServer } from "./harness";
import { lastConversation, waitForConversation, waitForRejection } from "./meetupsHarness";
import { MEDIA_MAP, type RTCPeerConnection, lastRoute, peerConnection, publisherOffer, routerOf, screenOffer, subscriberAnswer, waitForRoute } from "./mediaHarness";

/**
 * The media server path against a real Janus (Debian's janus 1.1.2, started
 * here from a generated config on free 127.0.0.1 ports): the room decides who
 * may publish and who may subscribe, relays real WebRTC offers and answers
 * (werift) to handles only it holds, and takes access back when the
 * conversation no longer grants it. No browser-side secret exists to misuse.
 */

jest.setTimeout(60_000);

let janus: JanusServer;
let server: TestServer;
const pcs: RTCPeerConnection[] = [];

beforeAll(async () => {
  janus = await startJanus();
  server = await startTestServer({
    map: MEDIA_MAP,
    config: { media: { janusUrl: janus.url, janusApiSecret: janus.apiSecret, janusAdminKey: janus.adminKey } },
  });
}, 60_000);
afterEach(async () => {
  await Promise.all(pcs.splice(0).map((pc) => pc.close()));
});
afterAll(async () => {
  await server?.close();
  await janus?.stop();
});

async function pollJanus<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function pc(): RTCPeerConnection {
  const made = peerConnection();
  pcs.push(made);
  return made;
}

async function publish(client: TestClient): Promise<string> {
  const conn = pc();
  client.room.send(ClientMessage.MediaPublish, { sdp: await publisherOffer(conn) });
  const answer = await waitFor(() => client.messages<{ sdp: string }>(ServerMessage.MediaPublished).at(-1), "Janus's answer", 15_000);
  await conn.setRemoteDescription({ type: "answer", sdp: answer.sdp });
  return answer.sdp;
}

async function subscribe(client: TestClient, feed: string): Promise<RTCPeerConnection> {
  client.room.send(ClientMessage.MediaSubscribe, { feed });
  const offer = await waitFor(() => client.messages<{ feed: string; sdp: string }>(ServerMessage.MediaOffer).find((o) => o.feed === feed), `the offer for ${feed}`, 15_000).catch((e: Error) => {
    throw new Error(`${e.message}; rejected: ${JSON.stringify(client.rejected)}`);
  });
  const conn = pc();
  client.room.send(ClientMessage.MediaAnswer, { feed, sdp: await subscriberAnswer(conn, offer.sdp) });
  return conn;
}

test("a meeting room goes through Janus: one publishes, the other subscribes and connects to Janus; no secret reaches a client", async () => {
  const ada = await server.join({ space: "meet", name: "Ada Room" });
  const bo = await server.join({ space: "meet", name: "Bo Room" });
  const groupId = (await waitForConversation(ada, (c) => c.peers.length === 1, "the meeting room conversation")).groupId!;
  expect(groupId).toMatch(/^zone-/);
  await waitForRoute(ada, (r) => r.via === "janus" && r.publish && r.groupId === groupId, "Ada's route through Janus");

  const answer = await publish(ada);
  // Janus's media candidates are this machine's own addresses (its API listens on 127.0.0.1 only).
  const own = new Set(Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address)));
  const candidateIps = [...answer.matchAll(/a=candidate:\S+ \d \w+ \d+ (\S+) \d+ typ host/g)].map((m) => m[1]);
  expect(candidateIps.length).toBeGreaterThan(0);
  for (const ip of candidateIps) expect(own.has(ip)).toBe(true);
  const router = await routerOf("meet");
  // Janus counts her as a publisher once her media arrives (ICE and DTLS up).
  await waitFor(() => router.publishing().includes(ada.sessionId), "Ada's media to reach Janus", 20_000);
  expect(await router.janusParticipants(groupId)).toEqual([expect.objectContaining({ display: "Ada Room", publisher: true })]);

  await waitForRoute(bo, (r) => r.feeds.some((f) => f.id === ada.sessionId && f.name === "Ada Room"), "Ada's feed in Bo's route");
  const link = await subscribe(bo, ada.sessionId);
  await waitFor(() => link.connectionState === "connected", "Bo's subscriber connection to Janus", 20_000);
  expect(router.subscriptionsOf(bo.sessionId)).toEqual([ada.sessionId]);

  // Nothing a client received names Janus's secrets, room numbers or pins.
  const everything = JSON.stringify([...ada.received, ...bo.received]);
  for (const secret of [janus.apiSecret, janus.adminKey, janus.url]) expect(everything).not.toContain(secret);
  const access = await (await routerOf("meet")).janusParticipants(groupId);
  for (const p of access) expect(everything).not.toContain(String(p.id));

  // Bo walks out of the meeting room: the room takes his Janus access back, and Janus closes his connection.
  await bo.walk(1, 0, 60);
  await waitForConversation(bo, (c) => c.groupId === null, "Bo out of the conversation");
  await waitForRoute(bo, (r) => r.via === "mesh" && r.feeds.length === 0, "Bo's route back to mesh");
  // His subscriber handle is detached in Janus (Janus itself ends that PeerConnection).
  await waitFor(() => router.subscriptionsOf(bo.sessionId).length === 0, "Bo's subscription withdrawn");
  // He cannot get it back by asking.
  bo.room.send(ClientMessage.MediaSubscribe, { feed: ada.sessionId });
  await waitForRejection(bo, ClientMessage.MediaSubscribe, /does not go through the media server/);

  // Ada leaves the office: her publisher goes from Janus too, and the empty VideoRoom is destroyed.
  await ada.leave();
  await waitFor(() => !router.publishing().includes(ada.sessionId), "Ada's feed withdrawn");
  // The VideoRoom is destroyed once nobody is routed to it: Janus no longer knows the room.
  await expect(pollJanus(() => router.janusParticipants(groupId), (list) => list.length === 0)).resolves.toEqual([]);
  await bo.leave();
});

test("on a stage through Janus a listener cannot publish, and may see only the speakers", async () => {
  const outsider1 = await server.join({ space: "stage", name: "Placeholder One" });
  const outsider2 = await server.join({ space: "stage", name: "Placeholder Two" });
  // Join order puts the third person on the platform and the fourth and fifth in the hall.
  const speaker = await server.join({ space: "stage", name: "Sam Speaker" });
  const listener = await server.join({ space: "stage", name: "Lee Listener" });
  const other = await server.join({ space: "stage", name: "Lou Listener" });
  await waitForConversation(listener, (c) => c.stage?.role === "listener" && c.peers.some((p) => p.id === speaker.sessionId), "Lee listening to Sam");
  const groupId = lastConversation(speaker)!.groupId!;
  await waitForRoute(speaker, (r) => r.via === "janus" && r.publish, "the speaker's route");
  await waitForRoute(listener, (r) => r.via === "janus" && !r.publish, "the listener's route, without publishing");

  listener.room.send(ClientMessage.MediaPublish, { sdp: await publisherOffer(pc()) });
  await waitForRejection(listener, ClientMessage.MediaPublish, /^Only speakers may publish on the stage/);

  await publish(speaker);
  await waitForRoute(listener, (r) => r.feeds.map((f) => f.id).join() === speaker.sessionId, "Sam's feed for Lee");
  const link = await subscribe(listener, speaker.sessionId);
  await waitFor(() => link.connectionState === "connected", "Lee's subscriber connection", 20_000);

  // Janus holds exactly one publisher: the speaker.
  const router = await routerOf("stage");
  const inJanus = await router.janusParticipants(groupId);
  expect(inJanus.filter((p) => p.publisher).map((p) => p.display)).toEqual(["Sam Speaker"]);

  // A listener may not subscribe to another listener, and someone in another conversation (the meeting room) to nobody here.
  listener.room.send(ClientMessage.MediaSubscribe, { feed: other.sessionId });
  await waitForRejection(listener, ClientMessage.MediaSubscribe, /not in your conversation/);
  outsider1.room.send(ClientMessage.MediaSubscribe, { feed: speaker.sessionId });
  await waitForRejection(outsider1, ClientMessage.MediaSubscribe, /not in your conversation/);
  expect(router.subscriptionsOf(outsider1.sessionId)).toEqual([]);
  for (const c of [outsider1, outsider2, speaker, listener, other]) await c.leave();
});

test("Janus itself refuses anyone without this server's API secret, and a VideoRoom join without its pin", async () => {
  await expect(JanusSession.connect(janus.url, "not-the-api-secret-at-all")).rejects.toThrow(/Unauthorized request.*\(403\)/);
  const session = await JanusSession.connect(janus.url, janus.apiSecret);
  try {
    const handle = await session.attach(VIDEOROOM);
    // Creating rooms needs the VideoRoom admin key.
    await expect(handle.request({ request: "create", room: 4242, publishers: 4 })).rejects.toThrow(JanusError);
    // A room the office created: its number is known here (the test asks the router), its pin is not.
    const a = await server.join({ space: "pin", name: "Pia Room" });
    await server.join({ space: "pin", name: "Pat Room" });
    const groupId = (await waitForConversation(a, (c) => c.peers.length === 1, "a meeting")).groupId!;
    await waitForRoute(a, (r) => r.via === "janus", "the route");
    await publish(a);
    const router = await routerOf("pin");
    const feed = (await router.janusParticipants(groupId))[0].id;
    const rooms = await handle.request({ request: "list", admin_key: janus.adminKey });
    const room = (rooms.data.list as Array<{ room: number; pin_required: boolean }>).find((r) => r.pin_required)?.room;
    expect(room).toBeDefined();
    await expect(handle.request({ request: "join", ptype: "subscriber", room, streams: [{ feed }] })).rejects.toThrow(/pin/i);
    await expect(handle.request({ request: "join", ptype: "subscriber", room, pin: "guessed", streams: [{ feed }] })).rejects.toThrow(/pin/i);
  } finally {
    session.close();
  }
});

type Sharers = { sharers: Array<{ id: string }> };
const sharersOf = (client: TestClient) => client.messages<Sharers>(ServerMessage.ScreenShares).at(-1)?.sharers.map((s) => s.id) ?? [];
const screenFeedsIn = (route: { feeds: Array<{ id: string; kind: string }> }) => route.feeds.filter((f) => f.kind === "screen").map((f) => f.id).sort();

/** Shares a screen the way a page does: tells the room, waits for the route's go-ahead, publishes the screen's own offer. */
async function shareScreen(client: TestClient): Promise<void> {
  // A stream id as browsers make them: letters, digits and dashes (a session id may hold "_").
  client.room.send(ClientMessage.ShareScreen, { on: true, stream: `${client.sessionId.replace(/[^A-Za-z0-9]/g, "x")}-screen` });
  await waitForRoute(client, (r) => r.publishScreen, `${client.sessionId}'s share accepted`);
  const conn = pc();
  client.room.send(ClientMessage.MediaPublish, { kind: "screen", sdp: await screenOffer(conn) });
  const answer = await waitFor(() => client.messages<{ kind: string; sdp: string }>(ServerMessage.MediaPublished).find((m) => m.kind === "screen"), "Janus's answer for the screen", 15_000);
  await conn.setRemoteDescription({ type: "answer", sdp: answer.sdp });
}

test("screen shares go through Janus as a second feed per sharer, several at once, withdrawn when the share ends or the sharer leaves", async () => {
  const ada = await server.join({ space: "share", name: "Ada Share" });
  const bo = await server.join({ space: "share", name: "Bo Share" });
  const groupId = (await waitForConversation(ada, (c) => c.peers.length === 1, "the meeting room conversation")).groupId!;
  await waitForRoute(ada, (r) => r.via === "janus" && r.groupId === groupId && r.publish && !r.publishScreen, "Ada's route through Janus");
  const router = await routerOf("share");

  // Before the room accepted a share, a screen offer is refused.
  ada.room.send(ClientMessage.MediaPublish, { kind: "screen", sdp: await screenOffer(pc()) });
  await waitForRejection(ada, ClientMessage.MediaPublish, /^The room has not accepted a screen share from you/);

  await publish(ada);
  await shareScreen(ada);
  await waitFor(() => sharersOf(bo).includes(ada.sessionId), "Bo told Ada shares");
  const screenOfAda = feedKey(ada.sessionId, "screen");
  await waitFor(() => router.publishing().includes(screenOfAda), "Ada's screen to reach Janus", 20_000);
  // Janus holds two publishers for Ada: her camera and her screen, each its own participant.
  const inJanus = await router.janusParticipants(groupId);
  expect(inJanus.filter((p) => p.publisher).map((p) => p.display).sort()).toEqual(["Ada Share", "Ada Share (screen)"]);

  // Bo's route names the screen's kind and owner; he subscribes to it and connects.
  const route = await waitForRoute(bo, (r) => screenFeedsIn(r).includes(ada.sessionId), "Ada's screen in Bo's route");
  expect(route.feeds).toEqual(expect.arrayContaining([{ id: ada.sessionId, name: "Ada Share", kind: "camera" }, { id: ada.sessionId, name: "Ada Share", kind: "screen" }]));
  bo.room.send(ClientMessage.MediaSubscribe, { feed: ada.sessionId, kind: "screen" });
  const offer = await waitFor(() => bo.messages<{ feed: string; kind: string; sdp: string }>(ServerMessage.MediaOffer).find((o) => o.kind === "screen"), "the screen's offer", 15_000);
  expect(offer.feed).toBe(ada.sessionId);
  expect(offer.sdp).not.toMatch(/^m=audio/m);
  const link = pc();
  bo.room.send(ClientMessage.MediaAnswer, { feed: ada.sessionId, kind: "screen", sdp: await subscriberAnswer(link, offer.sdp) });
  await waitFor(() => link.connectionState === "connected", "Bo's screen subscription connected", 20_000);
  expect(router.subscriptionsOf(bo.sessionId)).toEqual([screenOfAda]);

  // Bo shares too: two shares at once, each seen by the other.
  await shareScreen(bo);
  await waitForRoute(ada, (r) => screenFeedsIn(r).includes(bo.sessionId), "Bo's screen in Ada's route");
  expect(sharersOf(ada).sort()).toEqual([ada.sessionId, bo.sessionId].sort());

  // Ada stops: her screen publisher leaves Janus, Bo's subscription to it is withdrawn and his route drops it; her camera stays.
  ada.room.send(ClientMessage.ShareScreen, { on: false });
  await waitForRoute(ada, (r) => !r.publishScreen, "Ada's route without her screen");
  await waitFor(() => !router.publishing().includes(screenOfAda), "Ada's screen feed withdrawn");
  await waitFor(() => router.subscriptionsOf(bo.sessionId).length === 0, "Bo's screen subscription withdrawn");
  await waitForRoute(bo, (r) => !screenFeedsIn(r).includes(ada.sessionId) && r.feeds.some((f) => f.id === ada.sessionId && f.kind === "camera"), "Bo's route without Ada's screen");
  await waitFor(() => bo.messages<{ feed: string | null; kind: string }>(ServerMessage.MediaEnded).find((m) => m.feed === ada.sessionId && m.kind === "screen"), "Bo told the screen ended");
  const displays = async () => (await router.janusParticipants(groupId)).filter((p) => p.publisher).map((p) => p.display ?? "").sort();
  await expect(pollJanus(displays, (d) => !d.includes("Ada Share (screen)"))).resolves.toEqual(["Ada Share", "Bo Share (screen)"]);
  // Asking for it again is refused.
  bo.room.send(ClientMessage.MediaSubscribe, { feed: ada.sessionId, kind: "screen" });
  await waitForRejection(bo, ClientMessage.MediaSubscribe, /not sharing a screen/);

  // Bo walks out of the meeting room while sharing: the room ends his share and Janus loses his screen publisher.
  const screenOfBo = feedKey(bo.sessionId, "screen");
  expect(router.publishing()).toContain(screenOfBo);
  await bo.walk(1, 0, 60);
  await waitForConversation(bo, (c) => c.groupId === null, "Bo out of the conversation");
  await waitFor(() => !router.publishing().includes(screenOfBo), "Bo's screen feed withdrawn");
  await waitForRoute(ada, (r) => r.feeds.length === 0, "Ada's route without Bo's feeds");
  // (Ada, alone now, is out of Janus too; whatever Janus still lists holds no screen.)
  expect((await pollJanus(displays, (d) => !d.includes("Bo Share (screen)"))).filter((d) => d.endsWith("(screen)"))).toEqual([]);
  await bo.leave();
  await ada.leave();
});

test("on a stage through Janus a listener may not share a screen, nor publish one; a speaker's share goes when she leaves", async () => {
  const clients = [];
  for (const name of ["Pla One", "Pla Two", "Sue Speaker", "Lia Listener"]) clients.push(await server.join({ space: "stage-share", name }));
  const [, , speaker, listener] = clients;
  await waitForConversation(listener, (c) => c.stage?.role === "listener" && c.peers.some((p) => p.id === speaker.sessionId), "Lia listening to Sue");
  await waitForRoute(listener, (r) => r.via === "janus" && !r.publish, "the listener's route");
  listener.room.send(ClientMessage.ShareScreen, { on: true, stream: "0a1b2c3d-screen" });
  expect(await waitForRejection(listener, ClientMessage.ShareScreen, /stage/)).toBe(LISTENERS_DO_NOT_SHARE);
  listener.room.send(ClientMessage.MediaPublish, { kind: "screen", sdp: await screenOffer(pc()) });
  await waitForRejection(listener, ClientMessage.MediaPublish, /^Only speakers may publish on the stage/);
  expect(lastRoute(listener)?.publishScreen).toBe(false);
  // The speaker may: the share is accepted and the listener's route lists the speaker's screen once it reaches Janus.
  await shareScreen(speaker);
  await waitForRoute(listener, (r) => screenFeedsIn(r).includes(speaker.sessionId), "Sue's screen for Lia");
  // The sharer leaves the office (as a kick removes her too): her screen goes from Janus and from the listener's route.
  const router = await routerOf("stage-share");
  expect(router.publishing()).toContain(feedKey(speaker.sessionId, "screen"));
  await speaker.leave();
  await waitForRoute(listener, (r) => r.feeds.length === 0, "Lia's route without Sue's screen");
  expect(router.publishing()).not.toContain(feedKey(speaker.sessionId, "screen"));
  for (const c of clients) if (c !== speaker) await c.leave();
});
