import { openTestDatabase, type TestDatabase } from "../db/repositories/testDatabase";
import { HttpError } from "../http/middleware/HttpError";
import { OWNERS_BUSY, OwnerChangeLock } from "./ownerChangeLock";

/** The owners lease on a real database (the embedded store, or MONGODB_URI): two locks stand for two processes. */

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase("owner-change-lock");
  await t.repos.spaces.create({ slug: "hq", name: "HQ" });
});
afterAll(() => t.destroy());

const lease = async () => (await t.repos.spaces.findBySlug("hq"))?.ownersLease ?? null;

test("changes through two processes' locks never overlap, and the lease is given back after each", async () => {
  const a = new OwnerChangeLock(t.repos.spaces, { pollMs: 5 });
  const b = new OwnerChangeLock(t.repos.spaces, { pollMs: 5 });
  let inside = 0;
  let most = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      (i % 2 ? a : b).run("hq", async () => {
        inside++;
        most = Math.max(most, inside);
        // A change that reads, waits on the database, then writes.
        await t.repos.spaces.findBySlug("hq");
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(i);
        inside--;
      }),
    ),
  );
  expect(most).toBe(1);
  expect(order.sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  expect(await lease()).toBeNull();
});

test("a lease another process holds makes a change wait, then refuse with 503 and change nothing", async () => {
  await t.models.Space.updateOne({ slug: "hq" }, { $set: { ownersLease: { holder: "elsewhere", until: new Date(Date.now() + 60_000) } } }).exec();
  let ran = false;
  const lock = new OwnerChangeLock(t.repos.spaces, { waitMs: 100, pollMs: 10 });
  const err = await lock
    .run("hq", async () => {
      ran = true;
    })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HttpError);
  expect([(err as HttpError).status, (err as HttpError).message]).toEqual([503, OWNERS_BUSY]);
  expect(ran).toBe(false);
  expect(await lease()).toMatchObject({ holder: "elsewhere" });
});

test("a lease whose holder died lapses: the next change takes it over", async () => {
  await t.models.Space.updateOne({ slug: "hq" }, { $set: { ownersLease: { holder: "crashed", until: new Date(Date.now() + 150) } } }).exec();
  const lock = new OwnerChangeLock(t.repos.spaces, { waitMs: 5_000, pollMs: 20 });
  await expect(lock.run("hq", async () => (await lease())?.holder)).resolves.not.toBe("crashed");
  expect(await lease()).toBeNull();
});

test("a change that fails gives the lease back, and an unknown space is left to the change (its 404)", async () => {
  const lock = new OwnerChangeLock(t.repos.spaces);
  await expect(lock.run("hq", async () => Promise.reject(new Error("write failed")))).rejects.toThrow("write failed");
  expect(await lease()).toBeNull();
  await expect(lock.run("nowhere", async () => "ran")).resolves.toBe("ran");
});

test("a space saved before leases existed (no lease field at all) is locked like any other", async () => {
  await t.models.Space.updateOne({ slug: "hq" }, { $unset: { ownersLease: 1 } }).exec();
  expect(Object.keys((await t.models.Space.findOne({ slug: "hq" }).lean().exec())!)).not.toContain("ownersLease");
  const lock = new OwnerChangeLock(t.repos.spaces, { waitMs: 200 });
  await expect(lock.run("hq", async () => (await lease())?.holder)).resolves.toMatch(/^[0-9a-f]{24}$/);
  expect(await lease()).toBeNull();
});
