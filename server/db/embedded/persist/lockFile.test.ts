import { execFile } from "node:child_process";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildChild } from "../testing/buildChild";
import { tempDir } from "../testing/testSupport";
import { acquireLock, LOCK_FILE } from "./lockFile";

let probe: { file: string; env: NodeJS.ProcessEnv };
let buildDir: string;
beforeAll(async () => {
  buildDir = await tempDir("lock-build");
  probe = await buildChild(path.join(__dirname, "..", "testing", "lockProbe.ts"), buildDir);
});
afterAll(() => rm(buildDir, { recursive: true, force: true }));

function race(dir: string, n: number): Promise<string[]> {
  const startAt = Date.now() + 1500;
  return Promise.all(
    Array.from({ length: n }, () => new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [probe.file, dir, String(startAt)], { env: probe.env }, (err, stdout) => (err ? reject(err) : resolve(stdout.trim())));
    })),
  );
}

/** A pid that is certainly not running: a child that has exited. */
async function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ["-e", ""], () => resolve(child.pid!));
  });
}

test("of several processes starting at once, exactly one gets the lock, also when a stale lock is in the way", async () => {
  const dir = await tempDir("lock-race");
  try {
    expect((await race(dir, 6)).filter((o) => o === "got")).toHaveLength(1);
    // The winner exited without releasing: its lock is now stale, and again only one takes it over.
    const outcomes = await race(dir, 6);
    expect(outcomes.filter((o) => o === "got")).toHaveLength(1);
    for (const o of outcomes.filter((x) => x !== "got")) expect(o).toMatch(/locked by running process \d+/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);

test("the lock file holds the pid from the moment it exists, owner-only; a live owner is refused, a dead one taken over", async () => {
  const dir = await tempDir("lock-file");
  const file = path.join(dir, LOCK_FILE);
  try {
    const release = await acquireLock(dir);
    expect(await readFile(file, "utf8")).toBe(String(process.pid));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await release();

    await writeFile(file, String(process.ppid)); // a live process (jest's parent)
    await expect(acquireLock(dir)).rejects.toThrow(new RegExp(`locked by running process ${process.ppid}`));

    await writeFile(file, String(await deadPid()));
    const again = await acquireLock(dir);
    expect(await readFile(file, "utf8")).toBe(String(process.pid));
    await again();

    // Never judged stale from a content that is not a pid: it is not ours to delete.
    await writeFile(file, "");
    await expect(acquireLock(dir)).rejects.toThrow(/holds "", not a process id/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);
