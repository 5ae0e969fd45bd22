import net from "node:net";
import { serialize } from "bson";
import type { Document } from "bson";
import { crc32c } from "../wire/crc32c";

/** Test helpers that speak raw bytes to the server, bypassing the driver. */

export function header(length: number, requestId: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(requestId, 4);
  h.writeInt32LE(0, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export function opMsg(body: Document | Buffer, opts: { flags?: number; sequences?: Array<[string, Document[]]>; badChecksum?: boolean } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0]), Buffer.isBuffer(body) ? body : Buffer.from(serialize(body))];
  for (const [id, docs] of opts.sequences ?? []) {
    const payload = Buffer.concat([Buffer.from(id + "\0"), ...docs.map((d) => Buffer.from(serialize(d)))]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4);
    parts.push(Buffer.from([1]), size, payload);
  }
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE(opts.flags ?? 0);
  const withChecksum = ((opts.flags ?? 0) & 1) === 1;
  const bodyLen = 16 + 4 + parts.reduce((n, p) => n + p.length, 0) + (withChecksum ? 4 : 0);
  const msg = Buffer.concat([header(bodyLen, 7, 2013), flags, ...parts, Buffer.alloc(withChecksum ? 4 : 0)]);
  if (withChecksum) msg.writeUInt32LE((crc32c(msg.subarray(0, msg.length - 4)) + (opts.badChecksum ? 1 : 0)) >>> 0, msg.length - 4);
  return msg;
}

export function opQuery(ns: string, query: Document): Buffer {
  const body = Buffer.concat([Buffer.alloc(4), Buffer.from(ns + "\0"), Buffer.alloc(4), Buffer.from([1, 0, 0, 0]), Buffer.from(serialize(query))]);
  return Buffer.concat([header(16 + body.length, 9, 2004), body]);
}

/** A document nested `depth` levels deep ({a:{a:{...}}}), written into one buffer. */
export function deepBson(depth: number): Buffer {
  const total = depth * 8 + 5; // per level: length(4) + type(1) + "a\0"(2) + terminator(1)
  const out = Buffer.alloc(total);
  for (let level = 0; level <= depth; level++) {
    const start = level * 7;
    const len = total - level * 8;
    out.writeInt32LE(len, start);
    if (level < depth) {
      out[start + 4] = 0x03;
      out.write("a\0", start + 5);
    }
  }
  return out;
}

export interface RawResult {
  replies: Buffer[];
  closed: boolean;
}

/** Sends bytes, then collects whole replies until `expectReplies` arrive, the socket closes, or a timeout. */
export function sendRaw(port: number, data: Buffer | Buffer[], expectReplies = 1, timeoutMs = 1500): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, "127.0.0.1");
    let buf = Buffer.alloc(0);
    const replies: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      resolve({ replies, closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    sock.on("connect", () => {
      for (const d of Array.isArray(data) ? data : [data]) sock.write(d);
    });
    sock.on("data", (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      while (buf.length >= 4 && buf.length >= buf.readInt32LE(0)) {
        const len = buf.readInt32LE(0);
        replies.push(buf.subarray(0, len));
        buf = buf.subarray(len);
      }
      if (replies.length >= expectReplies) finish(false);
    });
    sock.on("close", () => finish(true));
    sock.on("error", (err: NodeJS.ErrnoException) => (err.code === "ECONNRESET" ? finish(true) : reject(err)));
  });
}
