import { calculateObjectSize, Long } from "bson";
import type { Document } from "bson";
import { MongoCommandError } from "./errors";

interface OpenCursor {
  ns: string;
  docs: Document[];
  pos: number;
  lastUsed: number;
}

const DEFAULT_FIRST_BATCH = 101;
/**
 * A batch holds at most about 1 MB of BSON (at least one document), whatever its batchSize:
 * the reply is encoded in one synchronous step, and mongod's 16 MB of small documents would
 * hold the event loop for tens of milliseconds (issue 14). The driver simply asks for more.
 */
export const BATCH_BYTES = 1024 * 1024;

/**
 * Server-side cursors over materialised results. Stored documents are immutable, so the
 * result array is a stable view. Idle cursors expire like mongod's (10 minutes by default).
 */
export class CursorManager {
  private readonly open = new Map<string, OpenCursor>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly idleTimeoutMs = 10 * 60_000) {
    this.timer = setInterval(() => this.expire(), Math.min(60_000, idleTimeoutMs)).unref();
  }

  get size(): number {
    return this.open.size;
  }

  /** Returns the first batch and registers a cursor only when more documents remain. */
  start(ns: string, docs: Document[], batchSize: number | undefined, singleBatch = false): Document {
    const c: OpenCursor = { ns, docs, pos: 0, lastUsed: Date.now() };
    const firstBatch = takeBatch(c, batchSize ?? DEFAULT_FIRST_BATCH);
    let id = Long.ZERO;
    if (!singleBatch && c.pos < docs.length) {
      id = this.newId();
      this.open.set(id.toString(), c);
    }
    return { cursor: { firstBatch, id, ns }, ok: 1 };
  }

  getMore(idValue: unknown, ns: string, batchSize: number | undefined): Document {
    const key = cursorKey(idValue);
    const c = this.open.get(key);
    if (!c) throw new MongoCommandError("CursorNotFound", `cursor id ${key} not found`);
    if (c.ns !== ns) throw new MongoCommandError("BadValue", `cursor namespace ${c.ns} does not match ${ns}`);
    c.lastUsed = Date.now();
    const nextBatch = takeBatch(c, batchSize ?? Number.MAX_SAFE_INTEGER);
    let id = Long.fromString(key);
    if (c.pos >= c.docs.length) {
      this.open.delete(key);
      id = Long.ZERO;
    }
    return { cursor: { nextBatch, id, ns }, ok: 1 };
  }

  kill(ns: string, ids: unknown[]): Document {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const raw of ids) {
      const key = cursorKey(raw);
      const c = this.open.get(key);
      if (c && c.ns === ns) {
        this.open.delete(key);
        killed.push(Long.fromString(key));
      } else notFound.push(Long.fromString(key));
    }
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  }

  expire(now = Date.now()): void {
    for (const [k, c] of this.open) if (now - c.lastUsed > this.idleTimeoutMs) this.open.delete(k);
  }

  close(): void {
    clearInterval(this.timer);
    this.open.clear();
  }

  private newId(): Long {
    for (;;) {
      const hi = Math.floor(Math.random() * 0x7fffffff) + 1;
      const lo = Math.floor(Math.random() * 0xffffffff);
      const id = Long.fromBits(lo | 0, hi);
      if (!this.open.has(id.toString())) return id;
    }
  }
}

function cursorKey(v: unknown): string {
  if (Long.isLong(v)) return v.toString();
  if (typeof v === "number" && Number.isInteger(v)) return String(v);
  if (typeof v === "bigint") return v.toString();
  throw new MongoCommandError("TypeMismatch", "cursor id must be a 64-bit integer");
}

function takeBatch(c: OpenCursor, batchSize: number): Document[] {
  const limit = batchSize > 0 ? batchSize : Number.MAX_SAFE_INTEGER;
  const out: Document[] = [];
  let bytes = 0;
  while (c.pos < c.docs.length && out.length < limit) {
    const size = calculateObjectSize(c.docs[c.pos]);
    if (out.length > 0 && bytes + size > BATCH_BYTES) break;
    out.push(c.docs[c.pos++]);
    bytes += size;
  }
  return out;
}
