/**
 * Child process for the lock tests: waits for the start time in argv[3] (so several
 * children race for the lock at once), tries to take the lock of argv[2], prints "got" or
 * the refusal, and holds a won lock for a moment before exiting without releasing it.
 */
import { acquireLock } from "../persist/lockFile";

async function main(): Promise<void> {
  const [dir, startAt] = [process.argv[2], Number(process.argv[3])];
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
  try {
    await acquireLock(dir);
    process.stdout.write("got\n");
    await new Promise((r) => setTimeout(r, 1500));
  } catch (err) {
    process.stdout.write(`refused: ${(err as Error).message}\n`);
  }
}

void main();
