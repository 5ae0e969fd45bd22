import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../e2e/browser";
import { cpuSecondsOfTree, withNewChild } from "./processCpu";

/**
 * A Chromium of its own whose blank page holds WebRTC connections that a
 * benchmark drives (a stage speaker's, or its listeners'): the fake camera and
 * microphone at 640×480, the page's connections kept in `window.__pcs`, and
 * the browser's pid, so its CPU time is measured apart from everything else.
 */

export interface BenchBrowser {
  browser: Browser;
  page: Page;
  /** CPU seconds (user + system) of the whole browser process tree so far. */
  cpuSeconds(): number;
  close(): Promise<void>;
}

// Raw host addresses in candidates: a page that has not opened a camera would hide them behind mDNS names.
const FLAGS = ["--disable-features=WebRtcHideLocalIpsWithMdns"];

export async function openBenchBrowser(title: string): Promise<BenchBrowser> {
  // getUserMedia needs a secure context: a blank page from loopback is one.
  const http = createServer((_req, res) => res.end(`<!doctype html><title>${title}</title>`));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { value: browser, pid } = await withNewChild(() => launchBrowser(FLAGS));
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
  await page.evaluate(async () => {
    const w = window as unknown as { __pcs: RTCPeerConnection[]; __stream: MediaStream };
    w.__pcs = [];
    w.__stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
  });
  return {
    browser,
    page,
    cpuSeconds: () => cpuSecondsOfTree(pid),
    async close() {
      await browser.close();
      http.close();
    },
  };
}

export interface Outbound {
  /** bytesSent of every outbound-rtp stream of the page's connections (audio and video). */
  bytes: number;
  resolutions: string[];
  fps: number[];
}

/** What the page's connections have sent so far (getStats outbound-rtp). */
export function outbound(page: Page): Promise<Outbound> {
  return page.evaluate(async () => {
    let bytes = 0;
    const resolutions: string[] = [];
    const fps: number[] = [];
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      (await pc.getStats()).forEach((s) => {
        if (s.type !== "outbound-rtp") return;
        bytes += s.bytesSent ?? 0;
        if (s.kind !== "video") return;
        if (s.frameWidth) resolutions.push(`${s.frameWidth}x${s.frameHeight}`);
        if (s.framesPerSecond) fps.push(s.framesPerSecond);
      });
    }
    return { bytes, resolutions, fps };
  });
}

export interface Window {
  upKbps: number;
  resolution: string;
  fps: number;
  /** The browser's CPU, % of one core over the window. */
  cpuPercent: number;
  /** The same for each of `others` (a media server, the benchmark process). */
  othersCpu: Record<string, number>;
  seconds: number;
}

/** Measures the page's upstream and its browser's CPU over `seconds`, and the CPU of `others` (CPU-seconds counters) over the same window. */
export async function measureUpstream(bench: BenchBrowser, seconds: number, others: Record<string, () => number> = {}): Promise<Window> {
  const read = () => Object.fromEntries(Object.entries(others).map(([k, f]) => [k, f()]));
  const a = await outbound(bench.page);
  const cpuA = bench.cpuSeconds();
  const othersA = read();
  const t0 = Date.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const b = await outbound(bench.page);
  const cpuB = bench.cpuSeconds();
  const othersB = read();
  const wall = (Date.now() - t0) / 1000;
  return {
    othersCpu: Object.fromEntries(Object.keys(others).map((k) => [k, ((othersB[k] - othersA[k]) / wall) * 100])),
    upKbps: ((b.bytes - a.bytes) * 8) / 1000 / wall,
    resolution: [...new Set(b.resolutions)].join(", ") || "n/a",
    fps: b.fps.reduce((x, y) => x + y, 0) / Math.max(1, b.fps.length),
    cpuPercent: ((cpuB - cpuA) / wall) * 100,
    seconds: wall,
  };
}
