import { randomBytes } from "node:crypto";
import { deserialize } from "bson";
import type { Document } from "bson";
import { openFixture } from "./testing/testSupport";
import type { StoreFixture } from "./testing/testSupport";
import { deepBson, header, opMsg, opQuery, sendRaw } from "./testing/rawWire";

let fx: StoreFixture;
beforeAll(async () => {
  fx = await openFixture("fuzz");
  await fx.conn.db!.collection("c").insertOne({ before: true });
});
afterAll(() => fx.dispose());

/** The command reply inside an OP_MSG (kind-0 section) or OP_REPLY. */
function replyDoc(msg: Buffer): Document {
  const opCode = msg.readInt32LE(12);
  return deserialize(msg.subarray(opCode === 2013 ? 21 : 36));
}

async function stillServing(): Promise<void> {
  const db = fx.conn.db!;
  await expect(db.command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
  const { insertedId } = await db.collection("c").insertOne({ after: Date.now() });
  expect(await db.collection("c").findOne({ _id: insertedId })).not.toBeNull();
}

test("legacy OP_QUERY hello gets an OP_REPLY a modern driver accepts", async () => {
  const r = await sendRaw(fx.store.port, opQuery("admin.$cmd", { isMaster: 1, helloOk: true }));
  expect(r.replies).toHaveLength(1);
  expect(r.replies[0].readInt32LE(12)).toBe(1);
  const doc = replyDoc(r.replies[0]);
  expect(doc).toMatchObject({ ok: 1, ismaster: true, helloOk: true });
  expect(doc.maxWireVersion).toBeGreaterThanOrEqual(8);
  expect(doc).not.toHaveProperty("topologyVersion");
});

test("OP_MSG document sequences and checksums are honoured", async () => {
  const r = await sendRaw(fx.store.port, opMsg({ insert: "seq", $db: "test" }, { flags: 1, sequences: [["documents", [{ a: 1 }, { a: 2 }]]] }));
  expect(replyDoc(r.replies[0])).toMatchObject({ ok: 1, n: 2 });
  const bad = await sendRaw(fx.store.port, opMsg({ ping: 1, $db: "test" }, { flags: 1, badChecksum: true }));
  expect(replyDoc(bad.replies[0])).toMatchObject({ ok: 0, errmsg: expect.stringMatching(/checksum/) });
  expect(await fx.conn.db!.collection("seq").countDocuments()).toBe(2);
});

test("impossible lengths, garbage and unknown opcodes close the connection", async () => {
  for (const data of [
    header(-1, 1, 2013),
    header(4, 1, 2013),
    header(49 * 1024 * 1024, 1, 2013),
    header(0x7fffffff, 1, 2013),
    Buffer.concat([header(32, 1, 9999), Buffer.alloc(16)]),
    Buffer.concat([header(32, 1, 2012), Buffer.alloc(16)]),
    Buffer.from("GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
  ]) {
    const r = await sendRaw(fx.store.port, data);
    expect(r).toEqual({ replies: [], closed: true });
  }
  await stillServing();
});

test("malformed OP_MSG bodies get a ProtocolError reply, not a crash", async () => {
  const truncatedBson = Buffer.from([0x20, 0, 0, 0, 0x10, 0x61, 0, 1, 0, 0, 0, 0]); // claims 32 bytes, has 12
  const badType = Buffer.from([12, 0, 0, 0, 0x42, 0x61, 0, 1, 2, 3, 4, 0]);
  const cases: Array<[Buffer, RegExp]> = [
    [opMsg(truncatedBson), /length/],
    [opMsg(badType), /unknown BSON type/],
    [opMsg(deepBson(5000)), /nesting deeper than 100/],
    [opMsg({ ping: 1 }), /\$db/],
    [opMsg({ ping: 1, $db: "test" }, { flags: 1 << 5 }), /flag/],
  ];
  for (const [msg, why] of cases) {
    const r = await sendRaw(fx.store.port, msg);
    expect(r.replies).toHaveLength(1);
    expect(replyDoc(r.replies[0])).toMatchObject({ ok: 0, code: 17, errmsg: expect.stringMatching(why) });
  }
  // Nesting below the limit is fine and the connection keeps working after an error.
  const ok = await sendRaw(fx.store.port, [opMsg(deepBson(5000)), opMsg({ insert: "deep", documents: [{ d: deserialize(deepBson(50)) }], $db: "test" })], 2);
  expect(replyDoc(ok.replies[1])).toMatchObject({ ok: 1, n: 1 });
  await stillServing();
});

test("a message cut off mid-way, then random bytes in valid frames, leave the server serving", async () => {
  const full = opMsg({ insert: "cut", documents: [{ x: 1 }], $db: "test" });
  const cut = await sendRaw(fx.store.port, full.subarray(0, full.length - 7), 1, 200);
  expect(cut.replies).toHaveLength(0);
  expect(await fx.conn.db!.collection("cut").countDocuments()).toBe(0);

  for (let i = 0; i < 150; i++) {
    const body = randomBytes(8 + Math.floor(Math.random() * 120));
    if (i % 3 === 0) body.writeInt32LE(body.length - 1, 1); // a plausible BSON length after the kind byte
    const opCode = i % 5 === 0 ? 2004 : 2013;
    const r = await sendRaw(fx.store.port, Buffer.concat([header(16 + body.length, i, opCode), body]), 1, 500);
    expect(r.replies.length === 1 || r.closed).toBe(true);
  }
  await stillServing();
});

test("the data directory is intact after the abuse", async () => {
  await fx.reopen();
  const c = fx.conn.db!.collection("c");
  expect(await c.countDocuments({ before: true })).toBe(1);
  expect(await c.countDocuments({ after: { $exists: true } })).toBe(3);
});
