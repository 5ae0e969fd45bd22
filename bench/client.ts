import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { ensureBuilt, joinOffice, launchBrowser, openPage, pollUntil, ROOT, startTestServer } from "../e2e/browser";
import { deprioritise, startTs, type RunningChild } from "./roomProcesses";
import { writeSection } from "./clientReport";

/**
 * `npm run bench:client`: the production client in headless Chromium against a
 * local server, with bots (scripts/bots, own process) standing and walking
 * around the viewer so that 50, then 200 avatars are on screen. Frame times
 * come from requestAnimationFrame deltas in the page, with Phaser's default
 * renderer (WebGL, here SwiftShader: software), with ?renderer=canvas (baked
 * tile chunks, the default without a GPU) and the canvas renderer drawing
 * tiles one by one (?tilechunks=off).
 * Also records the first load: gzip size of what the first screen fetches,
 * and time to the first frame on loopback. Writes docs/benchmarks.md
 * "## Client frame times" and "## First load".
 */

const MEASURE_MS = Number(process.env.MEASURE_MS ?? 8000);
const SETTLE_MS = 3000;
/** Avatars wanted on screen; a tenth more bots run, since a few are always walking at the view's edge. */
const SIZES = [50, 200];
const ROAM_TILES = 4;
/** How the page draws: the two renderers, and the canvas renderer without baked tile chunks for comparison. */
export const VARIANTS = [
  { name: "webgl", query: "?renderer=webgl" },
  { name: "canvas", query: "?renderer=canvas" },
  { name: "canvas-tiles", query: "?renderer=canvas&tilechunks=off" },
] as const;
const started = Date.now();
const log = (message: string) => console.log(`[bench:client +${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);

export interface FrameResult {
  renderer: string;
  /** Bots running, and avatars wanted on screen. */
  avatars: number;
  wanted: number;
  onScreen: number;
  frames: number;
  fps: number;
  p50: number;
  p95: number;
  p99: number;
  over33: number;
  /** Main-thread busy time per frame (ms), and as a share of the window. */
  busyMsPerFrame: number;
  busyShare: number;
}

/**
 * rAF deltas for `ms` in the page, plus how many remote avatars are streamed and on screen.
 * Sent as source text: tsx would wrap functions handed to page.evaluate in a helper the page lacks.
 */
const MEASURE_SOURCE = `async (duration) => {
  const hook = window.__deskmap;
  const deltas = [];
  await new Promise((resolve) => {
    let last = performance.now();
    const end = last + duration;
    function frame(now) {
      deltas.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else resolve();
    }
    requestAnimationFrame(frame);
  });
  const onScreen = hook.members().filter((m) => {
    if (m.located === false || !Number.isFinite(m.x)) return false;
    const p = hook.clientPointOf({ x: m.x, y: m.y });
    return p !== null && p.x >= 0 && p.y >= 0 && p.x <= innerWidth && p.y <= innerHeight;
  }).length - 1;
  deltas.shift();
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const total = deltas.reduce((a, b) => a + b, 0);
  return {
    onScreen,
    frames: deltas.length,
    fps: (deltas.length / total) * 1000,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    over33: deltas.filter((d) => d > 33.4).length / Math.max(1, deltas.length),
  };
}`;

type Measured = Omit<FrameResult, "renderer" | "avatars" | "wanted">;

/**
 * Frame times, plus how busy the page's main thread was meanwhile (Chromium's
 * TaskDuration: script, style, and the canvas's rasterisation at commit). The
 * frame rate cannot show headroom past 60 fps; busy time per frame can.
 */
async function measureFrames(page: Page, ms: number): Promise<Measured> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const taskSeconds = async () =>
    ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? NaN) as number;
  const before = await taskSeconds();
  const frames = (await page.evaluate(`(${MEASURE_SOURCE})(${Number(ms)})`)) as Omit<Measured, "busyMsPerFrame" | "busyShare">;
  const busy = (await taskSeconds()) - before;
  await cdp.detach();
  return { ...frames, busyMsPerFrame: (busy * 1000) / Math.max(1, frames.frames), busyShare: busy / (ms / 1000) };
}

/** What the first screen fetches: index.html and the scripts and styles it names, raw and gzipped. */
async function firstScreenBytes(): Promise<{ files: Array<{ file: string; raw: number; gzip: number }>; raw: number; gzip: number }> {
  const dir = path.join(ROOT, "dist/client");
  const html = await readFile(path.join(dir, "index.html"), "utf8");
  const names = ["index.html", ...[...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1])];
  const files = [];
  for (const file of names) {
    const bytes = await readFile(path.join(dir, file));
    files.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return { files, raw: files.reduce((n, f) => n + f.raw, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) };
}

async function main(): Promise<void> {
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`);
  await ensureBuilt();
  const bundle = await firstScreenBytes();
  log(`first screen: ${(bundle.gzip / 1024).toFixed(0)} KB gzip (${(bundle.raw / 1024).toFixed(0)} KB raw)`);
  // Every bot joins as a guest from 127.0.0.1: the per-address guest limit (60 per 10 minutes) would refuse the 221st.
  const server = await startTestServer({ GUESTS_PER_ADDRESS: "0" });
  const browser = await launchBrowser();
  const results: FrameResult[] = [];
  let bots: RunningChild | null = null;
  try {
    // First load: navigation to the join page's first paint, and joining to the office's first frame.
    const first = await openPage(browser, server.url);
    const paint = await first.page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return { domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN, load: nav?.loadEventEnd ?? NaN, firstPaint: fcp?.startTime ?? NaN };
    });
    const joinStart = Date.now();
    await joinOffice(first.page, "First load");
    await pollUntil(() => first.page.evaluate(() => (window as unknown as { __deskmap?: { selfPosition(): unknown } }).__deskmap?.selfPosition() ?? null), Boolean, "the office to draw");
    await first.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const joinToFrame = Date.now() - joinStart;
    await first.context.close();
    log(`first paint ${paint.firstPaint.toFixed(0)} ms, load ${paint.load.toFixed(0)} ms, join → first office frame ${joinToFrame} ms`);

    for (const count of SIZES) {
      await bots?.stop();
      const botCount = Math.ceil(count * 1.1);
      log(`${botCount} bots around the spawn…`);
      bots = deprioritise(
        await startTs("scripts/bots/cli.ts", [
          "--url", server.url, "--count", String(botCount), "--roam", String(ROAM_TILES), "--probes", "0", "--report", "5",
          "--leave-chance", "0", "--ramp", "50", "--prefix", "Walker",
        ], {}),
      );
      for (const { name: renderer, query } of VARIANTS) {
        const viewer = await openPage(browser, `${server.url}/${query}`);
        // Software rendering with 200 people is slow to even show the join result.
        viewer.page.setDefaultTimeout(120_000);
        try {
          await viewer.page.setViewportSize({ width: 1280, height: 800 });
          await joinOffice(viewer.page, `Viewer ${renderer}`);
          await pollUntil(
            () => viewer.page.evaluate("window.__deskmap.members().filter((m) => m.located !== false).length") as Promise<number>,
            (n) => n >= count,
            `${count} avatars streamed to the viewer`,
            120_000,
          );
          // Steady state: the first seconds after joining paint everyone's name tag and bake the map around.
          await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
          const r = await measureFrames(viewer.page, MEASURE_MS);
          results.push({ renderer, avatars: botCount, wanted: count, ...r });
          log(`  ${renderer}: ${r.onScreen} on screen, ${r.fps.toFixed(1)} fps, frame p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms, main thread ${r.busyMsPerFrame.toFixed(1)} ms/frame (${(r.busyShare * 100).toFixed(0)} % busy)`);
        } catch (err) {
          // Record the failure in the table rather than lose the other measurements.
          log(`  ${renderer}: failed: ${err instanceof Error ? err.message.split("\n")[0] : err}`);
          results.push({ renderer, avatars: botCount, wanted: count, onScreen: NaN, frames: 0, fps: NaN, p50: NaN, p95: NaN, p99: NaN, over33: NaN, busyMsPerFrame: NaN, busyShare: NaN });
        } finally {
          await viewer.context.close();
        }
      }
    }
    await writeSection({ results, bundle, paint, joinToFrame, measureMs: MEASURE_MS, settleMs: SETTLE_MS, roamTiles: ROAM_TILES });
    log("wrote docs/benchmarks.md (## Client frame times, ## First load)");
  } finally {
    await bots?.stop();
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
