import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { deprioritise, freePort, startTs, type RunningChild } from "./roomProcesses";
import { type StageResult, writeRoomLoadSection, formatTable } from "./roomReport";

/**
 * `npm run bench:room`: a real server process (METRICS=1) and bot processes
 * (scripts/bots, never in the server's event loop) at 100, 500, 1,000 and
 * 2,000 people in one space, with interest management on, then the same loads
 * with it off. Prints progress and a table, and writes docs/benchmarks.md
 * "## Room load".
 */

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100,500,1000,2000" },
    "off-sizes": { type: "string", default: "100,500,1000" },
    window: { type: "string", default: "15" },
    "no-write": { type: "boolean", default: false },
    // The campus (8 offices, 140 × 184 tiles) has room for a crowd; maps/office.json is a team's office.
    map: { type: "string", default: "maps/campus.json" },
  },
});
const sizes = values.sizes!.split(",").filter(Boolean).map(Number);
const offSizes = values["off-sizes"]!.split(",").filter(Boolean).map(Number);
const windowS = Number(values.window);
const started = Date.now();
const log = (message: string) => console.log(`[bench:room +${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);

interface BotsLine {
  at: string;
  connected: number;
  downRates: number[];
  selfEchoSamples: number[];
  probeEchoSamples: number[];
  joinFailures: number;
  lastFailure: string;
}

interface Metrics {
  process: { cpuPercent: number; rssBytes: number };
  rooms: Array<{ members: number; tickMs: { p50: number; p99: number; count: number }; tickCpuMs: { p50: number; p99: number }; patchMs: { p50: number; p99: number } }>;
}

async function metrics(url: string, reset = false): Promise<Metrics> {
  const response = await fetch(`${url}/api/metrics${reset ? "?reset=1" : ""}`);
  if (!response.ok) throw new Error(`metrics: ${response.status}`);
  return (await response.json()) as Metrics;
}

const botsLines = (proc: RunningChild): BotsLine[] =>
  proc.lines.filter((l) => l.startsWith("BOTS ")).map((l) => JSON.parse(l.slice(5)) as BotsLine);

/** How long a stage may take to fill, and how long without a new member counts as full. */
const JOIN_CAP_MS = 6 * 60_000;
const JOIN_STALL_MS = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function startServer(interest: boolean): Promise<{ url: string; proc: RunningChild; dataDir: string }> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "deskmap-bench-"));
  const proc = await startTs(
    "bench/roomServer.ts",
    [],
    {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      METRICS: "true",
      INTEREST_MANAGEMENT: String(interest),
      MAP_PATH: values.map!,
      LOG_LEVEL: "error",
      MONGODB_URI: "",
      PUBLIC_URL: "",
      REDIS_URL: "",
    },
    /^ready \d+/,
  );
  running.add(proc);
  return { url: `http://127.0.0.1:${port}`, proc, dataDir };
}

async function stage(url: string, count: number, interest: boolean): Promise<StageResult> {
  // One process per 500 bots. Every bot holds the whole member list, as a browser does; a process of a
  // thousand such clients fell behind the server's heartbeats at ~1,760 in the room and lost 600
  // connections at once, where four of 500 fill more slowly but hold.
  const processes = Math.max(1, Math.ceil(count / 500));
  const per = Math.ceil(count / processes);
  log(`${count} bots (interest ${interest ? "on" : "off"}) in ${processes} process(es): joining…`);
  const bots: RunningChild[] = [];
  // The echo probes get a process of their own: behind 500 other clients in one event loop they
  // would measure how late the load generator reads its messages, not how fast the office answers.
  // They join first, so the empty room gives them neighbouring spawn points.
  const probes = await startTs("scripts/bots/cli.ts", ["--url", url, "--count", "0", "--json", "--report", "1", "--probes", "2", "--prefix", "P"], {});
  running.add(probes);
  bots.push(probes);
  const probesDeadline = Date.now() + 20_000;
  while (Date.now() < probesDeadline && !((botsLines(probes).at(-1) as { probesVisible?: number } | undefined)?.probesVisible)) await sleep(250);
  for (let i = 0; i < processes; i++) {
    bots.push(
      deprioritise(
        await startTs("scripts/bots/cli.ts", [
          "--url", url, "--count", String(Math.min(per, count - i * per)), "--json", "--report", "5",
          "--ramp", "100", "--probes", "0", "--prefix", `B${i}`,
        ], {}),
      ),
    );
    running.add(bots[bots.length - 1]);
  }

  try {
    // Wait while people keep arriving: until nearly all are in, or the room has stopped filling
    // (no new member for JOIN_STALL_MS), or the hard cap; the table shows how many got in.
    const joinCap = Date.now() + JOIN_CAP_MS;
    let connected = 0;
    let members = 0;
    let lastGain = Date.now();
    while (Date.now() < joinCap && Date.now() - lastGain < JOIN_STALL_MS) {
      await sleep(2500);
      connected = bots.reduce((n, b) => n + (botsLines(b).at(-1)?.connected ?? 0), 0);
      const inRoom = (await metrics(url)).rooms[0]?.members ?? 0;
      if (inRoom > members) lastGain = Date.now();
      members = Math.max(members, inRoom);
      log(`  ${connected}/${count} bots connected, ${inRoom} in the room`);
      if (connected >= count * 0.97) break;
    }
    await sleep(5000);
    await metrics(url, true);
    const windowStart = Date.now();
    log(`  measuring for ${windowS} s…`);
    await sleep(windowS * 1000);
    const m = await metrics(url);
    // Bot reports are per 5 s; take those that ended inside the window (plus the next one).
    await sleep(5500);
    const lines = bots.flatMap((b) => botsLines(b).filter((l) => Date.parse(l.at) > windowStart + 2000));
    const rates = lines.flatMap((l) => l.downRates);
    const echo = lines.flatMap((l) => l.probeEchoSamples);
    const selfEcho = lines.flatMap((l) => l.selfEchoSamples);
    const room = m.rooms[0];
    const failures = bots.reduce((n, b) => n + (botsLines(b).at(-1)?.joinFailures ?? 0), 0);
    const result: StageResult = {
      count,
      interest,
      connected: room?.members ?? 0,
      tickP50: room?.tickMs.p50 ?? NaN,
      tickP99: room?.tickMs.p99 ?? NaN,
      tickCpuP50: room?.tickCpuMs.p50 ?? NaN,
      tickCpuP99: room?.tickCpuMs.p99 ?? NaN,
      patchP50: room?.patchMs.p50 ?? NaN,
      patchP99: room?.patchMs.p99 ?? NaN,
      cpuPercent: m.process.cpuPercent,
      rssMb: m.process.rssBytes / 2 ** 20,
      downMedian: percentile(rates, 0.5),
      downP95: percentile(rates, 0.95),
      echoP50: percentile(echo, 0.5),
      echoP95: percentile(echo, 0.95),
      echoSamples: echo.length,
      selfEchoP50: percentile(selfEcho, 0.5),
      selfEchoP95: percentile(selfEcho, 0.95),
      joinFailures: failures,
    };
    log(`  ${formatTable([result]).split("\n").at(-1)}`);
    if (failures) log(`  join failures: ${failures} (last: ${bots.map((b) => botsLines(b).at(-1)?.lastFailure).find(Boolean)})`);
    return result;
  } finally {
    await Promise.all(bots.map((b) => b.stop()));
    for (const b of bots) running.delete(b);
    // Let the room empty before the next stage.
    for (let i = 0; i < 40; i++) {
      const room = (await metrics(url).catch(() => undefined))?.rooms[0];
      if (!room || room.members === 0) break;
      await sleep(500);
    }
  }
}

/** Children to stop if the bench is interrupted. */
const running = new Set<RunningChild>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void Promise.all([...running].map((c) => c.stop())).finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  const load = os.loadavg().map((n) => n.toFixed(1)).join(" ");
  log(`map: ${values.map}`);
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${load}`);
  const results: StageResult[] = [];
  for (const interest of [true, false]) {
    const list = interest ? sizes : offSizes;
    if (list.length === 0) continue;
    const server = await startServer(interest);
    log(`server up at ${server.url} (INTEREST_MANAGEMENT=${interest})`);
    try {
      for (const count of list) results.push(await stage(server.url, count, interest));
    } finally {
      await server.proc.stop();
      await rm(server.dataDir, { recursive: true, force: true });
    }
  }
  console.log(`\n${formatTable(results)}\n`);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (!values["no-write"]) {
    await writeRoomLoadSection(results, { loadAverage: load, minutes, map: values.map!, command: `npm run bench:room${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(" ")}` : ""}` });
    log("wrote docs/benchmarks.md (## Room load)");
  }
  log(`done in ${minutes} min`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
