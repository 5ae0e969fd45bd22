import os from "node:os";
import path from "node:path";
import { writeSections } from "./benchmarksDoc";

/** The Room load table: formatting and writing it into docs/benchmarks.md. */

export interface StageResult {
  count: number;
  interest: boolean;
  /** People in the room during the measurement (bots, plus two probe pairs). */
  connected: number;
  tickP50: number;
  tickP99: number;
  tickCpuP50: number;
  tickCpuP99: number;
  patchP50: number;
  patchP99: number;
  cpuPercent: number;
  rssMb: number;
  downMedian: number;
  downP95: number;
  echoP50: number;
  echoP95: number;
  echoSamples: number;
  selfEchoP50: number;
  selfEchoP95: number;
  joinFailures: number;
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const kb = (bytes: number) => f(bytes / 1024, 2);

export function formatTable(results: StageResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.count} | ${r.interest ? "on" : "off"} | ${r.connected} | ${f(r.tickP50, 2)} / ${f(r.tickP99, 2)} | ${f(r.tickCpuP50, 2)} / ${f(r.tickCpuP99, 2)} | ${f(r.patchP50, 2)} / ${f(r.patchP99, 2)} | ${f(r.cpuPercent, 0)} | ${f(r.rssMb, 0)} | ${kb(r.downMedian)} / ${kb(r.downP95)} | ${f(r.echoP50, 0)} / ${f(r.echoP95, 0)} (${r.echoSamples}) | ${f(r.selfEchoP50, 0)} / ${f(r.selfEchoP95, 0)} |`,
  );
  return [
    "| bots | interest | in room | tick p50 / p99 ms | tick CPU p50 / p99 ms | patch p50 / p99 ms | server CPU % | server RSS MB | down per client median / p95 KB/s | echo p50 / p95 ms (samples) | own-move ack p50 / p95 ms |",
    "|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

/** Interest on vs off at the same load: how many times more each costs without it. */
export function formatRatios(results: StageResult[]): string {
  const lines: string[] = [];
  for (const on of results.filter((r) => r.interest)) {
    const off = results.find((r) => !r.interest && r.count === on.count);
    if (!off) continue;
    lines.push(
      `| ${on.count} | ${f(off.downMedian / on.downMedian, 1)}× | ${f(off.tickP99 / on.tickP99, 1)}× | ${f(off.patchP99 / on.patchP99, 1)}× | ${f(off.cpuPercent / on.cpuPercent, 1)}× |`,
    );
  }
  if (lines.length === 0) return "";
  return ["| bots | down per client (median) | tick p99 | patch p99 | server CPU |", "|---:|---:|---:|---:|---:|", ...lines].join("\n");
}

/** One section per map: the bench runs on the campus (sized for a crowd) and on the team office. */
function heading(map: string): string {
  return `## Room load: ${path.basename(map)}`;
}

export async function writeRoomLoadSection(
  results: StageResult[],
  run: { loadAverage: string; minutes: string; command: string; map: string },
): Promise<void> {
  const cpus = os.cpus();
  const ratios = formatRatios(results);
  const section = [
    heading(run.map),
    "",
    `Command: \`${run.command}\` (${run.minutes} min). Machine: ${cpus.length} × ${cpus[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ${os.type()} ${os.release()}; load average at start ${run.loadAverage} (the cores are shared with other work; bots run on the same machine).`,
    "",
    `One server process (bench/roomServer.ts: the real room with MAP_PATH=${run.map}, METRICS=1, no persistence so joins measure the room) and bots in separate processes (one per 500 bots, at nice 10 so that the server under test gets the cores first, as it would with its clients on other machines) that walk with the shared path finder and send the browser's Move inputs, pause, gather, sit and leave now and then. Each stage ramps the bots in, settles 5 s, then measures a window:`,
    "- **tick**: one simulation tick (movement, zones, conversations, statuses), timed in the room by the wall clock, and in CPU time of the server process (less sensitive to other processes taking the cores); **patch**: encoding and sending the state patch and then every client's position frame (20 Hz), wall clock.",
    "- **server CPU %**: of one core, over the window; **RSS** at its end.",
    "- **down per client**: bytes each bot received per second (state patches and messages), median and p95 over bots and 5 s windows.",
    "- **echo**: a probe bot steps, another standing next to it sees the step arrive (two probe pairs in a process of their own, one clock for both ends); **own-move ack**: a load bot's Move until its own acknowledgement arrives (read by a process that runs 500 clients).",
    "",
    formatTable(results),
    "",
    ...(ratios ? ["Interest management off ÷ on at the same load:", "", ratios, ""] : []),
    "Targets at 1,000 bots on this machine: tick p99 ≤ 20 ms, down per client median ≤ 5 KB/s, echo p95 ≤ 100 ms.",
    "",
  ].join("\n");
  await writeSections([[heading(run.map), section]]);
}
