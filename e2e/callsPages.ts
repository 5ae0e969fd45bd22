import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { findPath } from "../shared/map/findPath";
import { tileFeet, tileOf } from "../shared/map/grid";
import { parseMap } from "../shared/map/parseMap";
import type { OfficeMap, Point } from "../shared/map/types";
import type { Stage } from "../shared/meetups/stageLayout";
import { pointInZone } from "../shared/map/zones";
import { hasArrived } from "../shared/rules/followPath";
import { footBlocked } from "../shared/rules/movement";
import { ROOT, pollUntil, selfPosition } from "./browser";

/**
 * Page helpers for the call tests and the first-frame benchmark: walking by
 * click to a chosen spot, and reading the video strip and its media.
 */

export function loadOfficeMap(): OfficeMap {
  return parseMap(JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8")));
}

/** Reachable spots between minTiles and maxTiles from `from`, nearest first, preferring horizontal moves (the strip sits at the top). */
export function* spotsAround(map: OfficeMap, from: Point, minTiles: number, maxTiles = minTiles + 4): Generator<Point> {
  const here = tileOf(map, from);
  for (let d = minTiles; d <= maxTiles; d++) {
    for (const [dx, dy] of [[d, 0], [-d, 0], [d, 1], [-d, 1], [d, -1], [-d, -1], [d, 2], [-d, 2], [0, d], [0, -d]]) {
      const route = findPath(map, from, tileFeet(map, here.tx + dx, here.ty + dy));
      if (!route || route.length === 0) continue;
      const end = route[route.length - 1];
      if (Math.hypot(end.x - from.x, end.y - from.y) >= minTiles * map.tileSize) yield end;
    }
  }
}

/**
 * Where on screen a map point is, when the map canvas (not a panel or the
 * video strip) is what a click there hits. Read until two reads 200 ms apart
 * agree: just after joining, the view still glides to the avatar and panels
 * settle, and a click computed mid-glide lands somewhere else.
 */
async function clickablePoint(page: Page, point: Point): Promise<Point | null> {
  const read = () =>
    page.evaluate((p) => {
      const client = (window as unknown as { __deskmap: { clientPointOf(p: Point): Point | null } }).__deskmap.clientPointOf(p);
      if (!client) return null;
      return document.elementFromPoint(client.x, client.y)?.tagName === "CANVAS" ? client : null;
    }, point);
  let last = await read();
  for (let tries = 0; tries < 25; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const next = await read();
    if (!next && !last) return null;
    if (next && last && Math.abs(next.x - last.x) < 1 && Math.abs(next.y - last.y) < 1) return next;
    last = next;
  }
  return last;
}

/** Free standing spots on a stage's first platform, nearest the hall first (where a speaker walks to). */
export function* platformSpots(map: OfficeMap, stage: Stage): Generator<Point> {
  const platform = stage.platforms[0];
  const size = map.tileSize;
  const spots: Point[] = [];
  for (let ty = Math.floor(platform.bounds.y / size); ty * size < platform.bounds.y + platform.bounds.height; ty++) {
    for (let tx = Math.floor(platform.bounds.x / size); tx * size < platform.bounds.x + platform.bounds.width; tx++) {
      const p = { x: tx * size + size / 2, y: ty * size + (size * 3) / 4 };
      if (pointInZone(platform, p.x, p.y) && !footBlocked(map, p.x, p.y)) spots.push(p);
    }
  }
  const bottom = platform.bounds.y + platform.bounds.height;
  spots.sort((a, b) => bottom - a.y - (bottom - b.y) || Math.abs(a.x - 416) - Math.abs(b.x - 416));
  yield* spots;
}

/**
 * Walks, by clicking on the map, to the first spot of `spots` that is on
 * screen, and waits until the avatar stands there. A walk that stops short
 * (a click that landed off target, a connection lost for a moment) is
 * clicked again, as a person would, up to twice.
 */
export async function walkToOneOf(page: Page, spots: Iterable<Point>, timeoutMs = 30_000): Promise<Point> {
  for (const spot of spots) {
    let client = await clickablePoint(page, spot);
    if (!client) continue;
    const deadline = Date.now() + timeoutMs;
    let stopped: Point | null = null;
    for (let clicks = 0; client && clicks < 3; clicks++) {
      const before = await selfPosition(page);
      await page.mouse.click(client.x, client.y);
      const moved = (p: Point) => !before || p.x !== before.x || p.y !== before.y;
      stopped = await pollUntil(() => stoppedPosition(page, spot), (p) => !!p && (hasArrived(p, spot) || moved(p)), "arrival", Math.max(2000, deadline - Date.now()));
      if (stopped && hasArrived(stopped, spot)) return stopped;
      // The camera follows the avatar, so where the spot is on screen has moved with it.
      client = await clickablePoint(page, spot);
    }
    throw new Error(`The walk to ${JSON.stringify(spot)} stopped short at ${JSON.stringify(stopped)}`);
  }
  throw new Error("none of the spots is on screen");
}

/** The avatar's position once it is at `spot` or has stood still for 1.5 s elsewhere (null while it walks). */
async function stoppedPosition(page: Page, spot: Point): Promise<Point | null> {
  const first = await selfPosition(page);
  if (!first || hasArrived(first, spot)) return first;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const second = await selfPosition(page);
  return second && second.x === first.x && second.y === first.y ? second : null;
}

/** Names on the remote tiles of the video strip (own preview excluded). */
export function remoteTileNames(page: Page): Promise<string[]> {
  return page.$$eval("figure.call-tile:not([data-self])", (tiles) => tiles.map((t) => t.getAttribute("aria-label") ?? "").sort());
}

/** Resolves when the remote video of `name` has size and renders new frames (requestVideoFrameCallback fires twice). */
export async function videoFlowing(page: Page, name: string, timeoutMs = 60_000): Promise<{ width: number; height: number; advanced: number }> {
  const video = page.getByRole("group", { name, exact: true }).locator("video");
  await video.waitFor({ state: "attached", timeout: timeoutMs });
  return video.evaluate(
    (el: HTMLVideoElement, timeout) =>
      new Promise<{ width: number; height: number; advanced: number }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no frames (videoWidth ${el.videoWidth}, time ${el.currentTime})`)), timeout);
        const start = el.currentTime;
        let frames = 0;
        const onFrame = () => {
          frames += 1;
          if (frames >= 2 && el.videoWidth > 0 && el.currentTime > start) {
            clearTimeout(timer);
            resolve({ width: el.videoWidth, height: el.videoHeight, advanced: el.currentTime - start });
          } else el.requestVideoFrameCallback(onFrame);
        };
        el.requestVideoFrameCallback(onFrame);
      }),
    timeoutMs,
    // Playwright's own limit must outlast the page's.
    { timeout: timeoutMs + 5000 },
  );
}

/**
 * The loudest sample an AnalyserNode (made here, apart from the app's own) reads
 * from the remote stream of `name` within `windowMs`; Chromium's fake
 * microphone beeps about once a second.
 */
export async function remoteAudioLevel(page: Page, name: string, windowMs = 6000): Promise<{ liveTracks: number; peak: number }> {
  const video = page.getByRole("group", { name, exact: true }).locator("video");
  return video.evaluate(async (el: HTMLVideoElement, windowMs) => {
    const stream = el.srcObject as MediaStream | null;
    const tracks = stream?.getAudioTracks().filter((t) => t.readyState === "live") ?? [];
    if (!stream || tracks.length === 0) return { liveTracks: 0, peak: 0 };
    const context = new AudioContext();
    await context.resume().catch(() => undefined);
    // The largest window (~0.7 s at 48 kHz), read often: no short beep slips between reads even when timers lag under load.
    const analyser = context.createAnalyser();
    analyser.fftSize = 32768;
    const source = context.createMediaStreamSource(stream);
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let peak = 0;
    const end = performance.now() + windowMs;
    while (performance.now() < end && peak < 0.05) {
      analyser.getFloatTimeDomainData(samples);
      for (const s of samples) peak = Math.max(peak, Math.abs(s));
      await new Promise((r) => setTimeout(r, 100));
    }
    source.disconnect();
    await context.close();
    return { liveTracks: tracks.length, peak };
  }, windowMs);
}

export interface TileView {
  description: string | null;
  badges: string[];
  cameraOff: string | undefined;
  videoVisible: boolean;
  placeholder: string | null;
  placeholderVisible: boolean;
}

/** How the remote tile of `name` reads and looks: its badges, and whether the video or the name placeholder shows. */
export function tileView(page: Page, name: string): Promise<TileView | null> {
  return page.evaluate((name) => {
    const tile = [...document.querySelectorAll<HTMLElement>("figure.call-tile:not([data-self])")].find(
      (t) => t.getAttribute("aria-label") === name,
    );
    if (!tile) return null;
    const video = tile.querySelector("video")!;
    const placeholder = tile.querySelector<HTMLElement>(".call-tile-placeholder")!;
    const box = placeholder.getBoundingClientRect();
    return {
      description: tile.getAttribute("aria-description"),
      badges: [...tile.querySelectorAll(".call-tile-state span")].map((s) => s.textContent ?? ""),
      cameraOff: tile.dataset.cameraOff,
      videoVisible: getComputedStyle(video).visibility !== "hidden",
      placeholder: placeholder.textContent,
      // The placeholder lies under the video: it shows when the video is hidden, and has room to.
      placeholderVisible: getComputedStyle(placeholder).visibility !== "hidden" && box.width > 0 && box.height > 0,
    };
  }, name);
}
