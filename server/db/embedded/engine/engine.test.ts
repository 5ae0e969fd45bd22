import { Long, ObjectId } from "bson";
import { valueKey } from "./keys";
import { Store } from "./Store";
import { expiredOps } from "./ttl";
import { openTestStore } from "../testing/testSupport";

const open: Array<{ dispose(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.dispose();
});

async function storeWith(spec: Record<string, unknown>): Promise<Store> {
  const t = await openTestStore("engine");
  open.push(t);
  const s = t.store;
  s.apply({ op: "cc", db: "d", c: "c", options: {} });
  s.apply({ op: "ci", db: "d", c: "c", spec: { v: 2, key: { k: 1 }, name: "k_1", ...spec } });
  return s;
}

test("index keys follow MongoDB equality across numeric types and BSON values", () => {
  expect(valueKey(1)).toBe(valueKey(Long.fromNumber(1)));
  expect(valueKey(1)).not.toBe(valueKey("1"));
  const id = new ObjectId();
  expect(valueKey(id)).toBe(valueKey(new ObjectId(id.toHexString())));
  expect(valueKey(new Date(5))).toBe(valueKey(new Date(5)));
  expect(valueKey(null)).toBe(valueKey(undefined));
});

test("a unique index allows one missing value; sparse allows many; partial only checks matching docs", async () => {
  const plain = await storeWith({ unique: true });
  plain.apply({ op: "i", db: "d", c: "c", doc: { _id: 1 } });
  expect(() => plain.apply({ op: "i", db: "d", c: "c", doc: { _id: 2 } })).toThrow(/E11000 .* dup key: \{ k: null \}/);

  const sparse = await storeWith({ unique: true, sparse: true });
  sparse.apply({ op: "i", db: "d", c: "c", doc: { _id: 1 } });
  sparse.apply({ op: "i", db: "d", c: "c", doc: { _id: 2 } });
  expect(sparse.collection("d", "c")!.size).toBe(2);

  const partial = await storeWith({ unique: true, partialFilterExpression: { active: true } });
  partial.apply({ op: "i", db: "d", c: "c", doc: { _id: 1, k: "a", active: false } });
  partial.apply({ op: "i", db: "d", c: "c", doc: { _id: 2, k: "a", active: true } });
  expect(() => partial.apply({ op: "i", db: "d", c: "c", doc: { _id: 3, k: "a", active: true } })).toThrow(/E11000/);
});

test("a failed unique check leaves documents and indexes untouched", async () => {
  const s = await storeWith({ unique: true });
  s.apply({ op: "i", db: "d", c: "c", doc: { _id: 1, k: "a" } });
  s.apply({ op: "i", db: "d", c: "c", doc: { _id: 2, k: "b" } });
  expect(() => s.apply({ op: "u", db: "d", c: "c", doc: { _id: 2, k: "a" } })).toThrow(/E11000/);
  const coll = s.collection("d", "c")!;
  expect(coll.candidates({ k: "b" }).map((d) => d._id)).toEqual([2]);
  expect(coll.candidates({ k: "a" }).map((d) => d._id)).toEqual([1]);
});

test("arrays are indexed per element (multikey)", async () => {
  const s = await storeWith({});
  s.apply({ op: "i", db: "d", c: "c", doc: { _id: 1, k: ["x", "y"] } });
  s.apply({ op: "i", db: "d", c: "c", doc: { _id: 2, k: "y" } });
  expect(s.collection("d", "c")!.candidates({ k: "y" }).map((d) => d._id).sort()).toEqual([1, 2]);
});

test("TTL indexes expire documents whose date is older than expireAfterSeconds", async () => {
  const s = await storeWith({ expireAfterSeconds: 60 });
  const now = Date.now();
  s.apply({ op: "i", db: "d", c: "c", doc: { _id: "old", k: new Date(now - 61_000) } });
  s.apply({ op: "i", db: "d", c: "c", doc: { _id: "new", k: new Date(now - 10_000) } });
  s.apply({ op: "i", db: "d", c: "c", doc: { _id: "nodate", k: "text" } });
  expect(await expiredOps(s, now)).toEqual([{ op: "d", db: "d", c: "c", id: "old" }]);
});

test("counts and record ids carry over a reopen (a new insert never reuses a record)", async () => {
  const t = await openTestStore("reopen");
  open.push(t);
  const s = t.store;
  s.apply({ op: "cc", db: "d", c: "c", options: {} });
  for (const id of [1, 2, 3]) s.apply({ op: "i", db: "d", c: "c", doc: { _id: id } });
  s.apply({ op: "d", db: "d", c: "c", id: 2 });
  const again = new Store(t.tables);
  expect(again.collection("d", "c")!.size).toBe(2);
  again.apply({ op: "i", db: "d", c: "c", doc: { _id: 4 } });
  expect([...again.collection("d", "c")!.all()].map((d) => d._id)).toEqual([1, 3, 4]);
  expect(again.collection("d", "c")!.size).toBe(3);
});
