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
import { ensureBuilt, joinOffice, launchBrowser, openPage, pollUntil, startTestServer } from "../e2e/browser";
import { loadOfficeMap, remoteTileNames, spotsAround, walkToOneOf } from "../e2e/callsPages";
import { firstFrameTrials, position, TRIAL_TIMEOUT_MS } from "./firstFrameTrials";
import { timing } from "./mediaStats";

const TRIALS = Number(process.env.TRIALS ?? 20);

function summary(label: string, samples: number[]): string {
  const t = timing(samples);
  const f = (n: number) => `${Math.round(n)} ms`;
  return `${label}: n=${t.n} p50 ${f(t.p50)}, p95 ${f(t.p95)}, max ${f(t.max)}`;
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
    await pollUntil(() => remoteTileNames(a.page), (t) => t.length === 0, "no call at the start", TRIAL_TIMEOUT_MS);
    const { still: stillSide, walker: walkerSide } = await firstFrameTrials(a.page, b.page, {
      trials: TRIALS,
      enter: (still) => spotsAround(map, still, 1, 2),
      leave: (still, away) => [away, ...spotsAround(map, still, 6, 7)],
      log: console.log,
    });
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
