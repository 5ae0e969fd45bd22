/**
 * The media server against peer to peer (issue 19): `npm run bench:media`.
 *
 * 1. A stage speaker's upstream and CPU as the audience grows: through Janus
 *    with werift listeners that join the room and subscribe through it
 *    (bench/janusStage.ts), and today's peer-to-peer stage (bench/p2pStage.ts).
 * 2. Walking into a meeting room: time to the first remote video frame through
 *    Janus and peer to peer (bench/meetingFirstFrame.ts).
 *
 * Flags: --listeners 10,50,200 (Janus audience sizes, grown in one run),
 * --p2p 6,12,24 (peer-to-peer audience sizes), --seconds 20 (each measuring
 * window), --runs 10 (first-frame trials per path), --only stage|first-frame,
 * --no-write (print only; otherwise docs/benchmarks.md gets its section).
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { ensureBuilt, launchBrowser } from "../e2e/browser";
import { FULL_RATE, runJanusStage, type FanoutRun } from "./janusStage";
import { meetingTrials, type MeetingRun } from "./meetingFirstFrame";
import { firstFrameRatio, firstFrameTable, janusTable, p2pTable, stageRatios, writeMediaSections } from "./mediaReport";
import { runP2pStage, type P2pPoint } from "./p2pStage";

const { values } = parseArgs({
  options: {
    listeners: { type: "string", default: "10,50,200" },
    p2p: { type: "string", default: "6,12,24" },
    seconds: { type: "string", default: "20" },
    runs: { type: "string", default: "10" },
    only: { type: "string" },
    "no-write": { type: "boolean", default: false },
  },
});

const counts = (text: string) => text.split(",").filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const uptime = () => execFileSync("uptime", { encoding: "utf8" }).trim();

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const loadBefore = uptime();
  log(`uptime: ${loadBefore}`);
  let janus: FanoutRun | null = null;
  let p2p: P2pPoint[] | null = null;
  let firstFrame: MeetingRun[] | null = null;
  if (values.only !== "first-frame") {
    log(`stage through Janus, listeners ${values.listeners} (the speaker: a Chromium page with the fake camera; listeners: werift room clients)`);
    janus = await runJanusStage({ counts: counts(values.listeners!), seconds, log });
    log(`stage peer to peer, listeners ${values.p2p} (the speaker and its listeners in two Chromiums)`);
    p2p = await runP2pStage(counts(values.p2p!), seconds, log);
  }
  if (values.only !== "stage") {
    await ensureBuilt();
    const browser = await launchBrowser();
    try {
      firstFrame = [];
      for (const withJanus of [true, false]) {
        log(`first frame walking into a meeting room, ${withJanus ? "through Janus" : "peer to peer"}, ${values.runs} trials`);
        firstFrame.push(await meetingTrials(browser, withJanus, Number(values.runs), log));
      }
    } finally {
      await browser.close();
    }
  }
  const loadAfter = uptime();
  const notes = reportNotes(janus, counts(values.listeners!));
  console.log("");
  for (const note of notes) console.log(note);
  if (janus) console.log(`\nStage through Janus (speaker: Chromium page, fake camera 640x480; listeners: werift room clients):\n${janusTable(janus.points)}`);
  if (p2p) console.log(`\nStage peer to peer:\n${p2pTable(p2p)}`);
  if (janus || p2p) console.log(`\n${stageRatios(janus?.points ?? [], p2p ?? []).join("\n")}`);
  if (firstFrame) {
    console.log(`\nWalking into a meeting room, time to first remote frame:\n${firstFrameTable(firstFrame)}`);
    console.log(firstFrameRatio(firstFrame) ?? "");
    const errors = firstFrame.flatMap((r) => r.errors);
    if (errors.length > 0) console.log(`page errors: ${errors.join("; ")}`);
  }
  console.log(`\nuptime after: ${loadAfter}`);
  if (values["no-write"]) return;
  const command = ["npm run bench:media", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" ");
  const run = { command, minutes: (Date.now() - started) / 60_000, loadBefore, loadAfter };
  await writeMediaSections(run, janus && p2p ? { janus: janus.points, p2p, notes } : null, firstFrame);
  log("docs/benchmarks.md updated");
}

/** What the run reached: the largest audience where every listener received, and why a larger one was not measured. */
function reportNotes(run: FanoutRun | null, asked: number[]): string[] {
  if (!run) return [];
  const full = run.points.filter((p) => p.receiving === p.listeners);
  const largest = full.length > 0 ? Math.max(...full.map((p) => p.listeners)) : 0;
  const wanted = Math.max(...asked);
  const served = run.points.filter((p) => p.fullRate === p.listeners);
  const largestServed = served.length > 0 ? Math.max(...served.map((p) => p.listeners)) : 0;
  const notes = [
    `Largest Janus audience measured with every listener receiving: ${largest} of the ${wanted} asked for; with every listener receiving at least ${FULL_RATE * 100} % of what the speaker sent: ${largestServed}.`,
  ];
  if (run.failure) notes.push(`The Janus run ${run.failure}.`);
  for (const p of run.points.filter((q) => q.fullRate < q.listeners)) {
    notes.push(`At ${p.listeners} listeners ${p.receiving} received the speaker's media during the window, ${p.fullRate} of them at ≥ ${FULL_RATE * 100} % of the rate it was sent at (median ${p.listenerKbps.toFixed(0)} kbps of ${p.speaker.upKbps.toFixed(0)}): this machine could not carry them all at full rate.`);
  }
  return notes;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
