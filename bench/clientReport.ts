import os from "node:os";
import { writeSections } from "./benchmarksDoc";
import type { FrameResult } from "./client";

/** Writes bench/client.ts's figures into docs/benchmarks.md ("## Client frame times", "## First load"). */

interface ClientRun {
  results: FrameResult[];
  bundle: { files: Array<{ file: string; raw: number; gzip: number }>; raw: number; gzip: number };
  paint: { domContentLoaded: number; load: number; firstPaint: number };
  joinToFrame: number;
  measureMs: number;
  settleMs: number;
  roamTiles: number;
}

const VARIANT_LABELS: Record<string, string> = {
  webgl: "WebGL (?renderer=webgl; the default with a GPU)",
  canvas: "canvas, baked tile chunks (the default without a GPU)",
  "canvas-tiles": "canvas, tiles one by one (?tilechunks=off)",
};

/** The sentence on the 60 fps target, from the default renderer's run with the most avatars. */
function verdict(results: FrameResult[]): string {
  const runs = results.filter((r) => r.renderer === "canvas" && Number.isFinite(r.fps));
  const biggest = runs.sort((a, b) => b.wanted - a.wanted)[0];
  if (!biggest) return "The default renderer's run failed; see the log.";
  const met = biggest.fps >= 59 && biggest.onScreen >= biggest.wanted;
  return `Target 60 fps with ${biggest.wanted} avatars on screen, with what this machine's browser gets by default (the canvas renderer): ${met ? "met" : "not met"}, ${f(biggest.fps)} fps with ${biggest.onScreen} on screen (frame p95 ${f(biggest.p95)} ms), the page's main thread busy ${f(biggest.busyMsPerFrame)} ms of each 16.7 ms frame.`;
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

export async function writeSection(run: ClientRun): Promise<void> {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}, Debian's Chromium headless; load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")} at the end`;
  const frames = [
    "## Client frame times",
    "",
    `Command: \`npm run bench:client\`. Machine: ${machine}. Headless Chromium renders without a GPU (WebGL through SwiftShader, i.e. on the CPU), on the same 2 cores as the server and the bots, so absolute numbers are pessimistic; what matters is how they change with the number of avatars.`,
    "",
    `Bots (own process at nice 10, so the page and the server get the cores first; a tenth more than the avatars wanted on screen) walk, pause and gather within ${run.roamTiles} tiles of the spawn, where the viewer (1280×800 window, zoom 2) joins; frame times are requestAnimationFrame deltas over ${run.measureMs / 1000} s, starting ${run.settleMs / 1000} s after the viewer has everyone in view (steady state, not the join), so 60 fps is the ceiling. Off-screen avatars are culled and released sprites pooled (client/systems/RemoteAvatars.ts, AvatarFactory.ts); with the canvas renderer the tile layers are baked into 512-px chunk images (client/systems/TileChunks.ts) and labels are sampled nearest (client/systems/labelFilter.ts).`,
    "",
    "| renderer | bots | on screen | frames | fps | frame p50 / p95 / p99 ms | frames > 33 ms | main thread ms per frame (busy) |",
    "|:---|---:|---:|---:|---:|---:|---:|---:|",
    ...run.results.map(
      (r) => `| ${VARIANT_LABELS[r.renderer] ?? r.renderer} | ${r.avatars} | ${r.onScreen} | ${r.frames} | ${f(r.fps)} | ${f(r.p50)} / ${f(r.p95)} / ${f(r.p99)} | ${f(r.over33 * 100, 0)} % | ${f(r.busyMsPerFrame)} (${f(r.busyShare * 100, 0)} %) |`,
    ),
    "",
    "The page picks its renderer (client/scenes/chooseRenderer.ts): WebGL where the browser has a GPU, the canvas renderer where its WebGL is a software rasteriser, as here, since that draws this map several times faster on a CPU. WebGL with a real GPU cannot be measured on this machine (it has none); the WebGL rows are SwiftShader.",
    "",
    verdict(run.results),
    "",
  ].join("\n");
  const first = [
    "## First load",
    "",
    `Command: \`npm run bench:client\` (same run). The production build (scripts/build.mjs: minified, source maps, content-hashed file names for long caching). What the first screen fetches, gzip -9:`,
    "",
    "| file | raw KB | gzip KB |",
    "|:---|---:|---:|",
    ...run.bundle.files.map((b) => `| ${b.file} | ${f(b.raw / 1024, 0)} | ${f(b.gzip / 1024, 0)} |`),
    `| **total** | ${f(run.bundle.raw / 1024, 0)} | **${f(run.bundle.gzip / 1024, 0)}** |`,
    "",
    `Target ≤ 500 KB gzip for the first screen: ${run.bundle.gzip <= 500 * 1024 ? "met" : "not met"}. On loopback: first contentful paint ${f(run.paint.firstPaint, 0)} ms, load event ${f(run.paint.load, 0)} ms after navigation; from pressing "Join as guest" to the first frame of the office ${run.joinToFrame} ms (map fetch, tileset decode, room join).`,
    "",
  ].join("\n");
  await writeSections([
    ["## Client frame times", frames],
    ["## First load", first],
  ]);
}
