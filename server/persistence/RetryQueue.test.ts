import { DatabaseHealth } from "./DatabaseHealth";
import { RetryQueue } from "./RetryQueue";

/**
 * Ordering and deadlines need writes that finish exactly when the test says,
 * so the writer here is a list of pending promises the test settles by hand
 * (a real database cannot be paused mid-write). The real chain is
 * server/test/databaseOutage.test.ts.
 */
class ManualWriter {
  readonly calls: Array<{ value: string; resolve(): void; reject(err: Error): void }> = [];
  readonly written: string[] = [];
  write = (value: string) =>
    new Promise<boolean>((resolve, reject) => {
      this.calls.push({
        value,
        resolve: () => {
          this.written.push(value);
          resolve(true);
        },
        reject,
      });
    });
  async next() {
    for (let i = 0; i < 100 && this.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    const call = this.calls.shift();
    if (!call) throw new Error("no write was started");
    return call;
  }
}

function queue(firstRetryMs = 20) {
  const writer = new ManualWriter();
  const health = new DatabaseHealth();
  const q = new RetryQueue<string, boolean>({ name: "things", write: writer.write, health, firstRetryMs });
  return { writer, health, q };
}

test("a waited-for write goes after the write of the same key already in flight", async () => {
  const { writer, q } = queue();
  q.put("m1", "release");
  const releasing = await writer.next();
  const claim = q.putAndWait("m1", "claim");
  // The claim is not written while the release is still being written.
  await new Promise((r) => setTimeout(r, 20));
  expect(writer.calls).toHaveLength(0);
  releasing.resolve();
  (await writer.next()).resolve();
  await expect(claim).resolves.toBe(true);
  expect(writer.written).toEqual(["release", "claim"]);
  expect(q.size).toBe(0);
  q.close();
});

test("a refused waited-for write is not retried, and the kept value it replaced is kept again", async () => {
  const { writer, health, q } = queue();
  q.put("other", "x");
  const busy = await writer.next(); // holds the batch, so the next values wait together
  q.put("m1", "release");
  const claim = q.putAndWait("m1", "claim");
  busy.resolve();
  (await writer.next()).reject(new Error("connection closed"));
  await expect(claim).rejects.toThrow("connection closed");
  // The release comes back and is written in its turn; a refusal alone does not mark the database away.
  (await writer.next()).resolve();
  expect(await q.drain(1000)).toBe(true);
  expect(writer.written).toEqual(["x", "release"]);
  expect(health.healthy).toBe(true);
  q.close();
});

test("a newer value supersedes a waited-for one that was not written yet", async () => {
  const { writer, q } = queue();
  q.put("other", "x");
  const busy = await writer.next();
  const claim = q.putAndWait("m1", "claim");
  q.put("m1", "release");
  await expect(claim).rejects.toThrow("superseded");
  busy.resolve();
  (await writer.next()).resolve();
  expect(await q.drain(1000)).toBe(true);
  expect(writer.written).toEqual(["x", "release"]);
  q.close();
});

test("drain gives up at its deadline even when a write hangs", async () => {
  const { writer, q } = queue();
  q.put("m1", "stuck");
  await writer.next(); // never settled, like a write to a vanished server
  const started = Date.now();
  expect(await q.drain(150)).toBe(false);
  expect(Date.now() - started).toBeLessThan(1000);
  q.close();
});

test("failures back off, and another writer getting through wakes the queue at once", async () => {
  const { writer, health, q } = queue(60_000);
  q.put("m1", "a");
  (await writer.next()).reject(new Error("connection closed"));
  await new Promise((r) => setTimeout(r, 10));
  expect(health.healthy).toBe(false);
  // A minute of backoff ahead; a sibling's success brings the retry forward.
  health.report("positions", false);
  health.report("positions", true);
  (await writer.next()).resolve();
  await new Promise((r) => setTimeout(r, 10));
  expect(writer.written).toEqual(["a"]);
  expect(health.healthy).toBe(true);
  q.close();
});
