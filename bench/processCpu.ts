import { readFileSync, readdirSync } from "node:fs";

/**
 * CPU time of processes from /proc (Linux), for benchmarks that measure a
 * browser or a media server beside themselves: a process tree's user + system
 * seconds, so one process's share is apart from the others on the machine.
 */

const TICKS = 100; // clock ticks per second on Linux (sysconf(_SC_CLK_TCK))

interface ProcEntry {
  parent: number;
  seconds: number;
  name: string;
}

/** Every process now: its parent, CPU seconds so far and command name. */
function processTable(): Map<number, ProcEntry> {
  const table = new Map<number, ProcEntry>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      table.set(Number(entry), { parent: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS, name });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

function descendsFrom(table: Map<number, ProcEntry>, pid: number, root: number): boolean {
  for (let p: number | undefined = pid; p; p = table.get(p)?.parent) if (p === root) return true;
  return false;
}

/** CPU seconds (user + system) of `root` and every descendant of it. */
export function cpuSecondsOfTree(root: number): number {
  const table = processTable();
  let total = 0;
  for (const [pid, entry] of table) if (descendsFrom(table, pid, root)) total += entry.seconds;
  return total;
}

/** CPU seconds of every descendant of this process (not this process itself). */
export function treeCpuSeconds(): number {
  const table = processTable();
  let total = 0;
  for (const [pid, entry] of table) if (pid !== process.pid && descendsFrom(table, pid, process.pid)) total += entry.seconds;
  return total;
}

/** Direct children of this process, by pid, with their command names. */
export function childProcesses(): Map<number, string> {
  const children = new Map<number, string>();
  for (const [pid, entry] of processTable()) if (entry.parent === process.pid) children.set(pid, entry.name);
  return children;
}

/** Runs `start` and returns what it resolved to with the pid of the one child process it spawned (a browser, say). */
export async function withNewChild<T>(start: () => Promise<T>): Promise<{ value: T; pid: number }> {
  const before = childProcesses();
  const value = await start();
  const spawned = [...childProcesses().keys()].filter((pid) => !before.has(pid));
  if (spawned.length !== 1) throw new Error(`expected one new child process, found ${spawned.length}`);
  return { value, pid: spawned[0] };
}
