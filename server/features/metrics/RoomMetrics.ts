/**
 * Timing of each room's periodic work, for benchmarks (METRICS=1). A fixed
 * ring of samples per room: recording allocates nothing.
 */

const SAMPLES = 4096;

export class DurationRing {
  private readonly values = new Float64Array(SAMPLES);
  private next = 0;
  private filled = 0;

  record(ms: number): void {
    this.values[this.next] = ms;
    this.next = (this.next + 1) % SAMPLES;
    if (this.filled < SAMPLES) this.filled++;
  }

  reset(): void {
    this.next = 0;
    this.filled = 0;
  }

  summary(): { count: number; p50: number; p99: number; max: number } {
    const sorted = Array.from(this.values.subarray(0, this.filled)).sort((a, b) => a - b);
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
    return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
  }
}

export interface RoomTimings {
  space: string;
  members: () => number;
  /** One simulation tick: movement and every feature's tick (wall clock). */
  readonly tick: DurationRing;
  /** The same ticks in CPU time of this process: what the tick costs when the machine is busy with other work. */
  readonly tickCpu: DurationRing;
  /** One state patch: encoding each client's view and sending it. */
  readonly patch: DurationRing;
}

const rooms = new Set<RoomTimings>();
let enabled = false;
let window = { startedAt: performance.now(), cpu: process.cpuUsage() };

/** Called by startServer when METRICS is on; rooms created afterwards are timed. */
export function enableRoomMetrics(on: boolean): void {
  enabled = on;
  resetRoomMetrics();
}

export function roomMetricsEnabled(): boolean {
  return enabled;
}

export function trackRoom(space: string, members: () => number): RoomTimings {
  const timings: RoomTimings = { space, members, tick: new DurationRing(), tickCpu: new DurationRing(), patch: new DurationRing() };
  rooms.add(timings);
  return timings;
}

export function untrackRoom(timings: RoomTimings): void {
  rooms.delete(timings);
}

/** Starts a new measurement window (timings and CPU). */
export function resetRoomMetrics(): void {
  for (const room of rooms) {
    room.tick.reset();
    room.tickCpu.reset();
    room.patch.reset();
  }
  window = { startedAt: performance.now(), cpu: process.cpuUsage() };
}

/** Everything since the last reset: per-room percentiles, this process's CPU (% of one core) and memory. */
export function roomMetricsSnapshot() {
  const elapsedMs = performance.now() - window.startedAt;
  const cpu = process.cpuUsage(window.cpu);
  const memory = process.memoryUsage();
  return {
    windowMs: Math.round(elapsedMs),
    process: {
      cpuPercent: elapsedMs > 0 ? ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100 : 0,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
    },
    rooms: [...rooms].map((room) => ({
      space: room.space,
      members: room.members(),
      tickMs: room.tick.summary(),
      tickCpuMs: room.tickCpu.summary(),
      patchMs: room.patch.summary(),
    })),
  };
}
