import { feetAt } from "../../shared/map/testMap";
import { MAX_STAGE_LISTENERS } from "../../shared/meetups/stageRoles";
import { DEFAULT_GROUPING_SETTINGS } from "../../shared/proximity";
import { startJanus, type JanusServer } from "../../e2e/services/janus";
import { MEDIA_SERVER_MEETING_CAP } from "../features/media/mediaRoute";
import { startTestServer, type TestClient, type TestServer } from "./harness";
import { lastConversation, waitForConversation } from "./meetupsHarness";
import { MEDIA_MAP, waitForRoute } from "./mediaHarness";

/**
 * Caps through a real Janus: a meeting room holds 16 people (peer to peer: the
 * space's 6), a stage's audience more than the 24 a speaker's laptop could
 * send to; when Janus goes away, the peer-to-peer caps are back.
 *
 * Spawns, in join order: 17 in the meeting room, one on the stage's platform,
 * then 30 in the hall.
 */

jest.setTimeout(120_000);

const meetingSpots = [2, 4].flatMap((ty) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((tx) => feetAt(tx, ty))).slice(0, MEDIA_SERVER_MEETING_CAP + 1);
const hallSpots = [14, 16, 18].flatMap((ty) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((tx) => feetAt(tx, ty))).slice(0, MAX_STAGE_LISTENERS + 6);
const LISTENERS = MAX_STAGE_LISTENERS + 6;

let janus: JanusServer;
let server: TestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  janus = await startJanus();
  server = await startTestServer({
    map: { ...MEDIA_MAP, spawns: [...meetingSpots, feetAt(6, 11), ...hallSpots] },
    config: { media: { janusUrl: janus.url, janusApiSecret: janus.apiSecret, janusAdminKey: janus.adminKey } },
  });
}, 60_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.leave().catch(() => undefined)));
  await server?.close();
  await janus?.stop();
});

async function joinMany(space: string, prefix: string, count: number): Promise<TestClient[]> {
  const joined: TestClient[] = [];
  // One at a time: spawn points are handed out in join order.
  for (let i = 0; i < count; i++) joined.push(await server.join({ space, name: `${prefix} ${String(i).padStart(2, "0")}` }));
  clients.push(...joined);
  return joined;
}

test("through Janus a meeting room holds 16 and a stage's audience more than 24; without Janus the peer-to-peer caps are back", async () => {
  // Meeting room: 16 in one conversation through Janus, the 17th told it is full.
  const meeting = await joinMany("caps", "Meeter", MEDIA_SERVER_MEETING_CAP + 1);
  const first = meeting[0];
  const full = await waitForConversation(first, (c) => c.peers.length === MEDIA_SERVER_MEETING_CAP - 1, "16 in the meeting room");
  await waitForRoute(first, (r) => r.via === "janus" && r.groupId === full.groupId, "the meeting room through Janus");
  const late = meeting.at(-1)!;
  const refused = await waitForConversation(late, (c) => c.full !== undefined, "the 17th refused");
  expect(refused.groupId).toBeNull();
  expect(refused.full).toMatchObject({ groupId: full.groupId, size: MEDIA_SERVER_MEETING_CAP });

  // Stage (another space, same map): the speaker on the platform, 30 listeners in the hall, every one of them listening.
  await joinMany("stage-caps", "Placeholder", meetingSpots.length);
  const [speaker] = await joinMany("stage-caps", "Speaker", 1);
  const listeners = await joinMany("stage-caps", "Listener", LISTENERS);
  const talk = await waitForConversation(speaker, (c) => c.stage?.role === "speaker" && c.peers.length === LISTENERS, "the speaker reaching 30 listeners");
  for (const [i, l] of listeners.entries()) await waitForConversation(l, (c) => c.stage?.role === "listener" && c.groupId === talk.groupId, `listener ${i} listening`);
  await waitForRoute(listeners.at(-1)!, (r) => r.via === "janus" && !r.publish && r.groupId === talk.groupId, "the last listener through Janus");

  // Janus goes away: the meeting room drops to the space's peer-to-peer cap, the stage to 24 listeners.
  await janus.stop();
  const p2p = DEFAULT_GROUPING_SETTINGS.maxGroupSize;
  await waitForConversation(first, (c) => c.peers.length === p2p - 1, "the meeting room back to 6");
  await waitForRoute(first, (r) => r.via === "mesh" && !!r.notice, "the fallback notice");
  // The earliest arrivals keep their places; everyone after them is told the room is full.
  for (const [i, c] of meeting.slice(p2p).entries()) await waitForConversation(c, (m) => m.full !== undefined, `meeter ${p2p + i} refused`);
  await waitForConversation(speaker, (c) => c.peers.length === MAX_STAGE_LISTENERS, "the stage back to 24 listeners");
  const unheard = listeners.slice(MAX_STAGE_LISTENERS);
  for (const [i, l] of unheard.entries()) await waitForConversation(l, (m) => m.full !== undefined, `listener ${MAX_STAGE_LISTENERS + i} refused`);
  expect(listeners.slice(0, MAX_STAGE_LISTENERS).every((l) => lastConversation(l)?.stage?.role === "listener" && lastConversation(l)?.groupId === talk.groupId)).toBe(true);
  expect(lastConversation(unheard[0])!.full!.reason).toMatch(/^The audience is full \(24 listeners, the most a speaker's laptop can send to on peer-to-peer media\)/);
});
