import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { createSpaceWithMap } from "../server/db/repositories/createSpaceWithMap";
import { tileOf } from "../shared/map/grid";
import {
  E2E_TIMEOUT_MS,
  ROOT,
  joinOffice,
  pollUntil,
  selfPosition,
  type WatchedPage,
  useOfficeSession,
} from "./browser";
import { loadOfficeMap, remoteAudioLevel, remoteTileNames, spotsAround, tileView, videoFlowing, walkToOneOf } from "./callsPages";

/**
 * Auto-talk end to end: real server, real Chromium with its fake camera and
 * microphone, real WebRTC between pages through the room's signalling relay.
 */

jest.setTimeout(4 * E2E_TIMEOUT_MS);

const map = loadOfficeMap();
const office = useOfficeSession({ closePagesAfterEach: true });
const { open } = office;

async function position(page: Page) {
  return (await pollUntil(() => selfPosition(page), (p) => p !== null, "own position"))!;
}

interface CallPeer {
  id: string;
  connected: boolean;
  initiator: boolean;
  firstFrameAt: number | null;
}

function calls(page: Page): Promise<CallPeer[]> {
  return page.evaluate(() => (window as unknown as { __deskmapCalls?: { peers(): CallPeer[] } }).__deskmapCalls?.peers() ?? []);
}

const waitTiles = (page: Page, names: string[], what: string) =>
  pollUntil(() => remoteTileNames(page), (t) => JSON.stringify(t) === JSON.stringify([...names].sort()), what, E2E_TIMEOUT_MS);

test("two people walk into range, see and hear each other, mute, and hang up by walking apart", async () => {
  const a = await open();
  const b = await open();
  await joinOffice(a.page, "Ada Caller", "Ada");
  // A leaves the spawn area first, so B arrives out of range.
  await walkToOneOf(a.page, spotsAround(map, await position(a.page), 6, 7));
  await joinOffice(b.page, "Bo Callee", "Bo");
  expect(await remoteTileNames(a.page)).toEqual([]);

  // A walks up to B.
  await walkToOneOf(a.page, spotsAround(map, await position(b.page), 1, 2));
  await waitTiles(a.page, ["Bo Callee"], "A's tile for B");
  await waitTiles(b.page, ["Ada Caller"], "B's tile for A");

  for (const [page, name] of [[a.page, "Bo Callee"], [b.page, "Ada Caller"]] as const) {
    const video = await videoFlowing(page, name);
    expect(video.width).toBeGreaterThan(0);
    const audio = await remoteAudioLevel(page, name);
    expect(audio.liveTracks).toBe(1);
    expect(audio.peak).toBeGreaterThan(0.05);
  }
  // Own preview is there too, mirrored and muted.
  const preview = a.page.getByRole("group", { name: "You (your camera preview)" }).locator("video");
  expect(await preview.evaluate((v: HTMLVideoElement) => v.muted && getComputedStyle(v).transform !== "none")).toBe(true);

  // M on the map mutes B's microphone (track.enabled only): the button says so and A hears silence.
  const mic = b.page.getByRole("button", { name: "Microphone" });
  expect(await mic.getAttribute("aria-pressed")).toBe("true");
  await b.page.locator("#game canvas").focus();
  await b.page.keyboard.press("m");
  expect(await mic.getAttribute("aria-pressed")).toBe("false");
  await pollUntil(() => remoteAudioLevel(a.page, "Bo Callee", 2500), (l) => l.peak < 0.005, "silence from muted B", E2E_TIMEOUT_MS);
  await mic.click();
  expect(await mic.getAttribute("aria-pressed")).toBe("true");
  // V toggles the camera button; typing V in a field would not.
  const camera = b.page.getByRole("button", { name: "Camera" });
  await b.page.locator("#game canvas").focus();
  await b.page.keyboard.press("v");
  expect(await camera.getAttribute("aria-pressed")).toBe("false");
  await camera.click();
  expect(await camera.getAttribute("aria-pressed")).toBe("true");
  // Still one connection each way (toggles renegotiate nothing).
  expect((await calls(a.page)).map((p) => p.connected)).toEqual([true]);

  // The fake microphone beeps: A's tile for B lights its speaking ring now and then.
  await pollUntil(
    () => a.page.getByRole("group", { name: "Bo Callee", exact: true }).getAttribute("data-speaking"),
    (v) => v === "true",
    "B's speaking ring on A's page",
    E2E_TIMEOUT_MS,
  );

  // B picks another microphone in the settings: the track is replaced in place and A still hears B.
  await b.page.getByRole("button", { name: "Call settings" }).click();
  const micSelect = b.page.getByLabel("Microphone", { exact: true });
  await pollUntil(() => micSelect.locator("option").count(), (n) => n >= 2, "Chromium's fake microphones in the picker");
  const before = await micSelect.inputValue();
  const other = (await micSelect.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== before)!;
  await micSelect.selectOption(other);
  await pollUntil(() => b.page.locator(".call-check-result").textContent(), (t) => t === "Switched microphone.", "the switch");
  const sentTrack = await b.page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>("figure[data-self] video")!;
    return (video.srcObject as MediaStream).getAudioTracks().map((t) => ({ state: t.readyState, device: t.getSettings().deviceId }));
  });
  expect(sentTrack).toEqual([{ state: "live", device: other }]);
  expect((await remoteAudioLevel(a.page, "Bo Callee")).peak).toBeGreaterThan(0.05);
  expect((await calls(a.page)).map((p) => p.connected)).toEqual([true]);

  // The speaker picker lists the outputs (the system default first) and plays the call through the one chosen.
  const speaker = b.page.getByLabel("Speaker", { exact: true });
  const outputs = await speaker.locator("option").allTextContents();
  expect(outputs[0]).toBe("System default");
  const last = await speaker.locator("option").last().getAttribute("value");
  await speaker.selectOption(last ?? "");
  await pollUntil(() => b.page.locator(".call-check-result").textContent(), (t) => t === "Switched speaker.", "the speaker switch");
  expect((await remoteAudioLevel(b.page, "Ada Caller")).peak).toBeGreaterThan(0.05);

  // The connection check on this loopback network: the two test connections meet; no STUN/TURN is configured.
  await b.page.getByRole("button", { name: "Connection check" }).click();
  const verdict = await pollUntil(
    () => b.page.locator(".call-check-result").textContent(),
    (t) => !!t && t.startsWith("Calls"),
    "the connection check verdict",
  );
  expect(verdict).toMatch(/^Calls work on this local network.*Found [1-9]\d* local, 0 public \(STUN\) and 0 relay \(TURN\)/);

  // A walks away: both hang up and the tiles go.
  await walkToOneOf(a.page, spotsAround(map, await position(a.page), 6, 7));
  await waitTiles(a.page, [], "A's tile for B to go");
  await waitTiles(b.page, [], "B's tile for A to go");
  expect(await calls(a.page)).toEqual([]);
  expect(await calls(b.page)).toEqual([]);

  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
});

test("three people at the spawn form one conversation: each sees two moving videos", async () => {
  const names = ["Cy One", "Di Two", "Ed Three"];
  const pages: WatchedPage[] = [];
  for (const name of names) {
    const p = await open();
    await joinOffice(p.page, name);
    pages.push(p);
  }
  for (const [i, p] of pages.entries()) {
    const others = names.filter((_, j) => j !== i);
    await waitTiles(p.page, others, `${names[i]}'s two tiles`);
    // Three pages decoding two videos each on two shared cores: allow for a slow start.
    for (const other of others) expect((await videoFlowing(p.page, other, 2 * E2E_TIMEOUT_MS)).width).toBeGreaterThan(0);
  }
  for (const p of pages) expect(p.errors).toEqual([]);
});

test("without camera and microphone a person still sees and hears others (receive-only)", async () => {
  const a = await open();
  await a.context.addInitScript(() => {
    const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    const w = window as unknown as { __deny?: boolean };
    w.__deny = true;
    navigator.mediaDevices.getUserMedia = (c) => (w.__deny ? Promise.reject(new DOMException("Permission denied", "NotAllowedError")) : real(c));
  });
  await a.page.reload();
  const b = await open();
  await joinOffice(a.page, "Fay Nodevice");
  await joinOffice(b.page, "Gus Camera");
  await walkToOneOf(b.page, spotsAround(map, await position(a.page), 1, 2));
  const notice = a.page.locator("[data-call-notice]");
  expect(await notice.textContent()).toContain("No camera or microphone: you can still see and hear others.");
  // Refused, not missing: the page says how to allow them and offers to try again.
  expect(await notice.textContent()).toContain("allow the camera and microphone for this site");
  expect(await notice.isVisible()).toBe(true);
  await waitTiles(a.page, ["Gus Camera"], "the receive-only tile");
  expect((await videoFlowing(a.page, "Gus Camera")).width).toBeGreaterThan(0);
  const audio = await remoteAudioLevel(a.page, "Gus Camera");
  expect(audio.peak).toBeGreaterThan(0.05);
  // The other side has a tile for them, with no video, and the mute buttons are disabled here.
  await waitTiles(b.page, ["Fay Nodevice"], "B's tile for the receive-only person");
  expect(await a.page.getByRole("button", { name: "Microphone" }).isDisabled()).toBe(true);
  await pollUntil(() => calls(b.page), (peers) => peers.length === 1 && peers[0].connected, "B connected to the receive-only person");

  // Fay allows them now and presses Try again: her microphone and camera work, and Gus gets her video.
  await a.page.evaluate(() => ((window as unknown as { __deny?: boolean }).__deny = false));
  await notice.getByRole("button", { name: "Try again" }).click();
  await pollUntil(() => a.page.getByRole("button", { name: "Microphone" }).isEnabled(), (on) => on, "the microphone after the retry", E2E_TIMEOUT_MS);
  expect(await notice.isVisible()).toBe(false);
  expect((await videoFlowing(b.page, "Fay Nodevice", 2 * E2E_TIMEOUT_MS)).width).toBeGreaterThan(0);
  // The call carries her new tracks: Gus hears her too, and his tile shows her video with no Muted or Camera off badge, over one link.
  expect((await remoteAudioLevel(b.page, "Fay Nodevice")).peak).toBeGreaterThan(0.05);
  await pollUntil(() => tileView(b.page, "Fay Nodevice"), (t) => t?.videoVisible === true && t.badges.length === 0, "Gus's tile showing Fay's video, unbadged", E2E_TIMEOUT_MS);
  expect(await calls(b.page)).toEqual([expect.objectContaining({ connected: true })]);
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
});

test("a space capped at two: the third person is told the conversation is full", async () => {
  const tiled = JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8")) as Record<string, unknown>;
  await createSpaceWithMap(office.server.repos, {
    slug: "pair",
    name: "Pair",
    tiled,
    map,
    mapName: "office",
    settings: { maxConversationSize: 2 },
  });
  const names = ["Hal Pair", "Ivy Pair", "Jo Third"];
  const pages: WatchedPage[] = [];
  for (const name of names) {
    const p = await open("/s/pair");
    await joinOffice(p.page, name);
    pages.push(p);
  }
  // Exactly one pair talks; nobody has more than one partner; someone is told it is full.
  const counts = await pollUntil(
    () => Promise.all(pages.map((p) => remoteTileNames(p.page).then((t) => t.length))),
    (c) => c.filter((n) => n === 1).length === 2 && c.every((n) => n <= 1),
    "one pair",
    E2E_TIMEOUT_MS,
  );
  const third = pages[counts.indexOf(0)];
  await pollUntil(() => third.page.locator("[data-call-notice]").textContent(), (t) => /conversation is full \(2 people\)/.test(t ?? ""), "the full notice");
  // Spatially all three are close: the cap, not distance, keeps the third out.
  const spots = await Promise.all(pages.map((p) => position(p.page)));
  const tiles = spots.map((s) => tileOf(map, s));
  expect(Math.max(...tiles.map((t) => t.tx)) - Math.min(...tiles.map((t) => t.tx))).toBeLessThanOrEqual(3);
  for (const p of pages) expect(p.errors).toEqual([]);
});

test("a connection that breaks is re-established without anyone doing anything", async () => {
  const pages: WatchedPage[] = [];
  for (const name of ["Kit Steady", "Lou Breaks"]) {
    const p = await open();
    // Keep a list of the page's RTCPeerConnections, so the test can break one as a network failure would.
    await p.context.addInitScript(() => {
      const Native = window.RTCPeerConnection;
      const made: RTCPeerConnection[] = [];
      Object.defineProperty(window, "__testPeerConnections", { value: made });
      window.RTCPeerConnection = class extends Native {
        constructor(config?: RTCConfiguration) {
          super(config);
          made.push(this);
        }
      } as typeof RTCPeerConnection;
    });
    await p.page.reload();
    await joinOffice(p.page, name);
    pages.push(p);
  }
  const connectedWithFrames = (page: Page) =>
    pollUntil(() => calls(page), (c) => c.length === 1 && c[0].connected && c[0].firstFrameAt !== null, "a connected call with video", E2E_TIMEOUT_MS);
  const [first] = await Promise.all(pages.map((p) => connectedWithFrames(p.page)));
  // The side that answers loses its connection; the initiator notices (ICE disconnected), tears down and offers again.
  const answerer = first[0].initiator ? pages[1] : pages[0];
  const initiator = answerer === pages[0] ? pages[1] : pages[0];
  const before = await calls(initiator.page);
  await answerer.page.evaluate(() => {
    for (const pc of (window as unknown as { __testPeerConnections: RTCPeerConnection[] }).__testPeerConnections) pc.close();
  });
  const after = await pollUntil(
    () => calls(initiator.page),
    (c) => c.length === 1 && c[0].connected && c[0].firstFrameAt !== null && c[0].firstFrameAt !== before[0].firstFrameAt,
    "the initiator's new connection with video",
    2 * E2E_TIMEOUT_MS,
  );
  expect(after[0].id).toBe(before[0].id);
  const made = await initiator.page.evaluate(() => (window as unknown as { __testPeerConnections: unknown[] }).__testPeerConnections.length);
  expect(made).toBeGreaterThanOrEqual(2);
  await connectedWithFrames(answerer.page);
  expect((await videoFlowing(answerer.page, initiator === pages[0] ? "Kit Steady" : "Lou Breaks")).width).toBeGreaterThan(0);
  // The failure is logged as a warning only when giving up; nothing reached the console as an error.
  for (const p of pages) expect(p.errors).toEqual([]);
});
