import { serialize } from "bson";
import { deepBson, opMsg, opQuery } from "../testing/rawWire";
import { scanBson } from "./bsonScan";
import { MessageFramer, FramingError } from "./MessageFramer";
import { parseMessage, WireParseError } from "./messages";

test("the framer reassembles messages split at every byte and joined back to back", () => {
  const a = opMsg({ ping: 1, $db: "x" });
  const b = opMsg({ insert: "c", $db: "x" }, { sequences: [["documents", [{ i: 1 }, { i: 2 }]]] });
  const stream = Buffer.concat([a, b, a]);
  const framer = new MessageFramer();
  const out: Buffer[] = [];
  for (let i = 0; i < stream.length; i++) out.push(...framer.push(stream.subarray(i, i + 1)));
  expect(out.map((m) => m.length)).toEqual([a.length, b.length, a.length]);
  const parsed = parseMessage(out[1]);
  expect(parsed.command).toMatchObject({ insert: "c", documents: [{ i: 1 }, { i: 2 }] });
  expect(parsed.db).toBe("x");
});

test("the framer refuses lengths it can never satisfy", () => {
  const bad = Buffer.alloc(16);
  bad.writeInt32LE(48_000_001, 0);
  expect(() => new MessageFramer().push(bad)).toThrow(FramingError);
  bad.writeInt32LE(-5, 0);
  expect(() => new MessageFramer().push(bad)).toThrow(FramingError);
});

test("OP_QUERY commands unwrap $query and take the database from the namespace", () => {
  const parsed = parseMessage(opQuery("admin.$cmd", { $query: { isMaster: 1 }, $readPreference: { mode: "primary" } }));
  expect(parsed).toMatchObject({ kind: "query", db: "admin", command: { isMaster: 1 } });
  expect(() => parseMessage(opQuery("test.users", { a: 1 }))).toThrow(WireParseError);
});

test("scanBson accepts well-formed documents and rejects deep or broken ones", () => {
  const good = Buffer.from(serialize({ a: 1, s: "x", d: new Date(), arr: [1, { b: [2] }], bin: Buffer.from("hi"), re: /x/i }));
  expect(scanBson(good, 0, good.length)).toBeNull();
  expect(scanBson(deepBson(99), 0, deepBson(99).length)).toBeNull();
  const deep = deepBson(101);
  expect(scanBson(deep, 0, deep.length)).toMatch(/deeper than 100/);
  const broken = Buffer.from(good);
  broken.writeInt32LE(1000, 0);
  expect(scanBson(broken, 0, broken.length)).toMatch(/out of bounds/);
  const badString = Buffer.from(serialize({ s: "abc" }));
  badString.writeInt32LE(500, 7); // the string's own length
  expect(scanBson(badString, 0, badString.length)).toMatch(/string/);
});
