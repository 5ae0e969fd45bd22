/**
 * Benchmark for the embedded store on lmdb (issue 14):
 * `npm run bench:store` (STORE_BENCH_COUNT=200000 npm run bench:store, or `-- COUNT`, for a smaller run).
 *
 * Loads COUNT (default 1,000,000) small documents through the MongoDB driver into a fresh
 * store (insertMany batches of 250, two secondary indexes), then reads by _id and by an
 * indexed field, runs the operations no index serves (find + sort, count, distinct, $match +
 * $group, updateMany, deleteMany), builds a new index over everything, and restarts the store
 * three times. The store runs in this process, so the event-loop delay monitor sees every
 * stall it causes (and the driver's own work as well); while each unindexed operation runs, a
 * second connection reads one document at a time and its slowest answer is the stall another
 * client sees. Prints the figures and, at 1,000,000 documents, writes them to
 * docs/benchmarks.md ("## Embedded store").
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { MongoClient } from "mongodb";
import { startEmbeddedMongo } from "../server/db/embedded";
import type { EmbeddedMongo } from "../server/db/embedded";
import { writeSections } from "./benchmarksDoc";
import { unindexedPhases } from "./storeScans";
import { loopGapsDuring } from "../server/db/embedded/testing/loopGaps";

const COUNT = Number(process.argv[2] ?? process.env.STORE_BENCH_COUNT ?? 1_000_000);
if (!Number.isInteger(COUNT) || COUNT < 1_000) throw new Error(`document count must be an integer of at least 1,000, got ${COUNT}`);
const BATCH = 250;
const ROOMS = 1_000;

interface Phase {
  name: string;
  seconds: number;
  maxStallMs: number;
  p99StallMs: number;
  /** The longest stretch of main-thread work without a break (see loopGaps.ts: waiting for a core not counted). */
  maxWorkMs: number;
  slowestStep: string;
  note: string;
}

const phases: Phase[] = [];

let current: EmbeddedMongo | null = null;

async function measure(name: string, fn: () => Promise<string>): Promise<void> {
  current?.takeSlowestStep();
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t0 = performance.now();
  const { result: note, gaps } = await loopGapsDuring(fn);
  const seconds = (performance.now() - t0) / 1000;
  h.disable();
  const step = current?.takeSlowestStep();
  // The monitor reports delay beyond its 5 ms sampling interval, in nanoseconds.
  const slowestStep = step ? `${step.ms.toFixed(1)} ms (${step.step}); ${step.over50ms.toLocaleString("en")} of ${step.steps.toLocaleString("en")} steps over 50 ms` : "";
  const phase = { name, seconds, maxStallMs: h.max / 1e6, p99StallMs: h.percentile(99) / 1e6, maxWorkMs: gaps.workMs, slowestStep, note };
  phases.push(phase);
  console.log(`${name.padEnd(34)} ${seconds.toFixed(2).padStart(8)} s   worst stall ${phase.maxStallMs.toFixed(1).padStart(7)} ms   p99 ${phase.p99StallMs.toFixed(1).padStart(6)} ms   longest work ${phase.maxWorkMs.toFixed(1).padStart(6)} ms   slowest store step ${slowestStep}   ${note}`);
}

function doc(i: number) {
  return { seq: i, room: `room-${i % ROOMS}`, author: `person-${i % 5_000}`, text: `message number ${i} in the office chat`, at: new Date(1_700_000_000_000 + i * 1000) };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "deskmap-bench-store-"));
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  let store: EmbeddedMongo = await startEmbeddedMongo({ dataDir: dir });
  current = store;
  let client = new MongoClient(store.uri, { maxPoolSize: 4 });
  let coll = client.db("bench").collection("chat");
  try {
    await coll.createIndex({ seq: 1 }, { unique: true });
    await coll.createIndex({ room: 1 });

    await measure(`insert ${COUNT.toLocaleString("en")} docs`, async () => {
      const t0 = performance.now();
      // Two writers at once, as several clients of one server would be.
      const writer = async (part: number) => {
        for (let start = part * BATCH; start < COUNT; start += 2 * BATCH) {
          await coll.insertMany(Array.from({ length: Math.min(BATCH, COUNT - start) }, (_, k) => doc(start + k)), { ordered: true });
        }
      };
      await Promise.all([writer(0), writer(1)]);
      return `${Math.round(COUNT / ((performance.now() - t0) / 1000)).toLocaleString("en")} docs/s, batches of ${BATCH}`;
    });

    await measure("20,000 findOne by unique seq", async () => {
      for (let i = 0; i < 20_000; i++) {
        const seq = Math.floor(Math.random() * COUNT);
        const found = await coll.findOne({ seq });
        if (found?.seq !== seq) throw new Error(`seq ${seq} not found`);
      }
      return "random keys";
    });

    await measure("2,000 finds by room (limit 50)", async () => {
      let n = 0;
      for (let i = 0; i < 2_000; i++) n += (await coll.find({ room: `room-${i % ROOMS}` }).limit(50).toArray()).length;
      return `${n.toLocaleString("en")} docs returned`;
    });

    await measure("createIndex { author: 1 } over all", async () => {
      await coll.createIndex({ author: 1 });
      return `${(await coll.countDocuments({ author: "person-42" })).toLocaleString("en")} docs for one author`;
    });

    await unindexedPhases(coll, COUNT, ROOMS, measure);

    for (let round = 1; round <= 3; round++) {
      await client.close();
      await store.close();
      await measure(`restart ${round} (open + first query)`, async () => {
        store = await startEmbeddedMongo({ dataDir: dir });
        current = store;
        client = new MongoClient(store.uri, { maxPoolSize: 4 });
        coll = client.db("bench").collection("chat");
        const last = await coll.findOne({ seq: COUNT - 1 });
        if (!last) throw new Error("last document missing after restart");
        return "";
      });
    }

    await measure("reads while the checksum scrub runs", async () => {
      let reads = 0;
      let done = false;
      const scrub = store.scrubbed().then((r) => {
        done = true;
        return r;
      });
      while (!done) {
        await coll.findOne({ seq: Math.floor(Math.random() * COUNT) });
        reads++;
      }
      const { records, damaged } = await scrub;
      return `${records.toLocaleString("en")} records verified${damaged ? " (DAMAGE FOUND)" : ""}, ${reads.toLocaleString("en")} reads meanwhile`;
    });
  } finally {
    await client.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  const machine = `${os.cpus().length} vCPU ${os.cpus()[0]?.model.trim() ?? ""}, Node ${process.version}; load average (1/5/15 min) ${load} before, ${loadAfter} after — the machine is shared with other sessions' jobs, so times are noisy`;
  console.log(machine);
  if (COUNT !== 1_000_000) return; // only the full-size run is recorded
  const rows = phases.map((p) => `| ${p.name} | ${p.seconds.toFixed(2)} s | ${p.maxStallMs.toFixed(1)} ms | ${p.p99StallMs.toFixed(1)} ms | ${p.maxWorkMs.toFixed(1)} ms | ${p.slowestStep} | ${p.note} |`);
  const body = [
    "## Embedded store",
    "",
    "The embedded MongoDB-wire store on lmdb (issue 14; design in docs/persistence.md).",
    "",
    "**Command:** `nice npm run bench:store` (runs `tsx bench/store.ts`; several minutes; `STORE_BENCH_COUNT=100000` for a smaller run, which is printed but not recorded).",
    "",
    `**Scenario:** a fresh store in a temp directory; ${COUNT.toLocaleString("en")} small chat-like documents (~150 bytes of BSON) inserted through the MongoDB driver by two concurrent writers in ordered \`insertMany\` batches of ${BATCH}, with a unique index on \`seq\` and an index on \`room\`; random unique-key reads; indexed finds; a new index built over every document; then the operations no index serves, each over half or a tenth of the documents (a find sorted on an unindexed field, \`countDocuments\`, \`distinct\`, \`$match\` + \`$group\`, \`updateMany\`, \`deleteMany\`; their answers are checked), while a second connection keeps reading one document at a time by \`seq\` (its slowest answer is in the notes); three restarts timed from \`startEmbeddedMongo\` to the first query's answer; then reads while the background checksum scrub walks every record. The store runs in the benchmark's process, so the worst event-loop stall (\`perf_hooks.monitorEventLoopDelay\`, 5 ms resolution) includes the driver's own work and every moment the process was not scheduled; \"slowest store step\" is the longest synchronous piece of store work (a command, or one slice of background work), timed inside the store (wall time, so also inflated when the machine is loaded). \"Longest work without a break\" is the same stall counted in the main thread's CPU time (per gap between two ticks of a 2 ms timer, the smaller of its wall time and the main thread's CPU time in it, \`server/db/embedded/testing/loopGaps.ts\`): the part of a stall that was work, not waiting for a core, so it stays comparable between a quiet and a loaded machine.`,
    "",
    `**Machine:** ${machine}. Run on ${new Date().toISOString().slice(0, 10)}.`,
    "",
    "| phase | time | worst event-loop stall | p99 stall | longest work without a break | slowest store step | notes |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
  await writeSections([["## Embedded store", body]]);
  console.log("wrote docs/benchmarks.md (## Embedded store)");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
