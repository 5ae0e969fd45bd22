import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { classifyFailure, reasonOf } from "./classify";
import type { MochaError, Outcome } from "./classify";

export interface TestResult {
  file: string;
  title: string;
  outcome: Outcome;
  reason?: string;
  code?: unknown;
}

export interface FileRun {
  file: string;
  ms: number;
  results: TestResult[];
  /** Set when the mocha process itself failed (crash, kill, unreadable report). */
  processError?: string;
}

interface MochaJson {
  passes: { fullTitle: string }[];
  failures: { fullTitle: string; err: MochaError }[];
  pending: { fullTitle: string }[];
}

export interface RunFileOptions {
  suiteDir: string;
  fixture: string;
  uri: string;
  testTimeoutMs: number;
  fileTimeoutMs: number;
  reportPath: string;
}

/** Runs one mongoose test file in its own mocha process, so a crash or hang stays in that file. */
export async function runFile(file: string, o: RunFileOptions): Promise<FileRun> {
  const started = Date.now();
  const mocha = path.join(o.suiteDir, "node_modules", "mocha", "bin", "mocha.js");
  const args = [
    mocha,
    "--no-config",
    "--ui", "bdd",
    "--node-option", "disable-warning=MONGOOSE",
    "--require", o.fixture,
    // Loaded first, as in a whole-suite run: a few files require lib/ internals that need it.
    "--require", path.join(o.suiteDir, "index.js"),
    "--exit",
    "--timeout", String(o.testTimeoutMs),
    "--reporter", "json",
    "--reporter-option", `output=${o.reportPath}`,
    file,
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, MONGOOSE_TEST_URI: o.uri };
  delete env.START_REPLICA_SET;
  delete env.MONGOOSE_REPLSET_URI;
  let stderr = "";
  const exit = await new Promise<{ code: number | null; killed: boolean }>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: o.suiteDir, env, stdio: ["ignore", "ignore", "pipe"] });
    child.stderr.on("data", (b: Buffer) => {
      if (stderr.length < 8192) stderr += b.toString();
    });
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, o.fileTimeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, killed });
    });
  });
  const rel = path.relative(o.suiteDir, file);
  const run: FileRun = { file: rel, ms: Date.now() - started, results: [] };
  let json: MochaJson | null = null;
  try {
    json = JSON.parse(await readFile(o.reportPath, "utf8")) as MochaJson;
  } catch {
    json = null;
  }
  await rm(o.reportPath, { force: true });
  if (!json) {
    run.processError = exit.killed
      ? `file timeout after ${o.fileTimeoutMs} ms`
      : `mocha exited with ${exit.code} and no report: ${stderr.split("\n").slice(0, 5).join(" | ")}`;
    run.results.push({ file: rel, title: "(whole file)", outcome: exit.killed ? "timeout" : "errorWhereMongodSucceeds", reason: run.processError });
    return run;
  }
  for (const p of json.passes) run.results.push({ file: rel, title: p.fullTitle, outcome: "passed" });
  for (const p of json.pending) run.results.push({ file: rel, title: p.fullTitle, outcome: "pending" });
  for (const f of json.failures) {
    const err = f.err ?? {};
    run.results.push({ file: rel, title: f.fullTitle, outcome: classifyFailure(err), reason: reasonOf(err), code: err.code });
  }
  return run;
}
