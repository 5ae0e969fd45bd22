// Runs mongoose's own test suite (a checkout of Automattic/mongoose outside this project, with its
// test dependencies installed; see docs/persistence.md) against a fresh embedded store and prints
// the results by class. Not part of `npm test`: a full run takes 30-60 minutes.
//
// Usage: npm run test:mongoose-suite -- DIR [--only SUBSTRING]... [--timeout MS] [--file-timeout MS] [--report PATH]
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedMongo } from "../../server/db/embedded";
import { countResults, countsLine, writeReports } from "./report";
import { runFile } from "./runFile";
import type { FileRun } from "./runFile";

interface Args {
  suiteDir: string;
  only: string[];
  testTimeoutMs: number;
  fileTimeoutMs: number;
  report?: string;
}

function usage(msg: string): never {
  console.error(`${msg}\nUsage: npm run test:mongoose-suite -- DIR [--only SUBSTRING]... [--timeout MS] [--file-timeout MS] [--report PATH]`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const a: Partial<Args> & { only: string[] } = { only: [], testTimeoutMs: 20_000, fileTimeoutMs: 15 * 60_000 };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    const next = (): string => argv[++i] ?? usage(`${v} needs a value`);
    const ms = (s: string): number => (/^\d+$/.test(s) ? Number(s) : usage(`${v} needs milliseconds, got '${s}'`));
    if (v === "--only") a.only.push(next());
    else if (v === "--timeout") a.testTimeoutMs = ms(next());
    else if (v === "--file-timeout") a.fileTimeoutMs = ms(next());
    else if (v === "--report") a.report = next();
    else if (v.startsWith("--")) usage(`unknown option ${v}`);
    else if (!a.suiteDir) a.suiteDir = path.resolve(v);
    else usage(`unexpected argument ${v}`);
  }
  if (!a.suiteDir) usage("the folder of a mongoose checkout is required");
  return a as Args;
}

/** Skipped: type tests (no database) and encryption tests (need a server with FLE). */
const SKIPPED_DIRS = new Set(["types", "encryption"]);

async function testFiles(testDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(testDir, { withFileTypes: true })) {
    const p = path.join(testDir, e.name);
    if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) out.push(...(await testFiles(p)));
    else if (e.isFile() && e.name.endsWith(".test.js")) out.push(p);
  }
  return out.sort();
}

/** Stands in for mongoose's mocha-fixtures.js, which would download a mongod. */
const FIXTURE = `'use strict';
module.exports.mochaGlobalSetup = function () {
  if (!process.env.MONGOOSE_TEST_URI) throw new Error('MONGOOSE_TEST_URI is not set');
};
`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  for (const need of ["test/common.js", "node_modules/mocha/bin/mocha.js", "node_modules/mongodb"]) {
    if (!existsSync(path.join(args.suiteDir, need))) usage(`${args.suiteDir} lacks ${need}: export mongoose's repository there and run npm install --ignore-scripts`);
  }
  let files = await testFiles(path.join(args.suiteDir, "test"));
  if (args.only.length) files = files.filter((f) => args.only.some((s) => f.includes(s)));
  if (files.length === 0) usage("no test files selected");

  const work = await mkdtemp(path.join(tmpdir(), "deskmap-mongoose-suite-"));
  const fixture = path.join(work, "fixture.js");
  await writeFile(fixture, FIXTURE);
  const store = await startEmbeddedMongo({ dataDir: path.join(work, "db"), host: "127.0.0.1", port: 0 });
  const startedAt = new Date().toISOString();
  console.log(`embedded store on ${store.uri}; ${files.length} test files`);
  const runs: FileRun[] = [];
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    for (const [i, file] of files.entries()) {
      if (stopping) break;
      const run = await runFile(file, {
        suiteDir: args.suiteDir,
        fixture,
        uri: store.uri,
        testTimeoutMs: args.testTimeoutMs,
        fileTimeoutMs: args.fileTimeoutMs,
        reportPath: path.join(work, "mocha.json"),
      });
      runs.push(run);
      const c = countResults(run.results);
      const bad = c.wrongResult + c.errorWhereMongodSucceeds + c.timeout;
      console.log(`[${i + 1}/${files.length}] ${run.file} ${(run.ms / 1000).toFixed(1)}s: ${c.passed} passed, ${c.refused} refused, ${bad} other failures${run.processError ? ` (${run.processError})` : ""}`);
    }
  } finally {
    await store.close();
    await rm(work, { recursive: true, force: true });
  }
  const counts = countResults(runs.flatMap((r) => r.results));
  const rep = { suiteDir: args.suiteDir, startedAt, finishedAt: new Date().toISOString(), files: runs.length, counts, runs };
  const written = await writeReports(rep, args.report ? path.resolve(args.report) : path.join(args.suiteDir, "embedded-store-report"));
  console.log(`\n${countsLine(counts)}\nreport: ${written.join(", ")}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
