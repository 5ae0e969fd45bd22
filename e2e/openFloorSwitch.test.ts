import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { createSpaceWithMap } from "../server/db/repositories/createSpaceWithMap";
import { OPEN_FLOOR_HOLD_MS } from "../server/features/media/OpenFloorSwitch";
import { parseMap } from "../shared/map/parseMap";
import type { OfficeMap, Point } from "../shared/map/types";
import { pointInZone } from "../shared/map/zones";
import {
  E2E_TIMEOUT_MS,
  ROOT,
  closeAll,
  ensureBuilt,
  joinOffice,
  launchBrowser,
  openPage,
  pollUntil,
  selfPosition,
  startTestServer,
  type TestServer,
  type WatchedPage,
} from "./browser";
import { remoteTileNames, spotsAround, walkToOneOf } from "./callsPages";
import { startJanus, type JanusServer } from "./services/janus";

/**
 * The open floor's switch between peer to peer and Janus, in real Chromium
 * pages with a real Janus, and how long anyone goes unheard during it. The
 * space's cap is 2: Ann and Bob talk peer to peer; Cy (microphone off)
 * walks up and the conversation of three goes through Janus; Cy hangs up and,
 * after the hold, Ann and Bob are peer to peer again.
 *
 * Every page's fake microphone plays a steady 440 Hz tone (a generated WAV
 * file, --use-file-for-fake-audio-capture), and an init script taps
 * everything the page sends to its speakers (each AudioNode connected to the
 * AudioContext's destination also feeds one MediaStreamAudioDestinationNode)
 * and measures it in a Worker, frame by frame (10 ms each) by the frames' own
 * timestamps: a busy main thread cannot hide or fake a gap, and frames the
 * Worker never got count as quiet. Ann hears only Bob's tone and
 * Bob only Ann's, so the longest stretch of quiet in what each page plays,
 * across each switch, is the gap a person would hear.
 */

jest.setTimeout(6 * E2E_TIMEOUT_MS);

const SPACE = "floor";
/** Louder than this (RMS) is the tone; the tone itself plays at about 0.1–0.35 after distance gain. */
const HEARD = 0.01;

/**
 * Runs in a Worker on the track of everything the page plays: the longest run
 * of quiet (by the frames' timestamps, so a missing frame counts as quiet)
 * since the last reset, and the share of loud frames.
 */
const HEARD_WORKER = `
let quietUs = 0, longestUs = 0, loud = 0, frames = 0, coveredUs = 0, lastEnd = null, runs = [];
function reset() { quietUs = 0; longestUs = 0; loud = 0; frames = 0; coveredUs = 0; runs = []; }
async function read(readable) {
  const reader = readable.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const samples = new Float32Array(value.numberOfFrames);
    value.copyTo(samples, { planeIndex: 0, format: "f32-planar" });
    const durationUs = (1e6 * value.numberOfFrames) / value.sampleRate;
    const missingUs = lastEnd === null ? 0 : Math.max(0, value.timestamp - lastEnd);
    lastEnd = value.timestamp + durationUs;
    value.close();
    let sum = 0;
    for (const v of samples) sum += v * v;
    frames++;
    coveredUs += durationUs + missingUs;
    quietUs += missingUs;
    if (Math.sqrt(sum / samples.length) >= ${HEARD}) {
      loud++;
      if (quietUs > 100000) runs.push([Date.now(), Math.round(quietUs / 1000)]);
      longestUs = Math.max(longestUs, quietUs);
      quietUs = 0;
    } else quietUs += durationUs;
  }
}
onmessage = (e) => {
  if (e.data.readable) void read(e.data.readable);
  else if (e.data === "reset") reset();
  else postMessage({ longestQuietMs: Math.max(longestUs, quietUs) / 1000, loudShare: loud / Math.max(1, frames), coveredMs: coveredUs / 1000, runs });
};
`;

let janus: JanusServer;
let browser: Browser;
let server: TestServer;
let toneDir: string;
const pages: WatchedPage[] = [];

/** A 2 s, 48 kHz, 16-bit mono WAV of a 440 Hz tone (a whole number of periods, so Chromium's loop of it is seamless). */
function toneWav(file: string): void {
  const rate = 48_000;
  const samples = rate * 2;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(0.5 * 32767 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(file, Buffer.concat([header, data]));
}

/** The office map with Ann and Bob spawning side by side on the open floor and Cy ten tiles off. */
function openFloorOffice(): { tiled: Record<string, unknown>; map: OfficeMap; cy: Point } {
  const tiled = JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8")) as { layers: Array<{ name: string; objects?: Point[] }> };
  const office = parseMap(tiled);
  const spawns = tiled.layers.find((l) => l.name === "spawns")!.objects!;
  const open = (p: Point) => !office.zones.some((z) => pointInZone(z, p.x, p.y));
  const far = [...spotsAround(office, spawns[0], 9, 12)].find(open)!;
  Object.assign(spawns[2], far);
  // Nobody else spawns near (spawns are handed out in join order, and cycle).
  for (const s of spawns.slice(3)) Object.assign(s, far);
  return { tiled: tiled as unknown as Record<string, unknown>, map: parseMap(tiled), cy: far };
}

let map: OfficeMap;

beforeAll(async () => {
  await ensureBuilt();
  toneDir = mkdtempSync(path.join(os.tmpdir(), "deskmap-tone-"));
  toneWav(path.join(toneDir, "tone.wav"));
  janus = await startJanus();
  server = await startTestServer({ JANUS_URL: janus.url, JANUS_API_SECRET: janus.apiSecret, JANUS_ADMIN_KEY: janus.adminKey });
  const office = openFloorOffice();
  map = office.map;
  await createSpaceWithMap(server.repos, { slug: SPACE, name: "Floor", tiled: office.tiled, map: office.map, mapName: "office", settings: { maxConversationSize: 2 } });
  browser = await launchBrowser([`--use-file-for-fake-audio-capture=${path.join(toneDir, "tone.wav")}`, "--autoplay-policy=no-user-gesture-required"]);
}, 180_000);

afterAll(async () => {
  await Promise.all(pages.map((p) => p.page.goto("about:blank").catch(() => undefined)));
  await closeAll(pages);
  await browser?.close();
  await server?.close();
  await janus?.stop();
  if (toneDir) rmSync(toneDir, { recursive: true, force: true });
});

interface CallPeer {
  id: string;
  connected: boolean;
  via: string;
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __deskmapCalls?: { peers(): CallPeer[] } }).__deskmapCalls?.peers() ?? []);
const nameOf = (page: Page, id: string) =>
  page.evaluate((id) => (window as unknown as { __deskmap: { members(): Array<{ id: string; name: string }> } }).__deskmap.members().find((m) => m.id === id)?.name ?? "", id);

/** The page's open RTCPeerConnections: whether Janus made the remote SDP (Janus names every stream "janus"). */
const connections = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { __pcs: RTCPeerConnection[] }).__pcs ?? [])
      .filter((pc) => pc.connectionState !== "closed")
      .map((pc) => ({ state: pc.connectionState, janus: /^a=ssrc:\d+ cname:janus$/m.test(pc.remoteDescription?.sdp ?? "") })),
  );

interface Heard {
  longestQuietMs: number;
  loudShare: number;
  coveredMs: number;
  /** Quiet stretches over 100 ms: [Date.now() when the sound came back, how long it was quiet in ms]. */
  runs: Array<[number, number]>;
}

/** Until stopped, what the page's calls look like whenever it changes, with Date.now(): to place a quiet stretch among the switch's steps. */
function trace(page: Page): { stop(): Promise<Array<[number, string]>> } {
  const seen: Array<[number, string]> = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const now = await page.evaluate(() => {
        const peers = (window as unknown as { __deskmapCalls?: { peers(): Array<{ id: string; via: string; connected: boolean }> } }).__deskmapCalls?.peers() ?? [];
        const pcs = ((window as unknown as { __pcs: RTCPeerConnection[] }).__pcs ?? []).filter((pc) => pc.connectionState !== "closed");
        return `${peers.map((p) => `${p.via}${p.connected ? "" : "?"}`).join(",")} pcs=${pcs.map((pc) => pc.connectionState[0]).join("")}`;
      }).catch(() => "gone");
      if (seen.at(-1)?.[1] !== now) seen.push([Date.now(), now]);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return seen;
    },
  };
}

/** Starts a measurement of what the page plays (after the tap is in place). */
async function resetHeard(page: Page): Promise<void> {
  await pollUntil(() => page.evaluate(() => (window as unknown as { __heard: { ready(): boolean } }).__heard.ready()), (r) => r, "the audio tap", E2E_TIMEOUT_MS);
  await page.evaluate(() => (window as unknown as { __heard: { reset(): void } }).__heard.reset());
}

/** What the page played since the last reset, measured in audio time. */
const heard = (page: Page) => page.evaluate(() => (window as unknown as { __heard: { report(): Promise<Heard> } }).__heard.report());

async function join(name: string): Promise<WatchedPage> {
  const watched = await openPage(browser, `${server.url}/s/${SPACE}`);
  await watched.context.addInitScript((heardWorker: string) => {
    const Native = window.RTCPeerConnection;
    const made: RTCPeerConnection[] = [];
    Object.defineProperty(window, "__pcs", { value: made });
    window.RTCPeerConnection = class extends Native {
      constructor(c?: RTCConfiguration) {
        super(c);
        made.push(this);
      }
    } as typeof RTCPeerConnection;
    // Everything played to the speakers also feeds one MediaStream, measured in a Worker.
    const connect = AudioNode.prototype.connect as (this: AudioNode, ...args: unknown[]) => unknown;
    let tap: MediaStreamAudioDestinationNode | null = null;
    let worker: Worker | null = null;
    Object.defineProperty(window, "__heard", {
      value: {
        ready: () => worker !== null,
        reset: () => worker?.postMessage("reset"),
        report: () =>
          new Promise((resolve) => {
            worker!.onmessage = (e) => resolve(e.data);
            worker!.postMessage("report");
          }),
      },
    });
    AudioNode.prototype.connect = function (this: AudioNode, ...args: unknown[]) {
      const target = args[0];
      if (target instanceof AudioDestinationNode) {
        if (!tap) {
          const made = (target.context as AudioContext).createMediaStreamDestination();
          tap = made;
          const Processor = (window as unknown as { MediaStreamTrackProcessor: new (init: { track: MediaStreamTrack }) => { readable: ReadableStream } }).MediaStreamTrackProcessor;
          const { readable } = new Processor({ track: made.stream.getAudioTracks()[0] });
          worker = new Worker(URL.createObjectURL(new Blob([heardWorker], { type: "text/javascript" })));
          worker.postMessage({ readable }, [readable as unknown as Transferable]);
        }
        connect.call(this, tap);
      }
      return connect.apply(this, args);
    } as typeof AudioNode.prototype.connect;
  }, HEARD_WORKER);
  await watched.page.reload();
  pages.push(watched);
  await joinOffice(watched.page, name);
  // Cameras off: three pages encoding video on two shared cores starve the audio this test listens to.
  await watched.page.getByRole("button", { name: "Camera" }).click();
  return watched;
}

/** Every other person on this page is connected and carried the given way, and the page's connections are all of that kind. */
async function carriedBy(page: Page, count: number, via: "janus" | "mesh", what: string): Promise<void> {
  await pollUntil(() => calls(page), (c) => c.length === count && c.every((p) => p.connected && p.via === via), `${what}: carried by ${via}`, 2 * E2E_TIMEOUT_MS);
  await pollUntil(
    () => connections(page),
    (c) => c.length > 0 && c.every((x) => x.state === "connected" && x.janus === (via === "janus")),
    `${what}: only ${via} connections left`,
    E2E_TIMEOUT_MS,
  );
}

test("an open-floor conversation switches to Janus past the cap of 2 and back after it shrinks, and nobody goes unheard for 1 s", async () => {
  const ann = await join("Ann Tone");
  const bob = await join("Bob Tone");
  // At the cap: peer to peer, one connection each way.
  await carriedBy(ann.page, 1, "mesh", "Ann with Bob");
  await carriedBy(bob.page, 1, "mesh", "Bob with Ann");
  for (const p of [ann, bob]) {
    await resetHeard(p.page);
    await pollUntil(() => heard(p.page), (h) => h.coveredMs > 1000 && h.loudShare > 0.9, "the other's tone heard", E2E_TIMEOUT_MS);
  }
  // For comparison: the longest quiet over 5 s with no switch at all (a starved machine's audio glitches show here too).
  for (const p of [ann, bob]) await resetHeard(p.page);
  await new Promise((r) => setTimeout(r, 5000));
  const steady = await Promise.all([ann, bob].map((p) => heard(p.page)));

  // Cy appears ten tiles off, turns his microphone off (so only Ann's and Bob's tones play), and walks up: three, past the cap.
  const cy = await join("Cy Quiet");
  await cy.page.getByRole("button", { name: "Microphone" }).click();
  for (const p of [ann, bob]) await resetHeard(p.page);
  const annTrace = trace(ann.page);
  const annAt = (await selfPosition(ann.page))!;
  await walkToOneOf(cy.page, [...spotsAround(map, annAt, 1, 2)].filter((s) => !map.zones.some((z) => pointInZone(z, s.x, s.y))));
  await pollUntil(() => remoteTileNames(cy.page), (t) => t.length === 2, "Cy's tiles of Ann and Bob", 2 * E2E_TIMEOUT_MS);
  for (const [p, what] of [[ann, "Ann"], [bob, "Bob"], [cy, "Cy"]] as const) await carriedBy(p.page, 2, "janus", `${what} in three`);
  // A little after the last peer-to-peer link closed, every reading of the switch is in.
  await new Promise((r) => setTimeout(r, 2000));
  const toJanus = await Promise.all([ann, bob].map((p) => heard(p.page)));
  const annSteps = await annTrace.stop();

  // Cy hangs up: two again, at the lower threshold; after the hold the conversation is peer to peer again.
  for (const p of [ann, bob]) await resetHeard(p.page);
  const hungUp = Date.now();
  await cy.page.getByRole("button", { name: "Leave call" }).click();
  await pollUntil(() => remoteTileNames(ann.page), (t) => t.length === 1, "Ann's tile of Cy to go", E2E_TIMEOUT_MS);
  await carriedBy(ann.page, 1, "mesh", "Ann back with Bob");
  await carriedBy(bob.page, 1, "mesh", "Bob back with Ann");
  expect(Date.now() - hungUp).toBeGreaterThanOrEqual(OPEN_FLOOR_HOLD_MS - 500);
  await new Promise((r) => setTimeout(r, 2000));
  const toMesh = await Promise.all([ann, bob].map((p) => heard(p.page)));

  const report = { steady, toJanus, toMesh, annSteps };
  console.log(`open-floor switch, longest quiet on Ann's and Bob's pages: ${JSON.stringify(report)}`);
  expect(await nameOf(ann.page, (await calls(ann.page))[0].id)).toBe("Bob Tone");
  for (const measured of [...toJanus, ...toMesh]) {
    // The measurement covers the switch (at least 5 s of audio) and the tone was heard nearly throughout.
    expect(measured.coveredMs).toBeGreaterThan(5000);
    expect(measured.loudShare).toBeGreaterThan(0.8);
    expect(measured.longestQuietMs).toBeLessThan(1000);
  }
  for (const p of pages) expect(p.errors).toEqual([]);
});
