import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { createSpaceWithMap } from "../server/db/repositories/createSpaceWithMap";
import { parseMap } from "../shared/map/parseMap";
import { pointInZone } from "../shared/map/zones";
import { footBlocked } from "../shared/rules/movement";
import {
  E2E_TIMEOUT_MS,
  ROOT,
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
import { remoteTileNames, videoFlowing } from "./callsPages";
import { startJanus, type JanusServer } from "./services/janus";

/**
 * A meeting room through a real Janus, in real Chromium pages: the office
 * map with its spawn points moved into Meeting Room A, so everyone who joins
 * stands in the meeting room and the room routes their media through Janus.
 */

jest.setTimeout(4 * E2E_TIMEOUT_MS);

let janus: JanusServer;
let browser: Browser;
let server: TestServer;
let pages: WatchedPage[] = [];

function meetingRoomOffice(): { tiled: Record<string, unknown>; map: ReturnType<typeof parseMap> } {
  const tiled = JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8")) as { layers: Array<{ name: string; objects?: Array<{ x: number; y: number }> }> };
  const office = parseMap(tiled);
  const room = office.zones.find((z) => z.name === "Meeting Room A")!;
  const spots: Array<{ x: number; y: number }> = [];
  for (let y = room.bounds.y + 48; y < room.bounds.y + room.bounds.height - 16; y += 32) {
    for (let x = room.bounds.x + 48; x < room.bounds.x + room.bounds.width - 16; x += 32) {
      if (pointInZone(room, x, y) && !footBlocked(office, x, y)) spots.push({ x, y });
    }
  }
  const spawns = tiled.layers.find((l) => l.name === "spawns")!.objects!;
  spawns.forEach((s, i) => Object.assign(s, spots[(i * 3) % spots.length]));
  return { tiled: tiled as unknown as Record<string, unknown>, map: parseMap(tiled) };
}

beforeAll(async () => {
  await ensureBuilt();
  janus = await startJanus();
  server = await startTestServer({ JANUS_URL: janus.url, JANUS_API_SECRET: janus.apiSecret, JANUS_ADMIN_KEY: janus.adminKey });
  const { tiled, map } = meetingRoomOffice();
  await createSpaceWithMap(server.repos, { slug: "meet", name: "Meet", tiled, map, mapName: "office" });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await Promise.all(pages.map((p) => p.page.goto("about:blank").catch(() => undefined)));
  await closeAll(pages);
  await browser?.close();
  await server?.close();
  await janus?.stop();
});

interface CallPeer {
  id: string;
  connected: boolean;
  via: string;
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __deskmapCalls?: { peers(): CallPeer[] } }).__deskmapCalls?.peers() ?? []);

test("two people in a meeting room see each other through Janus, and the page holds no Janus secret", async () => {
  const names = ["Mia Meeting", "Ned Meeting"];
  for (const name of names) {
    const watched = await openPage(browser, `${server.url}/s/meet`);
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
  }
  for (const [i, p] of pages.entries()) {
    const others = names.filter((_, j) => j !== i).sort();
    await pollUntil(() => remoteTileNames(p.page), (t) => JSON.stringify(t) === JSON.stringify(others), `${names[i]}'s tiles`, 2 * E2E_TIMEOUT_MS).catch(async (e) => {
      const st = await p.page.evaluate(() => ({ zone: (window as any).__deskmap.members().map((m: any) => m.zone), pcs: (window as any).__pcs.map((pc: RTCPeerConnection) => [pc.connectionState, pc.iceConnectionState, pc.signalingState, pc.localDescription?.sdp.match(/a=candidate[^\r]*/g)?.slice(0,2)]) }));
      throw new Error(e.message + JSON.stringify(st));
    });
    for (const other of others) expect((await videoFlowing(p.page, other, 2 * E2E_TIMEOUT_MS)).width).toBeGreaterThan(0);
    const peers = await calls(p.page);
    expect(peers.map((c) => c.via)).toEqual(others.map(() => "janus"));
    expect(peers.every((c) => c.connected)).toBe(true);
  }
  // Nothing the page was given names Janus: not its address, nor its secrets.
  for (const p of pages) {
    const html = await p.page.content();
    for (const secret of [janus.apiSecret, janus.adminKey, janus.url]) expect(html).not.toContain(secret);
  }
  for (const p of pages) expect(p.errors).toEqual([]);
});
