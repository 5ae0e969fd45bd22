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
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

export async function writeSection(run: ClientRun): Promise<void> {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}, Debian's Chromium headless; load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")} at the end`;
  const frames = [
    "## Client frame times",
    "",
    `Command: \`npm run bench:client\`. Machine: ${machine}. Headless Chromium renders without a GPU (WebGL through SwiftShader, i.e. on the CPU), on the same 2 cores as the server and the bots, so absolute numbers are pessimistic; what matters is how they change with the number of avatars.`,
    "",
    `Bots (own process) walk, pause and gather within 5 tiles of the spawn, where the viewer (1280×800 window) joins; frame times are requestAnimationFrame deltas over ${run.measureMs / 1000} s. Off-screen avatars are culled and released sprites pooled (client/systems/RemoteAvatars.ts, AvatarFactory.ts).`,
    "",
    "| renderer | bots | on screen | frames | fps | frame p50 / p95 / p99 ms | frames > 33 ms |",
    "|:---|---:|---:|---:|---:|---:|---:|",
    ...run.results.map(
      (r) => `| ${r.renderer === "canvas" ? "canvas (?renderer=canvas; the default without a GPU)" : "WebGL (?renderer=webgl; the default with a GPU)"} | ${r.avatars} | ${r.onScreen} | ${r.frames} | ${f(r.fps)} | ${f(r.p50)} / ${f(r.p95)} / ${f(r.p99)} | ${f(r.over33 * 100, 0)} % |`,
    ),
    "",
    "The page picks its renderer (client/scenes/chooseRenderer.ts): WebGL where the browser has a GPU, the canvas renderer where its WebGL is a software rasteriser, as here, since that draws this map several times faster on a CPU. The 60 fps target with 200 avatars on screen needs a GPU-backed browser to check; this machine has none.",
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
