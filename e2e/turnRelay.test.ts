import type { Browser, Page } from "playwright-core";
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
import { remoteTileNames, videoFlowing } from "./callsPages";
import { startTurnServer, type TurnServer } from "./services/coturn";

/**
 * Calls through a real TURN relay: Debian's coturn on a free 127.0.0.1 port
 * with a generated secret, the real server minting per-session credentials
 * from TURN_SECRET, and Chromium pages that may use relay candidates only
 * (iceTransportPolicy "relay", as a browser behind a strict firewall must).
 */

jest.setTimeout(4 * E2E_TIMEOUT_MS);

let turn: TurnServer;
let browser: Browser;
let server: TestServer | undefined;
let pages: WatchedPage[] = [];

beforeAll(async () => {
  await ensureBuilt();
  turn = await startTurnServer();
  browser = await launchBrowser();
}, 180_000);

afterEach(async () => {
  await Promise.all(pages.map((p) => p.page.goto("about:blank").catch(() => undefined)));
  await closeAll(pages);
  pages = [];
  await server?.close();
  server = undefined;
});

afterAll(async () => {
  await browser?.close();
  await turn?.stop();
});

/** A page whose every RTCPeerConnection (calls and the connection check) may only use relay candidates, and is listed for getStats. */
async function relayOnlyPage(url: string): Promise<WatchedPage> {
  const watched = await openPage(browser, url);
  await watched.context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const made: RTCPeerConnection[] = [];
    Object.defineProperty(window, "__testPeerConnections", { value: made });
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super({ ...config, iceTransportPolicy: "relay" });
        made.push(this);
      }
    } as typeof RTCPeerConnection;
  });
  await watched.page.reload();
  pages.push(watched);
  return watched;
}

interface SelectedPair {
  state: string;
  local: string;
  remote: string;
}

/** The candidate types of each connected call's selected pair, read from getStats. */
function selectedPairs(page: Page): Promise<SelectedPair[]> {
  return page.evaluate(async () => {
    const out: SelectedPair[] = [];
    for (const pc of (window as unknown as { __testPeerConnections: RTCPeerConnection[] }).__testPeerConnections) {
      if (pc.connectionState !== "connected") continue;
      const stats = await pc.getStats();
      stats.forEach((report: { type: string; selectedCandidatePairId?: string }) => {
        if (report.type !== "transport" || !report.selectedCandidatePairId) return;
        const pair = stats.get(report.selectedCandidatePairId);
        out.push({
          state: pair.state,
          local: stats.get(pair.localCandidateId)?.candidateType,
          remote: stats.get(pair.remoteCandidateId)?.candidateType,
        });
      });
    }
    return out;
  });
}

async function checkVerdict(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Call settings" }).click();
  await page.getByRole("button", { name: "Connection check" }).click();
  return (await pollUntil(
    () => page.locator(".call-check-result").textContent(),
    (t) => !!t && t.startsWith("Calls"),
    "the connection check verdict",
    E2E_TIMEOUT_MS,
  ))!;
}

const waitTiles = (page: Page, names: string[]) =>
  pollUntil(() => remoteTileNames(page), (t) => JSON.stringify(t) === JSON.stringify([...names].sort()), `tiles ${names}`, E2E_TIMEOUT_MS);

test("with relay-only browsers, a call connects through coturn on credentials minted from TURN_SECRET", async () => {
  server = await startTestServer({ TURN_URLS: turn.url, TURN_SECRET: turn.secret });
  const a = await relayOnlyPage(server.url);
  const b = await relayOnlyPage(server.url);
  await joinOffice(a.page, "Rae Relay");
  await joinOffice(b.page, "Sol Relay");
  await waitTiles(a.page, ["Sol Relay"]);
  await waitTiles(b.page, ["Rae Relay"]);
  for (const [page, other] of [[a.page, "Sol Relay"], [b.page, "Rae Relay"]] as const) {
    expect((await videoFlowing(page, other, E2E_TIMEOUT_MS)).width).toBeGreaterThan(0);
    // Both ends of the pair in use are relay candidates: the media goes through coturn, not host to host.
    const pairs = await pollUntil(() => selectedPairs(page), (p) => p.length > 0, "a selected candidate pair");
    expect(pairs).toEqual([{ state: "succeeded", local: "relay", remote: "relay" }]);
  }
  // coturn saw an allocation for each page's member (username = "<expiry>:<member id>").
  const allocated = new Set([...turn.output().matchAll(/realm <deskmap> user <(\d+:[0-9a-f]+)>: incoming packet ALLOCATE processed, success/g)].map((m) => m[1]));
  expect(allocated.size).toBe(2);
  const verdict = await checkVerdict(b.page);
  expect(verdict).toMatch(/^Calls should work, even through strict firewalls \(a relay is available\)\. Found 0 local, 0 public \(STUN\) and [1-9]\d* relay \(TURN\)/);
  for (const p of pages) expect(p.errors).toEqual([]);
});

test("with a TURN_SECRET coturn does not share, the relay-only call cannot connect and the connection check says why", async () => {
  server = await startTestServer({ TURN_URLS: turn.url, TURN_SECRET: "not-the-secret-coturn-was-given" });
  const a = await relayOnlyPage(server.url);
  const b = await relayOnlyPage(server.url);
  await joinOffice(a.page, "Uma Wrong");
  await joinOffice(b.page, "Vic Wrong");
  await waitTiles(a.page, ["Vic Wrong"]);
  const verdict = await checkVerdict(a.page);
  expect(verdict).toContain("Calls may not work on this network: a test connection failed.");
  expect(verdict).toContain("0 relay (TURN) addresses.");
  expect(verdict).toContain(
    `Why: the TURN relay turn:127.0.0.1:${turn.port} refused this server's credentials (401 Unauthorized): TURN_SECRET does not match coturn's static-auth-secret`,
  );
  // Nothing connected meanwhile: no relay, no call.
  expect(await selectedPairs(a.page)).toEqual([]);
  expect(await selectedPairs(b.page)).toEqual([]);
  for (const p of pages) expect(p.errors.filter((e) => e.startsWith("pageerror"))).toEqual([]);
});
