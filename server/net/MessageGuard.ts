import { unpack } from "@colyseus/msgpackr";
import { ClientState, Protocol, type Client } from "@colyseus/core";
import { clientMessageDeclarations, type ClientMessages, type ServerMessages } from "../../shared/protocol/messages";
import { ServerMessage, type ClientMessageName } from "../../shared/protocol/names";
import type { Logger } from "../log";
import { describeError } from "./describeError";
import { readFrameType } from "./frameType";
import { TokenBucket } from "./TokenBucket";
import type { MessageLimits, RateLimit } from "../../shared/protocol/declare";

/** Tells the sender why their message was refused (throttled). */
export type Reject = (reason: string) => void;

/** A handler may be async: the guard awaits it, and catches what it throws or rejects with. */
export type GuardedHandler<K extends ClientMessageName> = (
  client: Client,
  payload: ClientMessages[K],
  reject: Reject,
) => void | Promise<void>;

export interface MessageGuardOptions {
  /** The general size limit (MAX_MESSAGE_BYTES); a declaration's own maxBytes applies where it is larger. */
  maxBytes: number;
  log: Logger;
  now?: () => number;
  /** Who a client is (their member id): limits and logs are per person, whatever their number of sockets. */
  personOf?: (client: Client) => string;
}

/** A Rejected for the same type and reason goes to a client at most this often. */
const REJECT_NOTICE_MS = 1000;
/** Each person's dropped messages and failures are logged at most once per this interval. */
const LOG_INTERVAL_MS = 10_000;
/** Message type names are echoed back and logged; the frame reader already bounds them. */
const MAX_TYPE_ECHO = 48;
/** What a sender hears when a handler failed for a reason that is not theirs to fix. */
export const SERVER_ERROR_REASON = "the server could not do that just now; try again";

/** How a message type's failures read to its sender. */
export interface HandlerOptions {
  /** Said when the handler throws or rejects (its error is logged, never shown); SERVER_ERROR_REASON by default. */
  failure?: string;
}

interface Entry {
  handler: GuardedHandler<ClientMessageName>;
  failure: string;
  schema: (typeof clientMessageDeclarations)[ClientMessageName]["schema"];
  limit: RateLimit;
  maxBytes: number;
}

interface PersonRecord {
  buckets: Map<string, TokenBucket>;
  lastNotice: Map<string, number>;
  sessions: Set<string>;
  dropped: number;
  failed: number;
  lastReason: string;
  lastLogAt: number;
}

/**
 * The single gate every incoming room message passes, straight from the
 * socket's frame: a well-formed, known type, then the rate limit, the size
 * limit and schema validation, then the handler — awaited, with whatever it
 * throws or rejects with caught here, logged once (throttled) with the type
 * and the person, and answered with a clear reason. Frames that no honest
 * client sends (reserved, invalid or unreadable types, undecodable payloads)
 * close the connection. Nothing here turns a payload into a string, and
 * nothing logs a client object (which holds its reconnection token).
 */
export class MessageGuard {
  private readonly people = new Map<string, PersonRecord>();
  private readonly handlers = new Map<string | number, Entry>();
  private readonly now: () => number;
  private readonly personOf: (client: Client) => string;
  /** Sessions closed for what they sent: they may not resume. */
  private readonly expelled = new Set<string>();

  constructor(private readonly options: MessageGuardOptions) {
    this.now = options.now ?? performance.now.bind(performance);
    this.personOf = options.personOf ?? ((client) => client.sessionId);
  }

  on<K extends ClientMessageName>(type: K, handler: GuardedHandler<K>, options: HandlerOptions = {}): void {
    const declared = clientMessageDeclarations[type];
    this.handlers.set(type, {
      handler: handler as unknown as GuardedHandler<ClientMessageName>,
      failure: options.failure ?? SERVER_ERROR_REASON,
      schema: declared.schema,
      limit: { burst: declared.burst, perSecond: declared.perSecond },
      maxBytes: Math.max(this.options.maxBytes, (declared as MessageLimits).maxBytes ?? 0),
    });
  }

  /**
   * Takes a raw frame from the socket. True when it was a room message (handled
   * here, whatever its fate); false for Colyseus's own protocol frames.
   */
  receive(client: Client, frame: Uint8Array): boolean {
    const code = frame[0];
    if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_DATA_BYTES) return false;
    if (client.state === ClientState.LEAVING || this.expelled.has(client.sessionId)) return true;
    const head = readFrameType(frame);
    if (!head.ok) {
      this.expel(client, head.problem);
      return true;
    }
    const entry = this.handlers.get(head.type);
    if (!entry) {
      this.reject(client, String(head.type), "unknown message type");
      return true;
    }
    const type = head.type as ClientMessageName;
    const record = this.record(client);
    let bucket = record.buckets.get(type);
    if (!bucket) {
      bucket = new TokenBucket(entry.limit.burst, entry.limit.perSecond, this.now);
      record.buckets.set(type, bucket);
    }
    if (!bucket.take()) {
      this.reject(client, type, "rate limited");
      return true;
    }
    // The encoded size bounds the decoded one: checked before any decoding.
    if (frame.length - head.offset > entry.maxBytes) {
      this.reject(client, type, "message too large");
      return true;
    }
    let payload: unknown;
    if (code === Protocol.ROOM_DATA_BYTES) {
      payload = frame.subarray(head.offset);
    } else if (frame.length > head.offset) {
      try {
        payload = unpack(frame.subarray(head.offset));
      } catch {
        this.expel(client, "a payload that is not valid MessagePack");
        return true;
      }
    }
    const parsed = entry.schema.safeParse(payload);
    if (!parsed.success) {
      this.reject(client, type, "malformed payload");
      return true;
    }
    this.run(client, type, entry, parsed.data);
    return true;
  }

  /** Counts a new connection as its person's before any earlier one leaves, so their limits carry over. */
  admit(client: Client): void {
    this.record(client);
  }

  /** Whether this session was closed for what it sent (it must not be held for a reconnection). */
  wasExpelled(client: Client): boolean {
    return this.expelled.has(client.sessionId);
  }

  /**
   * Drops a session's bookkeeping when it leaves; the person's limits stay while
   * another connection of theirs is here (a replacing tab starts with the same budget).
   */
  forget(client: Client): void {
    this.expelled.delete(client.sessionId);
    const person = this.personOf(client);
    const record = this.people.get(person);
    if (!record) return;
    record.sessions.delete(client.sessionId);
    if (record.sessions.size > 0) return;
    if (record.dropped > 0 || record.failed > 0) this.logSummary(this.describe(client), record);
    this.people.delete(person);
  }

  reject(client: Client, rawType: string, reason: string): void {
    const type = rawType.length > MAX_TYPE_ECHO ? `${rawType.slice(0, MAX_TYPE_ECHO)}…` : rawType;
    const record = this.record(client);
    record.dropped++;
    record.lastReason = `${type}: ${reason}`;
    this.maybeLogSummary(client, record);
    this.notify(client, record, type, reason);
  }

  private run(client: Client, type: ClientMessageName, entry: Entry, payload: unknown): void {
    const reject: Reject = (reason) => this.reject(client, type, reason);
    try {
      const result = entry.handler(client, payload as ClientMessages[ClientMessageName], reject);
      if (result) result.then(undefined, (err: unknown) => this.failed(client, type, entry, err));
    } catch (err) {
      this.failed(client, type, entry, err);
    }
  }

  private failed(client: Client, type: ClientMessageName, entry: Entry, err: unknown): void {
    const record = this.record(client);
    record.failed++;
    const t = this.now();
    if (t - record.lastLogAt >= LOG_INTERVAL_MS) {
      record.lastLogAt = t;
      const earlier = record.failed - 1;
      record.failed = 0;
      this.options.log.error(
        `"${type}" from ${this.describe(client)} failed${earlier > 0 ? ` (and ${earlier} before it since the last report)` : ""}: ${describeError(err)}`,
      );
    }
    this.notify(client, record, type, entry.failure);
  }

  /** Tells the sender why, closes the connection for good, and logs it once. */
  private expel(client: Client, problem: string): void {
    if (this.expelled.has(client.sessionId)) return;
    this.expelled.add(client.sessionId);
    this.options.log.warn(`closed the connection of ${this.describe(client)}: it sent ${problem}`);
    const notice: ServerMessages[typeof ServerMessage.Removed] = {
      banned: false,
      reason: `This connection sent ${problem} and was closed.`,
    };
    client.send(ServerMessage.Removed, notice);
    client.leave(Protocol.WS_CLOSE_CONSENTED);
  }

  private notify(client: Client, record: PersonRecord, type: string, reason: string): void {
    // Notices are keyed by connection, type and reason, so that one noisy problem (or tab) does not hide another.
    const t = this.now();
    const key = `${client.sessionId}\u0000${type}\u0000${reason}`;
    const last = record.lastNotice.get(key);
    if (last !== undefined && t - last < REJECT_NOTICE_MS) return;
    if (record.lastNotice.size > 64) record.lastNotice.clear(); // unknown types are unbounded
    record.lastNotice.set(key, t);
    const notice: ServerMessages[typeof ServerMessage.Rejected] = { type, reason };
    client.send(ServerMessage.Rejected, notice);
  }

  private maybeLogSummary(client: Client, record: PersonRecord): void {
    const t = this.now();
    if (t - record.lastLogAt < LOG_INTERVAL_MS) return;
    record.lastLogAt = t;
    this.logSummary(this.describe(client), record);
  }

  private logSummary(who: string, record: PersonRecord): void {
    if (record.dropped > 0) {
      this.options.log.warn(
        `client ${who}: dropped ${record.dropped} message${record.dropped === 1 ? "" : "s"} (last: ${record.lastReason})`,
      );
    }
    if (record.failed > 0) this.options.log.error(`client ${who}: ${record.failed} more failed request(s)`);
    record.dropped = 0;
    record.failed = 0;
  }

  /** Session and person, for log lines: never the client object, which holds its reconnection token. */
  private describe(client: Client): string {
    const person = this.personOf(client);
    return person === client.sessionId ? client.sessionId : `${client.sessionId} (member ${person})`;
  }

  private record(client: Client): PersonRecord {
    const person = this.personOf(client);
    let record = this.people.get(person);
    if (!record) {
      record = {
        buckets: new Map(),
        lastNotice: new Map(),
        sessions: new Set(),
        dropped: 0,
        failed: 0,
        lastReason: "",
        lastLogAt: Number.NEGATIVE_INFINITY,
      };
      this.people.set(person, record);
    }
    record.sessions.add(client.sessionId);
    return record;
  }
}
