import type { Client, Room } from "@colyseus/core";
import { clientMessageSchemas, type ClientMessages, type ServerMessages } from "../../shared/protocol/messages";
import { ServerMessage, type ClientMessageName } from "../../shared/protocol/names";
import type { Logger } from "../log";
import { MESSAGE_LIMITS, MESSAGE_SIZE_OVERRIDES, type RateLimit } from "./messageLimits";
import { estimatePayloadSize } from "./payloadSize";
import { TokenBucket } from "./TokenBucket";

/** Tells the sender why their message was refused (throttled). */
export type Reject = (reason: string) => void;

export type GuardedHandler<K extends ClientMessageName> = (client: Client, payload: ClientMessages[K], reject: Reject) => void;

export interface MessageGuardOptions {
  maxBytes: number;
  /** Larger limits for particular types (signalling carries SDP); the general limit applies when it is larger. */
  maxBytesByType?: Partial<Record<ClientMessageName, number>>;
  log: Logger;
  limits?: Record<ClientMessageName, RateLimit>;
  now?: () => number;
}

/** A Rejected for the same type and reason goes to a client at most this often. */
const REJECT_NOTICE_MS = 1000;
/** Each client's dropped messages are logged at most once per this interval. */
const LOG_INTERVAL_MS = 10_000;
/** Message type names are echoed back and logged; a hostile one could be huge. */
const MAX_TYPE_ECHO = 48;

interface ClientRecord {
  buckets: Map<string, TokenBucket>;
  lastNotice: Map<string, number>;
  dropped: number;
  lastReason: string;
  lastLogAt: number;
}

/**
 * The single gate every incoming message passes: known type, rate limit,
 * size limit, schema validation, then the handler — whose errors are caught.
 * A bad client gets Rejected notices and log lines, both throttled; the room
 * and everyone else carry on.
 */
export class MessageGuard {
  private readonly clients = new Map<string, ClientRecord>();
  private readonly limits: Record<ClientMessageName, RateLimit>;
  private readonly now: () => number;

  constructor(
    private readonly room: Room,
    private readonly options: MessageGuardOptions,
  ) {
    this.limits = options.limits ?? MESSAGE_LIMITS;
    this.now = options.now ?? performance.now.bind(performance);
    room.onMessage("*", (client, type) => this.reject(client, String(type), "unknown message type"));
  }

  on<K extends ClientMessageName>(type: K, handler: GuardedHandler<K>): void {
    const schema = clientMessageSchemas[type];
    const limit = this.limits[type];
    const maxBytes = Math.max(this.options.maxBytes, (this.options.maxBytesByType ?? MESSAGE_SIZE_OVERRIDES)[type] ?? 0);
    this.room.onMessage(type, (client: Client, payload: unknown) => {
      const record = this.record(client);
      let bucket = record.buckets.get(type);
      if (!bucket) {
        bucket = new TokenBucket(limit.burst, limit.perSecond, this.now);
        record.buckets.set(type, bucket);
      }
      if (!bucket.take()) return this.reject(client, type, "rate limited");
      if (estimatePayloadSize(payload, maxBytes) > maxBytes) {
        return this.reject(client, type, "message too large");
      }
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return this.reject(client, type, "malformed payload");
      try {
        handler(client, parsed.data as ClientMessages[K], (reason) => this.reject(client, type, reason));
      } catch (err) {
        this.options.log.error(`handler for "${type}" failed (client ${client.sessionId})`, err);
        this.reject(client, type, "server error");
      }
    });
  }

  /** Drops a client's bookkeeping when it leaves, logging any drops not yet reported. */
  forget(client: Client): void {
    const record = this.clients.get(client.sessionId);
    if (record && record.dropped > 0) this.logDrops(client.sessionId, record);
    this.clients.delete(client.sessionId);
  }

  reject(client: Client, rawType: string, reason: string): void {
    const type = rawType.length > MAX_TYPE_ECHO ? `${rawType.slice(0, MAX_TYPE_ECHO)}…` : rawType;
    const record = this.record(client);
    const t = this.now();
    record.dropped++;
    record.lastReason = `${type}: ${reason}`;
    if (t - record.lastLogAt >= LOG_INTERVAL_MS) {
      this.logDrops(client.sessionId, record);
      record.lastLogAt = t;
    }
    // Notices are keyed by reason (and type) so that one noisy problem does not hide another.
    const key = `${type}\u0000${reason}`;
    const last = record.lastNotice.get(key);
    if (last !== undefined && t - last < REJECT_NOTICE_MS) return;
    if (record.lastNotice.size > 64) record.lastNotice.clear(); // unknown types are unbounded
    record.lastNotice.set(key, t);
    const notice: ServerMessages[typeof ServerMessage.Rejected] = { type, reason };
    client.send(ServerMessage.Rejected, notice);
  }

  private logDrops(sessionId: string, record: ClientRecord): void {
    this.options.log.warn(
      `client ${sessionId}: dropped ${record.dropped} message${record.dropped === 1 ? "" : "s"} (last: ${record.lastReason})`,
    );
    record.dropped = 0;
  }

  private record(client: Client): ClientRecord {
    let record = this.clients.get(client.sessionId);
    if (!record) {
      record = {
        buckets: new Map(),
        lastNotice: new Map(),
        dropped: 0,
        lastReason: "",
        lastLogAt: Number.NEGATIVE_INFINITY,
      };
      this.clients.set(client.sessionId, record);
    }
    return record;
  }
}
