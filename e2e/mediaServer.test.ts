import type { Browser, Page } from "playwright-core";
import { createSpaceWithMap } from "../server/db/repositories/createSpaceWithMap";
import { routerOf } from "../server/test/mediaHarness";
import { stagesOf } from "../shared/meetups/stageLayout";
import {
  E2E_TIMEOUT_MS,
  closeAll,
  ensureBuilt,
  joinOffice,
  launchBrowser,
  openPage,
  pollUntil,
  startTestServer,
  type TestServer,
  type WatchedPage,
} from "./browser";
import { remoteTileNames, tileView, videoFlowing } from "./callsPages";
import { officeWithSpawns, spotsIn } from "./mediaMaps";
import { startJanus, type JanusServer } from "./services/janus";

/**
 * A meeting room through a real Janus, in real Chromium pages: the office
 * map with its spawn points moved into Meeting Room A, so everyone who joins
 * stands in the meeting room and the room routes their media through Janus.
 * Each page counts its RTCPeerConnections and what they carry, so the test
 * sees that media goes through Janus (one publisher, one subscriber per
 * other person) and not peer to peer.
 */

jest.setTimeout(6 * E2E_TIMEOUT_MS);

let janus: JanusServer;
let browser: Browser;
let server: TestServer;
let pages: WatchedPage[] = [];
const SPACE = "meet";
const STAGE_SPACE = "talk";

/** Everyone appears in Meeting Room A. */
function meetingRoomOffice() {
  return officeWithSpawns((office, i) => {
    const spots = spotsIn(office, office.zones.find((z) => z.name === "Meeting Room A")!);
    return spots[(i * 3) % spots.length];
  });
}

/** The first to join appears on the stage's platform (and speaks), everyone after them in its hall (and listens). */
function stageOffice() {
  return officeWithSpawns((office, i) => {
    const stage = stagesOf(office).find((s) => s.platforms.length > 0)!;
    if (i === 0) return spotsIn(office, stage.platforms[0])[0];
    const hall = spotsIn(office, stage.hall, stage.platforms);
    return hall[(i * 3) % hall.length];
  });
}

beforeAll(async () => {
  await ensureBuilt();
  janus = await startJanus();
  server = await startTestServer({ JANUS_URL: janus.url, JANUS_API_SECRET: janus.apiSecret, JANUS_ADMIN_KEY: janus.adminKey });
  const meeting = meetingRoomOffice();
  await createSpaceWithMap(server.repos, { slug: SPACE, name: "Meet", tiled: meeting.tiled, map: meeting.map, mapName: "office" });
  const talk = stageOffice();
  await createSpaceWithMap(server.repos, { slug: STAGE_SPACE, name: "Talk", tiled: talk.tiled, map: talk.map, mapName: "office" });
  browser = await launchBrowser();
}, 180_000);

afterEach(async () => {
  await Promise.all(pages.map((p) => p.page.goto("about:blank").catch(() => undefined)));
  await closeAll(pages);
  pages = [];
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await janus?.stop();
});

interface CallPeer {
  id: string;
  connected: boolean;
  via: string;
}

/** What one of the page's RTCPeerConnections does: state, and which way its media m-lines go. */
interface PcView {
  state: string;
  directions: string[];
  janus: boolean;
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __deskmapCalls?: { peers(): CallPeer[] } }).__deskmapCalls?.peers() ?? []);
const selfId = (page: Page) => page.evaluate(() => (window as unknown as { __deskmap: { selfId(): string } }).__deskmap.selfId());
const notice = (page: Page) => page.locator("[data-call-notice]").evaluate((el: HTMLElement) => (el.hidden ? "" : (el.textContent ?? "")));

/** The page's live RTCPeerConnections (counted by an init script): state, m-line directions, and whether Janus made the remote SDP. */
const connections = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { __pcs: RTCPeerConnection[] }).__pcs ?? [])
      .filter((pc) => pc.connectionState !== "closed")
      .map((pc) => ({
        state: pc.connectionState,
        directions: pc.getTransceivers().map((t) => t.currentDirection ?? t.direction),
        // Janus names every stream of the SDP it makes "janus" (a browser's carry random ids).
        janus: /^a=ssrc:\d+ cname:janus$/m.test(pc.remoteDescription?.sdp ?? ""),
      })),
  ) as Promise<PcView[]>;

interface JoinOptions {
  space?: string;
  /** The camera takes this long to open. */
  cameraDelayMs?: number;
  /** Camera and microphone refused (until the page sets __deny false). */
  deny?: boolean;
}

async function join(name: string, { space = SPACE, cameraDelayMs = 0, deny = false }: JoinOptions = {}): Promise<WatchedPage> {
  const watched = await openPage(browser, `${server.url}/s/${space}`);
  // As e2e/calls.test.ts does.
  if (deny) {
    await watched.context.addInitScript(() => {
      const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      const w = window as unknown as { __deny?: boolean };
      w.__deny = true;
      navigator.mediaDevices.getUserMedia = (c) => (w.__deny ? Promise.reject(new DOMException("Permission denied", "NotAllowedError")) : real(c));
    });
  }
  // A slow camera: the room's first route arrives while the page is still opening it (the reason 20f895b was reverted).
  if (cameraDelayMs > 0) {
    await watched.context.addInitScript((delay) => {
      const devices = navigator.mediaDevices;
      const open = devices.getUserMedia.bind(devices);
      devices.getUserMedia = (c) => new Promise((r) => setTimeout(r, delay)).then(() => open(c));
    }, cameraDelayMs);
  }
  await watched.context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const made: RTCPeerConnection[] = [];
    Object.defineProperty(window, "__pcs", { value: made });
    window.RTCPeerConnection = class extends Native {
      constructor(c?: RTCConfiguration) {
        super(c);
        made.push(this);
      }
    } as typeof RTCPeerConnection;
  });
  await watched.page.reload();
  pages.push(watched);
  await joinOffice(watched.page, name);
  return watched;
}

const sameNames = (names: string[]) => (tiles: string[]) => JSON.stringify(tiles) === JSON.stringify([...names].sort());

/** Every page shows a tile for each other person, with video frames, connected the given way. */
async function everyoneSeesEveryone(names: string[], via: "janus" | "mesh"): Promise<void> {
  for (const [i, p] of pages.entries()) {
    const others = names.filter((_, j) => j !== i);
    await pollUntil(() => remoteTileNames(p.page), sameNames(others), `${names[i]}'s tiles`, 2 * E2E_TIMEOUT_MS);
    for (const other of others) expect((await videoFlowing(p.page, other, 2 * E2E_TIMEOUT_MS)).width).toBeGreaterThan(0);
    const peers = await pollUntil(() => calls(p.page), (c) => c.length === others.length && c.every((x) => x.connected && x.via === via), `${names[i]} connected via ${via}`, E2E_TIMEOUT_MS);
    expect(peers.map((c) => c.via)).toEqual(others.map(() => via));
  }
}

test("two people in a meeting room see each other through Janus; mic, camera and Leave call work; the page holds no Janus secret", async () => {
  const names = ["Mia Meeting", "Ned Meeting"];
  await join(names[0]);
  // Ned's camera takes 3 s to open: the routes the room sent meanwhile must still count.
  await join(names[1], { cameraDelayMs: 3000 });
  const [mia, ned] = pages.map((p) => p.page);
  await everyoneSeesEveryone(names, "janus");

  // Through Janus, not peer to peer: each page has one send-only publisher and one receive-only subscriber, both with Janus.
  for (const p of pages) {
    const pcs = await pollUntil(() => connections(p.page), (c) => c.length === 2 && c.every((x) => x.state === "connected"), "two connections with Janus", E2E_TIMEOUT_MS);
    expect(pcs.map((c) => c.directions.join()).sort()).toEqual(["recvonly,recvonly", "sendonly,sendonly"]);
    expect(pcs.every((c) => c.janus)).toBe(true);
  }
  // Janus itself lists both as publishers in the conversation's VideoRoom, and the room holds a subscription each way.
  const [miaId, nedId] = await Promise.all([selfId(mia), selfId(ned)]);
  const router = await routerOf(SPACE);
  expect(router.publishing().sort()).toEqual([miaId, nedId].sort());
  expect(router.subscriptionsOf(miaId)).toEqual([nedId]);
  expect(router.subscriptionsOf(nedId)).toEqual([miaId]);

  // Nothing the page was given names Janus: not its address, nor its secrets.
  for (const p of pages) {
    const html = await p.page.content();
    for (const secret of [janus.apiSecret, janus.adminKey, janus.url]) expect(html).not.toContain(secret);
  }

  // Ned mutes and turns his camera off: Mia's tile says so; camera back on, his video flows again through the same feed.
  await ned.getByRole("button", { name: "Microphone" }).click();
  await ned.getByRole("button", { name: "Camera" }).click();
  const off = await pollUntil(() => tileView(mia, "Ned Meeting"), (t) => t?.badges.length === 2, "Mia seeing Ned muted, camera off", E2E_TIMEOUT_MS);
  expect(off).toMatchObject({ badges: ["Muted", "Camera off"], videoVisible: false, placeholder: "Ned Meeting" });
  await ned.getByRole("button", { name: "Microphone" }).click();
  await ned.getByRole("button", { name: "Camera" }).click();
  await pollUntil(() => tileView(mia, "Ned Meeting"), (t) => t?.badges.length === 0 && t.videoVisible, "Ned back on", E2E_TIMEOUT_MS);
  expect((await videoFlowing(mia, "Ned Meeting")).width).toBeGreaterThan(0);
  expect((await connections(ned)).length).toBe(2);

  // Mia leaves the call: her tiles and connections go; Ned, alone now, is in no conversation; the room takes every Janus handle back.
  await mia.getByRole("button", { name: "Leave call" }).click();
  await pollUntil(() => remoteTileNames(mia), sameNames([]), "Mia's tiles to go", E2E_TIMEOUT_MS);
  await pollUntil(() => remoteTileNames(ned), sameNames([]), "Ned's tile of Mia to go", E2E_TIMEOUT_MS);
  await pollUntil(() => connections(mia), (c) => c.length === 0, "Mia's connections to close", E2E_TIMEOUT_MS);
  await pollUntil(() => connections(ned), (c) => c.length === 0, "Ned's connections to close", E2E_TIMEOUT_MS);
  await pollUntil(async () => router.publishing(), (ids) => ids.length === 0, "nobody publishing", E2E_TIMEOUT_MS);
  expect(router.subscriptionsOf(nedId)).toEqual([]);
  for (const p of pages) expect(p.errors).toEqual([]);
});

test("a screen shared in a meeting room goes through Janus: the other page shows it large with the sharer's name, until she stops or the browser ends it", async () => {
  const names = ["Sia Screen", "Tom Screen"];
  for (const name of names) await join(name);
  const [sia, tom] = pages.map((p) => p.page);
  await everyoneSeesEveryone(names, "janus");
  const [siaId, tomId] = await Promise.all([selfId(sia), selfId(tom)]);
  const router = await routerOf(SPACE);

  await sia.getByRole("button", { name: "Share screen" }).click();
  const stop = sia.getByRole("button", { name: "Stop sharing" });
  await stop.waitFor();
  // Tom: Sia's screen large and labelled with her name, frames flowing (the fake 1280x720 screen), her camera tile still hers.
  const shared = "Sia Screen is sharing their screen";
  const screen = await videoFlowing(tom, shared, 2 * E2E_TIMEOUT_MS);
  expect(screen.width / screen.height).toBeCloseTo(16 / 9, 1);
  expect(await tom.getByRole("region", { name: "Shared screens" }).getByRole("group", { name: shared, exact: true }).count()).toBe(1);
  const camera = await videoFlowing(tom, "Sia Screen");
  expect(camera.width / camera.height).toBeCloseTo(4 / 3, 1);
  expect(await sia.getByRole("group", { name: shared, exact: true }).count()).toBe(0);
  // Through Janus: Sia publishes a second, video-only connection; Tom receives it on a connection of its own; no peer-to-peer link.
  const siaPcs = await pollUntil(() => connections(sia), (c) => c.length === 3 && c.every((x) => x.state === "connected"), "Sia's three connections with Janus", E2E_TIMEOUT_MS);
  expect(siaPcs.map((c) => c.directions.join()).sort()).toEqual(["recvonly,recvonly", "sendonly", "sendonly,sendonly"]);
  const tomPcs = await pollUntil(() => connections(tom), (c) => c.length === 3 && c.every((x) => x.state === "connected"), "Tom's three connections with Janus", E2E_TIMEOUT_MS);
  expect(tomPcs.map((c) => c.directions.join()).sort()).toEqual(["recvonly", "recvonly,recvonly", "sendonly,sendonly"]);
  expect([...siaPcs, ...tomPcs].every((c) => c.janus)).toBe(true);
  expect(router.publishing().sort()).toEqual([siaId, `${siaId}/screen`, tomId].sort());
  expect(router.subscriptionsOf(tomId).sort()).toEqual([siaId, `${siaId}/screen`].sort());

  // Sia stops: the share leaves Tom's page, the screen's connections close, and Janus no longer has her screen.
  await stop.click();
  await sia.getByRole("button", { name: "Share screen" }).waitFor();
  await pollUntil(() => tom.getByRole("group", { name: shared, exact: true }).count(), (n) => n === 0, "Sia's share gone from Tom's page", E2E_TIMEOUT_MS);
  await pollUntil(() => tom.locator("[data-call-announcer]").textContent(), (t) => t === "Sia Screen stopped sharing their screen", "Tom told it ended", E2E_TIMEOUT_MS);
  await pollUntil(() => connections(sia), (c) => c.length === 2, "Sia back to two connections", E2E_TIMEOUT_MS);
  await pollUntil(() => connections(tom), (c) => c.length === 2, "Tom back to two connections", E2E_TIMEOUT_MS);
  await pollUntil(async () => router.publishing().sort(), (ids) => JSON.stringify(ids) === JSON.stringify([siaId, tomId].sort()), "Sia's screen withdrawn", E2E_TIMEOUT_MS);
  expect((await videoFlowing(tom, "Sia Screen")).width).toBeGreaterThan(0);

  // She shares again (a fresh screen publisher), then the browser ends the capture (its own "Stop sharing" bar ends the track).
  await sia.getByRole("button", { name: "Share screen" }).click();
  await stop.waitFor();
  expect((await videoFlowing(tom, shared, 2 * E2E_TIMEOUT_MS)).width).toBeGreaterThan(0);
  await sia.evaluate(() => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs.filter((pc) => pc.connectionState !== "closed");
    const screenPc = pcs.find((pc) => pc.getTransceivers().length === 1 && pc.getTransceivers()[0].direction === "sendonly")!;
    const track = screenPc.getSenders()[0].track!;
    track.stop();
    track.dispatchEvent(new Event("ended"));
  });
  await sia.getByRole("button", { name: "Share screen" }).waitFor();
  await pollUntil(() => tom.getByRole("group", { name: shared, exact: true }).count(), (n) => n === 0, "the share gone from Tom's page after the browser ended it", E2E_TIMEOUT_MS);
  await pollUntil(() => connections(sia), (c) => c.length === 2, "Sia's screen connection closed", E2E_TIMEOUT_MS);
  await pollUntil(async () => router.publishing().sort(), (ids) => JSON.stringify(ids) === JSON.stringify([siaId, tomId].sort()), "Sia's screen withdrawn again", E2E_TIMEOUT_MS);
  for (const p of pages) expect(p.errors).toEqual([]);
});

test("someone who refused the camera and microphone still has a labelled tile through Janus, and their video once they allow it", async () => {
  const fay = await join("Fay Nocam", { deny: true });
  const gus = await join("Gus Cam");
  await pollUntil(() => remoteTileNames(gus.page), sameNames(["Fay Nocam"]), "Gus's tile of Fay", 2 * E2E_TIMEOUT_MS);
  // Her name on the tile, no video, and the badges her page reports (nothing on).
  const tile = await pollUntil(() => tileView(gus.page, "Fay Nocam"), (t) => t?.badges.length === 2, "Fay's tile muted, camera off", E2E_TIMEOUT_MS);
  expect(tile).toMatchObject({ badges: ["Muted", "Camera off"], videoVisible: false, placeholder: "Fay Nocam", placeholderVisible: true });
  // She still receives Gus through Janus; she publishes nothing, so Gus has only his publisher.
  expect((await videoFlowing(fay.page, "Gus Cam", 2 * E2E_TIMEOUT_MS)).width).toBeGreaterThan(0);
  await pollUntil(() => calls(fay.page), (c) => c.length === 1 && c[0].connected && c[0].via === "janus", "Fay receiving Gus via Janus", E2E_TIMEOUT_MS);
  const fayPcs = await pollUntil(() => connections(fay.page), (c) => c.length === 1 && c[0].state === "connected", "Fay's one connection", E2E_TIMEOUT_MS);
  expect(fayPcs[0]).toMatchObject({ directions: ["recvonly", "recvonly"], janus: true });
  const gusPcs = await pollUntil(() => connections(gus.page), (c) => c.length === 1 && c[0].state === "connected", "Gus's publisher", E2E_TIMEOUT_MS);
  expect(gusPcs[0]).toMatchObject({ directions: ["sendonly", "sendonly"], janus: true });
  const router = await routerOf(SPACE);
  expect(router.publishing()).toEqual([await selfId(gus.page)]);
  expect(await remoteTileNames(gus.page)).toEqual(["Fay Nocam"]);

  // She allows them and presses Try again: she publishes, and the same tile on Gus's page shows her video.
  await fay.page.evaluate(() => ((window as unknown as { __deny?: boolean }).__deny = false));
  await fay.page.locator("[data-call-notice]").getByRole("button", { name: "Try again" }).click();
  expect((await videoFlowing(gus.page, "Fay Nocam", 2 * E2E_TIMEOUT_MS)).width).toBeGreaterThan(0);
  await pollUntil(() => tileView(gus.page, "Fay Nocam"), (t) => t?.badges.length === 0 && t.videoVisible, "Fay's tile on", E2E_TIMEOUT_MS);
  await pollUntil(async () => router.publishing().length, (n) => n === 2, "both publishing", E2E_TIMEOUT_MS);
  expect(await remoteTileNames(gus.page)).toEqual(["Fay Nocam"]);
  for (const p of pages) expect(p.errors).toEqual([]);
});

test("four people in a meeting room all receive each other's video through Janus", async () => {
  const names = ["Ada Four", "Bea Four", "Cy Four", "Dee Four"];
  for (const name of names) await join(name);
  await everyoneSeesEveryone(names, "janus");
  // Each page publishes once and subscribes to the three others: four connections with Janus, none between pages.
  for (const p of pages) {
    const pcs = await pollUntil(() => connections(p.page), (c) => c.length === 4 && c.every((x) => x.state === "connected"), "four connections with Janus", E2E_TIMEOUT_MS);
    expect(pcs.filter((c) => c.directions.every((d) => d === "sendonly"))).toHaveLength(1);
    expect(pcs.filter((c) => c.directions.every((d) => d === "recvonly"))).toHaveLength(3);
    expect(pcs.every((c) => c.janus)).toBe(true);
  }
  expect((await routerOf(SPACE)).publishing()).toHaveLength(4);
  for (const p of pages) expect(p.errors).toEqual([]);
});

test("a stage speaker reaches listeners through Janus; they publish nothing, and the speaker sees a small labelled tile for each", async () => {
  const speaker = await join("Sam Stage", { space: STAGE_SPACE });
  const listener = await join("Lee Stage", { space: STAGE_SPACE });
  await pollUntil(() => remoteTileNames(listener.page), sameNames(["Sam Stage"]), "Lee's tile of Sam", 2 * E2E_TIMEOUT_MS);
  expect((await videoFlowing(listener.page, "Sam Stage", 2 * E2E_TIMEOUT_MS)).width).toBeGreaterThan(0);
  await pollUntil(() => calls(listener.page), (c) => c.length === 1 && c[0].connected && c[0].via === "janus", "Lee connected to Sam via Janus", E2E_TIMEOUT_MS);
  // The listener only receives (one recvonly connection with Janus); the speaker only publishes.
  const lee = await pollUntil(() => connections(listener.page), (c) => c.length === 1 && c[0].state === "connected", "Lee's one connection", E2E_TIMEOUT_MS);
  expect(lee[0]).toMatchObject({ directions: ["recvonly", "recvonly"], janus: true });
  const sam = await pollUntil(() => connections(speaker.page), (c) => c.length === 1 && c[0].state === "connected", "Sam's publisher", E2E_TIMEOUT_MS);
  expect(sam[0]).toMatchObject({ directions: ["sendonly", "sendonly"], janus: true });
  const router = await routerOf(STAGE_SPACE);
  expect(router.publishing()).toEqual([await selfId(speaker.page)]);
  expect(router.subscriptionsOf(await selfId(listener.page))).toEqual([await selfId(speaker.page)]);

  // A second listener. The speaker's page shows a small labelled tile for each (no video: they publish nothing);
  // the listeners see only the speaker, never each other.
  const second = await join("Liz Stage", { space: STAGE_SPACE });
  await pollUntil(() => remoteTileNames(speaker.page), sameNames(["Lee Stage", "Liz Stage"]), "Sam's tiles of his listeners", 2 * E2E_TIMEOUT_MS);
  for (const name of ["Lee Stage", "Liz Stage"]) {
    expect(await tileView(speaker.page, name)).toMatchObject({ videoVisible: false, placeholder: name, placeholderVisible: true });
    const tile = speaker.page.getByRole("group", { name, exact: true });
    expect(await tile.getAttribute("data-audience")).toBe("true");
    expect((await tile.boundingBox())!.width).toBeLessThan(120);
  }
  await pollUntil(() => remoteTileNames(second.page), sameNames(["Sam Stage"]), "Liz's tile of Sam", 2 * E2E_TIMEOUT_MS);
  expect((await videoFlowing(second.page, "Sam Stage", 2 * E2E_TIMEOUT_MS)).width).toBeGreaterThan(0);
  expect(await remoteTileNames(listener.page)).toEqual(["Sam Stage"]);
  // Still through Janus only: the speaker's one publisher, no connection to either listener.
  expect(await connections(speaker.page)).toHaveLength(1);
  expect(router.publishing()).toEqual([await selfId(speaker.page)]);
  for (const p of pages) expect(p.errors).toEqual([]);
});

test("when Janus goes away, the meeting room's call falls back to peer to peer and the page says why", async () => {
  const names = ["Oli Fallback", "Pam Fallback"];
  for (const name of names) await join(name);
  await everyoneSeesEveryone(names, "janus");

  await janus.stop();
  for (const p of pages) {
    await pollUntil(() => notice(p.page), (t) => /^The media server connection was lost .*This call is peer to peer, for at most \d+ people\.$/.test(t), "the fallback notice", E2E_TIMEOUT_MS);
  }
  await everyoneSeesEveryone(names, "mesh");
  // Peer to peer now: one connection to the other person, sending and receiving, made by a browser.
  for (const p of pages) {
    const pcs = await pollUntil(() => connections(p.page), (c) => c.length === 1 && c[0].state === "connected", "one peer-to-peer connection", E2E_TIMEOUT_MS);
    expect(pcs[0].janus).toBe(false);
    expect(pcs[0].directions).toContain("sendrecv");
  }
  for (const p of pages) expect(p.errors).toEqual([]);
});
