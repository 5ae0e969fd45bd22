import { serialize } from "bson";
import type { Document } from "bson";
import { decodeExact } from "../engine/bsonTypes";
import { scanBson } from "./bsonScan";
import { crc32c } from "./crc32c";
import { HEADER_SIZE, MsgFlags, OpCode } from "./constants";

export interface MessageHeader {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

/** A decoded request: the command document plus how the client expects the reply. */
export interface ParsedRequest {
  header: MessageHeader;
  kind: "msg" | "query";
  command: Document;
  /** OP_QUERY carries the database in its namespace; OP_MSG in `$db`. */
  db: string;
  /** OP_MSG moreToCome: the client wants no reply (w:0 writes). */
  noReply: boolean;
}

export class WireParseError extends Error {}

export function readHeader(buf: Buffer): MessageHeader {
  return {
    length: buf.readInt32LE(0),
    requestId: buf.readInt32LE(4),
    responseTo: buf.readInt32LE(8),
    opCode: buf.readInt32LE(12),
  };
}

// Numbers keep their BSON type (an int64 stays an int64, 42.0 a double), as in mongod.
const DESERIALIZE_OPTS = { validation: { utf8: true } } as const;

function readDoc(buf: Buffer, pos: number, end: number): { doc: Document; next: number } {
  const problem = scanBson(buf, pos, end);
  if (problem) throw new WireParseError(problem);
  const len = buf.readInt32LE(pos);
  try {
    const doc = decodeExact(buf.subarray(pos, pos + len), DESERIALIZE_OPTS);
    return { doc, next: pos + len };
  } catch (err) {
    throw new WireParseError(`invalid BSON: ${(err as Error).message}`);
  }
}

function readCString(buf: Buffer, pos: number, end: number): { value: string; next: number } {
  const z = buf.indexOf(0, pos);
  if (z < 0 || z >= end) throw new WireParseError("unterminated cstring");
  return { value: buf.toString("utf8", pos, z), next: z + 1 };
}

/** OP_MSG: flag bits, then kind-0 body and kind-1 document sequences (e.g. insert `documents`). */
function parseOpMsg(header: MessageHeader, msg: Buffer): ParsedRequest {
  if (msg.length < HEADER_SIZE + 5) throw new WireParseError("OP_MSG too short");
  const flags = msg.readUInt32LE(HEADER_SIZE);
  // Bits 0-15 are required-to-understand; anything we do not know must be rejected.
  if ((flags & 0xffff & ~(MsgFlags.checksumPresent | MsgFlags.moreToCome)) !== 0) {
    throw new WireParseError(`unsupported OP_MSG flag bits 0x${flags.toString(16)}`);
  }
  let end = msg.length;
  if (flags & MsgFlags.checksumPresent) {
    end -= 4;
    if (end < HEADER_SIZE + 5) throw new WireParseError("OP_MSG too short for its checksum");
    const expected = msg.readUInt32LE(end);
    if (crc32c(msg.subarray(0, end)) !== expected) throw new WireParseError("OP_MSG checksum mismatch");
  }
  let pos = HEADER_SIZE + 4;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (pos < end) {
    const kind = msg[pos++];
    if (kind === 0) {
      if (body) throw new WireParseError("OP_MSG has more than one body section");
      const r = readDoc(msg, pos, end);
      body = r.doc;
      pos = r.next;
    } else if (kind === 1) {
      if (pos + 4 > end) throw new WireParseError("truncated document sequence");
      const size = msg.readInt32LE(pos);
      const seqEnd = pos + size;
      if (size < 5 || seqEnd > end) throw new WireParseError("bad document sequence size");
      const id = readCString(msg, pos + 4, seqEnd);
      const docs: Document[] = [];
      let p = id.next;
      while (p < seqEnd) {
        const r = readDoc(msg, p, seqEnd);
        docs.push(r.doc);
        p = r.next;
      }
      sequences.push([id.value, docs]);
      pos = seqEnd;
    } else {
      throw new WireParseError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new WireParseError("OP_MSG has no body section");
  for (const [id, docs] of sequences) {
    if (id in body) throw new WireParseError(`duplicate field '${id}' in body and document sequence`);
    body[id] = docs;
  }
  const db = typeof body.$db === "string" ? body.$db : "";
  if (!db) throw new WireParseError("OP_MSG command has no $db");
  return { header, kind: "msg", command: body, db, noReply: (flags & MsgFlags.moreToCome) !== 0 };
}

/** Legacy OP_QUERY: drivers use it only for the first hello/isMaster on `admin.$cmd`. */
function parseOpQuery(header: MessageHeader, msg: Buffer): ParsedRequest {
  let pos = HEADER_SIZE + 4; // flags
  const ns = readCString(msg, pos, msg.length);
  pos = ns.next + 8; // numberToSkip, numberToReturn
  if (pos > msg.length) throw new WireParseError("truncated OP_QUERY");
  const r = readDoc(msg, pos, msg.length);
  if (!ns.value.endsWith(".$cmd")) throw new WireParseError("OP_QUERY is only supported for commands");
  // Some drivers wrap the command as { $query: {...}, $readPreference: ... }.
  const command = r.doc.$query && typeof r.doc.$query === "object" ? (r.doc.$query as Document) : r.doc;
  return { header, kind: "query", command, db: ns.value.slice(0, -5), noReply: false };
}

export function parseMessage(msg: Buffer): ParsedRequest {
  const header = readHeader(msg);
  if (header.opCode === OpCode.MSG) return parseOpMsg(header, msg);
  if (header.opCode === OpCode.QUERY) return parseOpQuery(header, msg);
  throw new WireParseError(`unsupported opCode ${header.opCode}`);
}

let nextRequestId = 1;

function writeHeader(buf: Buffer, responseTo: number, opCode: number): void {
  buf.writeInt32LE(buf.length, 0);
  buf.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  buf.writeInt32LE(responseTo, 8);
  buf.writeInt32LE(opCode, 12);
}

export function encodeOpMsg(responseTo: number, doc: Document): Buffer {
  const body = serialize(doc);
  const buf = Buffer.alloc(HEADER_SIZE + 4 + 1 + body.length);
  writeHeader(buf, responseTo, OpCode.MSG);
  buf.writeUInt32LE(0, HEADER_SIZE);
  buf[HEADER_SIZE + 4] = 0;
  buf.set(body, HEADER_SIZE + 5);
  return buf;
}

export function encodeOpReply(responseTo: number, doc: Document): Buffer {
  const body = serialize(doc);
  const buf = Buffer.alloc(HEADER_SIZE + 20 + body.length);
  writeHeader(buf, responseTo, OpCode.REPLY);
  buf.writeInt32LE(0, HEADER_SIZE); // responseFlags
  buf.writeBigInt64LE(0n, HEADER_SIZE + 4); // cursorID
  buf.writeInt32LE(0, HEADER_SIZE + 12); // startingFrom
  buf.writeInt32LE(1, HEADER_SIZE + 16); // numberReturned
  buf.set(body, HEADER_SIZE + 20);
  return buf;
}
