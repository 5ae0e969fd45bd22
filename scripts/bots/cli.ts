import { parseArgs } from "node:util";
import { AVATAR_IDS } from "../../shared/avatars";
import { TICK_MS } from "../../shared/rules/constants";
import { Bot } from "./Bot";
import { BotWorld } from "./BotWorld";
import { EchoProbe } from "./EchoProbe";
import { percentile } from "./stats";

/**
 * `npm run bots -- --url http://host:port --space SLUG --count N`
 * Starts N headless people in one space and reports, every few seconds, what
 * each received (bytes/s) and the echo latency seen. With --json each report
 * is one `BOTS {...}` line (bench/room.ts reads those).
 */

const USAGE = `usage: npm run bots -- --url http://127.0.0.1:2567 [--space default] [--count 50]
  [--duration SECONDS (0 = until Ctrl-C)] [--ramp JOINS_PER_SECOND] [--concurrency JOINS_IN_FLIGHT] [--probes N] [--report SECONDS]
  [--leave-chance 0..1] [--roam TILES (stay within this many tiles of the spawn; 0 = anywhere)] [--prefix NAME] [--json]`;

function options() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      space: { type: "string", default: "default" },
      count: { type: "string", default: "50" },
      duration: { type: "string", default: "0" },
      ramp: { type: "string", default: "50" },
      probes: { type: "string", default: "1" },
      report: { type: "string", default: "5" },
      "leave-chance": { type: "string", default: "0.02" },
      prefix: { type: "string", default: "Bot" },
      roam: { type: "string", default: "0" },
      concurrency: { type: "string", default: "16" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name: keyof typeof values, min: number, max: number) => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}\n${USAGE}`);
    return n;
  };
  if (!values.url || !/^https?:\/\//.test(values.url)) throw new Error(`--url http(s)://host:port is required\n${USAGE}`);
  return {
    url: values.url.replace(/\/+$/, ""),
    space: values.space!,
    count: Math.floor(number("count", 0, 20_000)),
    durationS: number("duration", 0, 86_400),
    ramp: number("ramp", 1, 10_000),
    probes: Math.floor(number("probes", 0, 50)),
    reportS: number("report", 1, 3600),
    leaveChance: number("leave-chance", 0, 1),
    roam: number("roam", 0, 1000),
    concurrency: Math.floor(number("concurrency", 1, 1000)),
    prefix: values.prefix!,
    json: values.json!,
  };
}

async function main(): Promise<void> {
  const opts = options();
  const world = await BotWorld.load(opts.url, opts.space, {
    gatherings: Math.max(1, Math.round(opts.count / 12)),
    leaveChance: opts.leaveChance,
    roam: opts.roam,
  });
  const bots = Array.from(
    { length: opts.count },
    (_, i) => new Bot(world, `${opts.prefix} ${i + 1}`, AVATAR_IDS[i % AVATAR_IDS.length]),
  );
  const probes = Array.from({ length: opts.probes }, (_, i) => new EchoProbe(world, i + 1));
  let joinFailures = 0;
  let lastFailure = "";

  const timer = setInterval(() => {
    const now = world.now();
    for (const bot of bots) bot.tick(now);
    for (const probe of probes) probe.tick(now);
  }, TICK_MS);

  for (const probe of probes) await probe.start().catch((err) => (lastFailure = String(err)));
  // People arrive at up to --ramp per second with at most --concurrency joins in flight (a busy
  // server answers slower, so arrivals slow down instead of piling up until seat reservations expire).
  // A failed join is retried a few times later, as a person would reload.
  const queue = bots.map((bot) => ({ bot, attempts: 0, notBefore: 0 }));
  let inFlight = 0;
  const joining: Promise<void>[] = [];
  const ramp = setInterval(() => {
    const now = world.now();
    let batch = Math.max(1, Math.round(opts.ramp / 10));
    for (let i = 0; i < queue.length && batch > 0 && inFlight < opts.concurrency; ) {
      const entry = queue[i];
      if (entry.notBefore > now) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      batch--;
      inFlight++;
      joining.push(
        entry.bot
          .join()
          .catch((err) => {
            joinFailures++;
            lastFailure = err instanceof Error ? err.message : String(err);
            void entry.bot.leave();
            if (++entry.attempts < 5) queue.push({ ...entry, notBefore: world.now() + world.random(1000, 4000) });
          })
          .finally(() => inFlight--),
      );
    }
    if (queue.length === 0 && inFlight === 0) clearInterval(ramp);
  }, 100);

  let windowStart = world.now();
  const report = () => {
    const now = world.now();
    const seconds = (now - windowStart) / 1000;
    windowStart = now;
    const connected = bots.filter((b) => b.connected);
    const rates = connected.map((b) => b.bytes / seconds);
    for (const bot of bots) bot.bytes = 0;
    for (const probe of probes) {
      probe.mover.bytes = 0;
      probe.observer.bytes = 0;
    }
    const echo = bots.flatMap((b) => b.echoMs.drain());
    const probeEcho = probes.flatMap((p) => p.echoMs.drain());
    const summary = {
      at: new Date(now).toISOString(),
      count: bots.length,
      connected: connected.length,
      joinFailures,
      lastFailure,
      downBytesPerSecond: { median: percentile(rates, 0.5), p95: percentile(rates, 0.95), max: percentile(rates, 1) },
      selfEchoMs: { samples: echo.length, p50: percentile(echo, 0.5), p95: percentile(echo, 0.95) },
      probeEchoMs: { samples: probeEcho.length, p50: percentile(probeEcho, 0.5), p95: percentile(probeEcho, 0.95) },
      probeEchoSamples: probeEcho,
      probesVisible: probes.filter((p) => p.visible).length,
    };
    if (opts.json) {
      // Raw per-bot rates too, so a benchmark can pool several bot processes.
      console.log(`BOTS ${JSON.stringify({ ...summary, downRates: rates.map(Math.round), selfEchoSamples: echo.map(Math.round) })}`);
    } else {
      const kb = (n: number) => (Number.isFinite(n) ? (n / 1024).toFixed(2) : "–");
      const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "–");
      console.log(
        `[bots] ${summary.connected}/${summary.count} connected · down per bot median ${kb(summary.downBytesPerSecond.median)} KB/s, p95 ${kb(summary.downBytesPerSecond.p95)} · ` +
          `own-move echo p50 ${ms(summary.selfEchoMs.p50)} ms, p95 ${ms(summary.selfEchoMs.p95)} · ` +
          `seen-by-another echo p50 ${ms(summary.probeEchoMs.p50)} ms, p95 ${ms(summary.probeEchoMs.p95)}` +
          (joinFailures ? ` · ${joinFailures} join failures (last: ${lastFailure})` : ""),
      );
    }
  };
  const reporter = setInterval(report, opts.reportS * 1000);

  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    clearInterval(ramp);
    clearInterval(reporter);
    clearInterval(timer);
    await Promise.allSettled(joining);
    await Promise.all([...bots.map((b) => b.leave()), ...probes.map((p) => p.stop())]);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  if (opts.durationS > 0) setTimeout(() => void stop(), opts.durationS * 1000);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
