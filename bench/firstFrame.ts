/**
 * Time to first remote video frame (issue 4): `npm run bench:first-frame`.
 *
 * Real server on loopback, two Chromium pages with the fake camera. Each
 * trial the second person walks into range of the first; in each page we
 * measure, in page time, from the Conversation message that brings the other
 * person in (CallManager stamps it on arrival) to the first rendered frame of
 * their video (requestVideoFrameCallback). Then they walk apart and wait for
 * the hang-up before the next trial. Prints p50/p95/max per side.
 */
import os from "node:os";
import type { Page } from "playwright-core";
import { ensureBuilt, joinOffice, launchBrowser, openPage, pollUntil, selfPosition, startTestServer } from "../e2e/browser";
import { loadOfficeMap, remoteTileNames, spotsAround, walkToOneOf } from "../e2e/callsPages";
import type { Point } from "../shared/map/types";

const TRIALS = Number(process.env.TRIALS ?? 20);
const TIMEOUT_MS = 60_000;

interface PeerTiming {
  id: string;
  enteredAt: number | null;
  firstFrameAt: number | null;
}

function peers(page: Page): Promise<PeerTiming[]> {
  return page.evaluate(
    () => (window as unknown as { __deskmapCalls?: { peers(): PeerTiming[] } }).__deskmapCalls?.peers() ?? [],
  );
}

async function position(page: Page): Promise<Point> {
  return (await pollUntil(() => selfPosition(page), (p) => p !== null, "own position"))!;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (n: number) => `${Math.round(n)} ms`;
  return `${label}: n=${sorted.length} p50 ${f(percentile(sorted, 50))}, p95 ${f(percentile(sorted, 95))}, max ${f(sorted[sorted.length - 1])}`;
}

async function main(): Promise<void> {
  await ensureBuilt();
  const server = await startTestServer({ LOG_LEVEL: "error" });
  const browser = await launchBrowser();
  const map = loadOfficeMap();
  try {
    const a = await openPage(browser, server.url);
    const b = await openPage(browser, server.url);
    await joinOffice(a.page, "Ada Still");
    await joinOffice(b.page, "Bo Walker");
    // B starts out of range.
    await walkToOneOf(b.page, spotsAround(map, await position(a.page), 6, 7));
    await pollUntil(() => remoteTileNames(a.page), (t) => t.length === 0, "no call at the start", TIMEOUT_MS);
    const stillSide: number[] = [];
    const walkerSide: number[] = [];
    for (let trial = 1; trial <= TRIALS; trial++) {
      const away = await position(b.page);
      await walkToOneOf(b.page, spotsAround(map, await position(a.page), 1, 2));
      const [ta, tb] = await Promise.all(
        [a.page, b.page].map((page) =>
          pollUntil(() => peers(page), (p) => p.length === 1 && p[0].firstFrameAt !== null, "first frame", TIMEOUT_MS),
        ),
      );
      stillSide.push(ta[0].firstFrameAt! - ta[0].enteredAt!);
      walkerSide.push(tb[0].firstFrameAt! - tb[0].enteredAt!);
      console.log(`trial ${trial}: ${Math.round(stillSide.at(-1)!)} ms (still), ${Math.round(walkerSide.at(-1)!)} ms (arriving)`);
      await walkToOneOf(b.page, [away, ...spotsAround(map, await position(a.page), 6, 7)]);
      await Promise.all(
        [a.page, b.page].map((page) => pollUntil(() => peers(page), (p) => p.length === 0, "hang-up", TIMEOUT_MS)),
      );
    }
    const errors = [...a.errors, ...b.errors];
    console.log(`\nTime to first remote video frame, ${TRIALS} trials on loopback (${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}):`);
    console.log(summary("person standing still", stillSide));
    console.log(summary("person walking in", walkerSide));
    console.log(summary("both", [...stillSide, ...walkerSide]));
    if (errors.length > 0) console.log(`page errors: ${errors.join("; ")}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
