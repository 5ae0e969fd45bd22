/**
 * Benchmark for conversation grouping (issue 4): `npm run bench:grouping`.
 *
 * 10,000 people on a 200 × 200-tile office with walls, doors and meeting rooms,
 * mostly standing in clusters with some wandering; everyone shifts a few pixels
 * between calls so the hysteresis path (previous groups) runs every time.
 * Prints ms per call (p50/p95), people per second, group counts, rough heap
 * growth per call, and the speed-up over the naive O(n²) reference on 2,000 people.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import type { WallGrid } from "../shared/map/lineOfSight";
import { computeGroups, EAR_OFFSET_Y } from "../shared/proximity/computeGroups";
import { naiveGroups } from "../shared/proximity/naiveGroups";
import { GroupingScratch } from "../shared/proximity/scratch";
import { DEFAULT_GROUPING_SETTINGS } from "../shared/proximity/settings";
import type { GroupingResult, PresenceStatus, ProximityPerson } from "../shared/proximity/types";
import { mulberry32 as prng } from "../shared/random";

const TILE = 32;
const SIZE = 200; // tiles per side
const PEOPLE = 10_000;
const NAIVE_PEOPLE = 2_000;
const WARMUP = 30;
const ITERATIONS = 200;
const settings = DEFAULT_GROUPING_SETTINGS;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const rand = prng(42);

interface Office {
  map: WallGrid;
  /** Per tile: meeting-room number, or 0 in the open office. */
  zoneOfTile: Int32Array;
  rooms: number;
}

/** Blocks of 25 × 25 tiles split by walls with two-tile doors, and a walled meeting room in every other block. */
function buildOffice(): Office {
  const walls = new Uint8Array(SIZE * SIZE);
  const zoneOfTile = new Int32Array(SIZE * SIZE);
  const wall = (x: number, y: number) => (walls[y * SIZE + x] = 1);
  for (let k = 0; k < SIZE; k += 25) {
    for (let s = 0; s < SIZE; s++) {
      const door = s % 25 === 12 || s % 25 === 13;
      if (!door) {
        wall(k, s);
        wall(s, k);
      }
    }
  }
  for (let s = 0; s < SIZE; s++) {
    wall(SIZE - 1, s);
    wall(s, SIZE - 1);
  }
  let rooms = 0;
  for (let by = 0; by < SIZE - 1; by += 25) {
    for (let bx = 0; bx < SIZE - 1; bx += 25) {
      if ((bx / 25 + by / 25) % 2 === 1) continue;
      rooms++;
      // A 9 × 7 room inside the block, door in its bottom wall.
      const x0 = bx + 3;
      const y0 = by + 3;
      for (let x = x0; x <= x0 + 8; x++) {
        wall(x, y0);
        if (x !== x0 + 4) wall(x, y0 + 6);
      }
      for (let y = y0; y <= y0 + 6; y++) {
        wall(x0, y);
        wall(x0 + 8, y);
      }
      for (let y = y0 + 1; y < y0 + 6; y++) for (let x = x0 + 1; x < x0 + 8; x++) zoneOfTile[y * SIZE + x] = rooms;
    }
  }
  return { map: { width: SIZE, height: SIZE, tileSize: TILE, walls }, zoneOfTile, rooms };
}

function tileAt(x: number, y: number): number {
  return Math.floor((y - EAR_OFFSET_Y) / TILE) * SIZE + Math.floor(x / TILE);
}

function standable(office: Office, x: number, y: number): boolean {
  const lo = TILE;
  const hi = (SIZE - 1) * TILE;
  return x > lo && y > lo && x < hi && y < hi && office.map.walls[tileAt(x, y)] === 0;
}

function zoneKey(office: Office, x: number, y: number): number | null {
  const z = office.zoneOfTile[tileAt(x, y)]!;
  return z === 0 ? null : z;
}

/** 75 % of people in clusters of 2–12 (some inside meeting rooms), 25 % scattered wanderers. */
function buildCrowd(office: Office, count: number): ProximityPerson[] {
  const statuses: [PresenceStatus, number][] = [["available", 0.8], ["busy", 0.1], ["focus", 0.06], ["away", 0.04]];
  const pickStatus = (): PresenceStatus => {
    let r = rand();
    for (const [s, p] of statuses) if ((r -= p) < 0) return s;
    return "available";
  };
  const people: ProximityPerson[] = [];
  const place = (cx: number, cy: number, spread: number) => {
    for (let tries = 0; tries < 50; tries++) {
      const x = Math.round(cx + (rand() - 0.5) * spread);
      const y = Math.round(cy + (rand() - 0.5) * spread);
      if (standable(office, x, y)) {
        people.push({ id: `u${people.length.toString(36).padStart(4, "0")}`, x, y, status: pickStatus(), zone: zoneKey(office, x, y) });
        return;
      }
    }
  };
  const clustered = Math.floor(count * 0.75);
  while (people.length < clustered) {
    const cx = TILE + rand() * (SIZE - 2) * TILE;
    const cy = TILE + rand() * (SIZE - 2) * TILE;
    const size = 2 + Math.floor(rand() * 11);
    for (let k = 0; k < size && people.length < clustered; k++) place(cx, cy, 4 * TILE);
  }
  while (people.length < count) place(SIZE * TILE * 0.5, SIZE * TILE * 0.5, SIZE * TILE);
  return people;
}

/** Everyone shifts up to 3 px per axis, unless that would put them in a wall. */
function jiggle(office: Office, people: ProximityPerson[]): void {
  for (const p of people) {
    const x = p.x + Math.round((rand() - 0.5) * 6);
    const y = p.y + Math.round((rand() - 0.5) * 6);
    if (standable(office, x, y)) {
      p.x = x;
      p.y = y;
      p.zone = zoneKey(office, x, y);
    }
  }
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function timeCalls(office: Office, people: ProximityPerson[], iterations: number, run: (prev: GroupingResult | null) => GroupingResult) {
  let previous: GroupingResult | null = null;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < iterations; k++) {
    jiggle(office, people);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    previous = run(previous);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { times, cpu, last: previous! };
}

/** Average heap growth of one call, with a full GC before each so garbage from elsewhere does not count. */
function heapPerCall(office: Office, people: ProximityPerson[], makeScratch: () => GroupingScratch | undefined): number {
  let previous: GroupingResult | null = null;
  let total = 0;
  const samples = 20;
  for (let k = 0; k < samples; k++) {
    jiggle(office, people);
    const scratch = makeScratch();
    gc();
    const before = process.memoryUsage().heapUsed;
    previous = computeGroups({ people, map: office.map }, previous, settings, scratch);
    total += process.memoryUsage().heapUsed - before;
  }
  return total / samples;
}

function main(): void {
  const office = buildOffice();
  const people = buildCrowd(office, PEOPLE);
  const scratch = new GroupingScratch();
  const fast = (crowd: ProximityPerson[]) => (prev: GroupingResult | null) =>
    computeGroups({ people: crowd, map: office.map }, prev, settings, scratch);

  console.log(`grouping benchmark — Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${os.platform()} ${os.arch()}`);
  console.log(`office ${SIZE}×${SIZE} tiles of ${TILE} px, ${office.rooms} meeting rooms; settings ${JSON.stringify(settings)}`);

  timeCalls(office, people, WARMUP, fast(people));
  const { times, cpu, last } = timeCalls(office, people, ITERATIONS, fast(people));
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const grouped = last.groupOf.size;
  const sizes = [...last.groups.values()].map((m) => m.length);
  console.log(`\n${PEOPLE} people, ${ITERATIONS} calls after ${WARMUP} warm-up, everyone moving ≤ 3 px per axis between calls:`);
  console.log(`  ms per call: p50 ${percentile(times, 0.5).toFixed(2)}  p95 ${percentile(times, 0.95).toFixed(2)}  mean ${mean.toFixed(2)}  max ${times[times.length - 1]!.toFixed(2)}`);
  // On a shared machine wall time includes waiting for a core; CPU time is what the call itself used.
  console.log(`  CPU ms per call: p50 ${percentile(cpu, 0.5).toFixed(2)}  p95 ${percentile(cpu, 0.95).toFixed(2)}  (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`);
  console.log(`  throughput: ${Math.round(PEOPLE / (mean / 1000)).toLocaleString("en-US")} people/s`);
  console.log(`  groups: ${last.groups.size}, people grouped: ${grouped}, largest: ${Math.max(...sizes)}, refused: ${last.refused.length}`);

  const withScratch = heapPerCall(office, people, () => scratch);
  const withoutScratch = heapPerCall(office, people, () => undefined);
  console.log(`  heap growth per call (GC before each): with reused scratch ${(withScratch / 1024).toFixed(0)} KiB, fresh scratch ${(withoutScratch / 1024).toFixed(0)} KiB`);

  // The naive reference checks every pair: compare on a smaller crowd.
  const small = buildCrowd(office, NAIVE_PEOPLE);
  const smallFast = timeCalls(office, small, 50, fast(small));
  const naiveTimes: number[] = [];
  let previous: GroupingResult | null = null;
  for (let k = 0; k < 5; k++) {
    jiggle(office, small);
    const fastResult = computeGroups({ people: small, map: office.map }, previous, settings, scratch);
    const t0 = performance.now();
    const naiveResult = naiveGroups({ people: small, map: office.map }, previous, settings);
    naiveTimes.push(performance.now() - t0);
    const same = (r: GroupingResult) => JSON.stringify([[...r.groups], r.refused, r.nextGroupSeq]);
    if (same(naiveResult) !== same(fastResult)) {
      throw new Error("computeGroups and the naive reference disagree");
    }
    previous = fastResult;
  }
  naiveTimes.sort((a, b) => a - b);
  const fastP50 = percentile(smallFast.times, 0.5);
  const naiveP50 = percentile(naiveTimes, 0.5);
  console.log(`\n${NAIVE_PEOPLE} people, same office: computeGroups p50 ${fastP50.toFixed(2)} ms, naive O(n²) p50 ${naiveP50.toFixed(1)} ms → ${(naiveP50 / fastP50).toFixed(0)}× faster (results identical)`);
}

main();
