import os from "node:os";
import type { P2pPoint } from "./p2pStage";
import { FULL_RATE, type FanoutPoint } from "./janusStage";
import type { MeetingRun } from "./meetingFirstFrame";
import { ratio, spread, timing } from "./mediaStats";
import { writeSections } from "./benchmarksDoc";

/** The tables bench/media.ts prints and writes into docs/benchmarks.md ("## Media server"). */

/** Each written only by a run that measured it, so a quick `--only` run leaves the other alone. */
export const STAGE_HEADING = "## Media server: a stage speaker as the audience grows";
export const FIRST_FRAME_HEADING = "## Media server: first frame walking into a meeting room";

const n0 = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "n/a");

export function janusTable(points: FanoutPoint[]): string {
  const rows = points.map(
    (p) =>
      `| ${p.listeners} | ${p.receiving} | ${p.fullRate} | ${n0(p.speaker.upKbps)} | ${p.speaker.resolution} @ ${p.speaker.fps.toFixed(0)} fps | ${n0(p.speaker.cpuPercent)} | ${n0(p.speaker.othersCpu.janus)} | ${n0(p.speaker.othersCpu.bench)} | ${n0(p.listenerKbps)} / ${n0(p.listenerKbpsP10)} |`,
  );
  return [
    `| listeners | receiving | at ≥ ${FULL_RATE * 100} % of the sent rate | speaker upstream kbps | sent video | speaker browser CPU % | Janus CPU % | room + listeners CPU % | received per listener kbps, median / p10 |`,
    "|---:|---:|---:|---:|:---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

export function p2pTable(points: P2pPoint[]): string {
  const rows = points.map(
    (p) =>
      `| ${p.listeners} | ${p.connected} | ${n0(p.speaker.upKbps)} | ${n0(p.speaker.upKbps / p.listeners)} | ${p.linkKbps} | ${p.speaker.resolution} @ ${p.speaker.fps.toFixed(0)} fps | ${n0(p.speaker.cpuPercent)} | ${n0(p.speaker.othersCpu.listenersBrowser)} |`,
  );
  return [
    "| listeners | links connected | speaker upstream kbps | per listener kbps | video bound per link kbps | sent video | speaker browser CPU % | listeners' browser CPU % |",
    "|---:|---:|---:|---:|---:|:---:|---:|---:|",
    ...rows,
  ].join("\n");
}

/** The comparison lines: how flat the Janus speaker stays, and P2P at its largest audience against Janus at its largest. */
export function stageRatios(janus: FanoutPoint[], p2p: P2pPoint[]): string[] {
  const lines: string[] = [];
  if (janus.length > 0) {
    const first = janus[0];
    const last = janus[janus.length - 1];
    lines.push(
      `Through Janus, ${first.listeners} → ${last.listeners} listeners (${ratio(last.listeners, first.listeners)} the audience): speaker upstream ${n0(first.speaker.upKbps)} → ${n0(last.speaker.upKbps)} kbps (${ratio(last.speaker.upKbps, first.speaker.upKbps)}; largest ÷ smallest over all sizes ${spread(janus.map((p) => p.speaker.upKbps))}), speaker browser CPU ${n0(first.speaker.cpuPercent)} → ${n0(last.speaker.cpuPercent)} % (${ratio(last.speaker.cpuPercent, first.speaker.cpuPercent)}), Janus CPU ${n0(first.speaker.othersCpu.janus)} → ${n0(last.speaker.othersCpu.janus)} %.`,
    );
  }
  if (p2p.length > 0) {
    const first = p2p[0];
    const last = p2p[p2p.length - 1];
    if (p2p.length > 1) {
      lines.push(
        `Peer to peer, ${first.listeners} → ${last.listeners} listeners: speaker upstream ${n0(first.speaker.upKbps)} → ${n0(last.speaker.upKbps)} kbps (${ratio(last.speaker.upKbps, first.speaker.upKbps)}), speaker browser CPU ${n0(first.speaker.cpuPercent)} → ${n0(last.speaker.cpuPercent)} % (${ratio(last.speaker.cpuPercent, first.speaker.cpuPercent)}).`,
      );
    }
    if (janus.length > 0) {
      const j = janus[janus.length - 1];
      lines.push(
        `Peer to peer at ${last.listeners} listeners ÷ Janus at ${j.listeners}: speaker upstream ${ratio(last.speaker.upKbps, j.speaker.upKbps)}, speaker browser CPU ${ratio(last.speaker.cpuPercent, j.speaker.cpuPercent)}; each P2P listener gets ${n0(last.speaker.upKbps / last.listeners)} kbps, each Janus listener ${n0(j.listenerKbps)} kbps.`,
      );
    }
  }
  return lines;
}

export function firstFrameTable(runs: MeetingRun[]): string {
  const rows: string[] = [];
  for (const run of runs) {
    const label = run.via === "janus" ? "through Janus" : "peer to peer (no media server)";
    for (const [side, samples] of [
      ["standing still", run.results.still],
      ["walking in", run.results.walker],
      ["both", [...run.results.still, ...run.results.walker]],
    ] as const) {
      const t = timing(samples);
      rows.push(`| ${label} | ${side} | ${t.n} | ${n0(t.p50)} | ${n0(t.p95)} | ${n0(t.max)} |`);
    }
  }
  return ["| path | side | samples | p50 ms | p95 ms | max ms |", "|:---|:---|---:|---:|---:|---:|", ...rows].join("\n");
}

export function firstFrameRatio(runs: MeetingRun[]): string | null {
  const both = (via: string) => {
    const run = runs.find((r) => r.via === via);
    return run ? timing([...run.results.still, ...run.results.walker]) : null;
  };
  const janus = both("janus");
  const mesh = both("mesh");
  if (!janus || !mesh) return null;
  return `Through Janus ÷ peer to peer (both sides): p50 ${ratio(janus.p50, mesh.p50)}, p95 ${ratio(janus.p95, mesh.p95)} (${n0(janus.p50)} vs ${n0(mesh.p50)} ms at p50).`;
}

export function machineLine(loadBefore: string, loadAfter: string): string {
  const cpus = os.cpus();
  return `Machine: ${cpus.length} × ${cpus[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ${os.type()} ${os.release()}, Debian's Chromium and Janus. \`uptime\` before: ${loadBefore}; after: ${loadAfter} (the 2 cores are shared with other sessions' browser tests; every process of the benchmark runs on the same machine).`;
}

export interface RunInfo {
  command: string;
  minutes: number;
  loadBefore: string;
  loadAfter: string;
}

function header(heading: string, run: RunInfo): string[] {
  return [heading, "", `Command: \`${run.command}\` (the whole run ${run.minutes.toFixed(1)} min). ${machineLine(run.loadBefore, run.loadAfter)}`];
}

/** Writes the sections of what this run measured into docs/benchmarks.md. */
export async function writeMediaSections(run: RunInfo, stage: { janus: FanoutPoint[]; p2p: P2pPoint[]; notes: string[] } | null, firstFrame: MeetingRun[] | null): Promise<void> {
  const sections: Array<[string, string]> = [];
  if (stage) {
    const parts = header(STAGE_HEADING, run);
    parts.push("", ...stage.notes.map((n) => `- ${n}`));
    parts.push("", "**Through Janus** (speaker: a Chromium page of its own with the fake camera; listeners: werift room clients subscribing through the room):", "", janusTable(stage.janus));
    parts.push("", "**Peer to peer** (today's stage: one connection per listener, video bounded by upstreamBudget; listeners in a second Chromium):", "", p2pTable(stage.p2p));
    parts.push("", ...stageRatios(stage.janus, stage.p2p).map((l) => `- ${l}`));
    sections.push([STAGE_HEADING, `${parts.join("\n")}\n`]);
  }
  if (firstFrame) {
    const parts = header(FIRST_FRAME_HEADING, run);
    parts.push("", firstFrameTable(firstFrame));
    const line = firstFrameRatio(firstFrame);
    if (line) parts.push("", `- ${line}`);
    sections.push([FIRST_FRAME_HEADING, `${parts.join("\n")}\n`]);
  }
  await writeSections(sections);
}
