import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";

/** Child processes of bench/room.ts: the server under test and the bot processes. */

export const ROOT = path.resolve(__dirname, "..");

export { freePort } from "../e2e/services/freePort";

export interface RunningChild {
  child: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  stop(): Promise<void>;
}

/** Spawns a TypeScript entry with tsx; resolves once a stdout line matches `ready` (or at once without one). */
export function startTs(entry: string, args: string[], env: NodeJS.ProcessEnv, ready?: RegExp, timeoutMs = 120_000): Promise<RunningChild> {
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let partial = "";
  let errors = "";
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = ready && setTimeout(() => reject(new Error(`${entry} did not start in time:\n${errors}`)), timeoutMs);
    child.stdout!.on("data", (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const parts = text.split("\n");
      partial = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        if (ready?.test(line)) {
          clearTimeout(timer);
          resolve({ child, lines, stop });
        }
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-4000);
    });
    child.once("exit", (code) => {
      if (timer) clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${errors}`));
    });
    if (!ready) resolve({ child, lines, stop });
  });
}

/** How much lower than the server under test the load generators run (nice). */
export const LOAD_NICENESS = 10;

/**
 * Lowers a load generator's scheduling priority. On a machine shared by the
 * server and its simulated clients, the server then gets the cores first, as
 * it would with its clients on machines of their own; the bots read late
 * instead, which their own figures (own-move ack) show.
 */
export function deprioritise(running: RunningChild, niceness = LOAD_NICENESS): RunningChild {
  if (running.child.pid !== undefined) os.setPriority(running.child.pid, niceness);
  return running;
}
