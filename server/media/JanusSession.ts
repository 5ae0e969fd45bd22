import { randomBytes } from "node:crypto";
import WebSocket from "ws";

/**
 * One Janus API session over its WebSocket transport, driven by this server
 * only: every request carries the api_secret, which never leaves the server.
 * Requests are matched to replies by transaction; plugin events that belong
 * to no request (a publisher left, a PeerConnection came up or hung up) go to
 * the handle's listener. Keepalives hold the session open; if the socket
 * closes, every pending request fails and `onClosed` listeners hear why.
 */

export class JanusError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(`Janus: ${reason} (${code})`);
    this.name = "JanusError";
  }
}

export interface Jsep {
  type: "offer" | "answer";
  sdp: string;
}

export interface PluginReply {
  data: Record<string, unknown>;
  jsep?: Jsep;
}

/** An event Janus sent a handle unasked: `janus` is its kind (event, webrtcup, hangup, media, detached, slowlink). */
export interface HandleEvent {
  janus: string;
  data?: Record<string, unknown>;
  jsep?: Jsep;
  reason?: string;
}

interface Pending {
  resolve(message: JanusMessage): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
  /** An "ack" settles it (keepalive, trickle); otherwise wait for the success/event after the ack. */
  ackSettles: boolean;
}

interface JanusMessage {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id?: number };
  error?: { code: number; reason: string };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: Jsep;
  reason?: string;
}

export interface JanusSessionOptions {
  /** How long a request may wait for its answer. */
  requestTimeoutMs?: number;
  /** How long connecting and creating the session may take. */
  connectTimeoutMs?: number;
  keepaliveMs?: number;
}

export class JanusSession {
  private readonly pending = new Map<string, Pending>();
  private readonly handles = new Map<number, JanusHandle>();
  private readonly closedListeners = new Set<(reason: string) => void>();
  private sessionId = 0;
  private keepalive: ReturnType<typeof setInterval> | null = null;
  private closedReason: string | null = null;

  private constructor(
    private readonly socket: WebSocket,
    private readonly apiSecret: string,
    private readonly options: Required<JanusSessionOptions>,
  ) {
    socket.on("message", (raw) => this.receive(raw.toString()));
    socket.on("close", () => this.closed("the connection to Janus closed"));
    socket.on("error", (error) => this.closed(`the connection to Janus failed: ${error.message}`));
  }

  /** Connects to Janus's WebSocket API and creates a session; rejects within connectTimeoutMs. */
  static async connect(url: string, apiSecret: string, options: JanusSessionOptions = {}): Promise<JanusSession> {
    const resolved = { requestTimeoutMs: 10_000, connectTimeoutMs: 5_000, keepaliveMs: 25_000, ...options };
    const socket = new WebSocket(url, "janus-protocol", { handshakeTimeout: resolved.connectTimeoutMs, maxPayload: 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error(`Janus at ${url} did not answer within ${resolved.connectTimeoutMs} ms`));
      }, resolved.connectTimeoutMs);
      socket.once("open", () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once("error", (error) => {
        clearTimeout(timer);
        reject(new Error(`Janus at ${url} is unreachable: ${error.message}`));
      });
    });
    const session = new JanusSession(socket, apiSecret, resolved);
    try {
      const created = await session.send({ janus: "create" });
      session.sessionId = created.data?.id ?? 0;
    } catch (error) {
      session.close();
      throw error;
    }
    session.keepalive = setInterval(() => void session.send({ janus: "keepalive" }, true).catch(() => undefined), resolved.keepaliveMs);
    session.keepalive.unref?.();
    return session;
  }

  get isOpen(): boolean {
    return this.closedReason === null;
  }

  onClosed(listener: (reason: string) => void): () => void {
    this.closedListeners.add(listener);
    return () => this.closedListeners.delete(listener);
  }

  async attach(plugin: string): Promise<JanusHandle> {
    const reply = await this.send({ janus: "attach", plugin });
    const handle = new JanusHandle(this, reply.data?.id ?? 0);
    this.handles.set(handle.id, handle);
    return handle;
  }

  /** Sends one request and resolves with Janus's answer to it (rejects on an error answer, a timeout or a closed socket). */
  send(request: Record<string, unknown>, ackSettles = false): Promise<JanusMessage> {
    if (this.closedReason) return Promise.reject(new Error(this.closedReason));
    const transaction = randomBytes(9).toString("base64url");
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(transaction);
        reject(new Error(`Janus did not answer "${String(request.janus)}" within ${this.options.requestTimeoutMs} ms`));
      }, this.options.requestTimeoutMs);
      this.pending.set(transaction, { resolve, reject, timer, ackSettles });
      const message = { ...request, transaction, apisecret: this.apiSecret, ...(this.sessionId ? { session_id: this.sessionId } : {}) };
      this.socket.send(JSON.stringify(message), (error) => {
        if (error) this.settle(transaction, undefined, error);
      });
    });
  }

  /** Forgets a handle (after detach or when Janus says it is gone). */
  dropHandle(id: number): void {
    this.handles.delete(id);
  }

  close(): void {
    if (this.sessionId && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify({ janus: "destroy", session_id: this.sessionId, transaction: "bye", apisecret: this.apiSecret }));
    }
    this.closed("the Janus session was closed");
    this.socket.close();
  }

  private receive(raw: string): void {
    let message: JanusMessage;
    try {
      message = JSON.parse(raw) as JanusMessage;
    } catch {
      return;
    }
    const pending = message.transaction ? this.pending.get(message.transaction) : undefined;
    if (pending) {
      if (message.janus === "ack" && !pending.ackSettles) return;
      if (message.janus === "error") {
        this.settle(message.transaction!, undefined, new JanusError(message.error?.code ?? 0, message.error?.reason ?? "error"));
        return;
      }
      this.settle(message.transaction!, message);
      return;
    }
    if (message.sender === undefined) return;
    const handle = this.handles.get(message.sender);
    if (!handle) return;
    if (message.janus === "detached") this.handles.delete(message.sender);
    handle.deliver({ janus: message.janus, data: message.plugindata?.data, jsep: message.jsep, reason: message.reason });
  }

  private settle(transaction: string, message?: JanusMessage, error?: Error): void {
    const pending = this.pending.get(transaction);
    if (!pending) return;
    this.pending.delete(transaction);
    clearTimeout(pending.timer);
    if (error) pending.reject(error);
    else pending.resolve(message!);
  }

  private closed(reason: string): void {
    if (this.closedReason) return;
    this.closedReason = reason;
    if (this.keepalive) clearInterval(this.keepalive);
    for (const transaction of [...this.pending.keys()]) this.settle(transaction, undefined, new Error(reason));
    for (const handle of this.handles.values()) handle.deliver({ janus: "detached", reason });
    this.handles.clear();
    for (const listener of this.closedListeners) listener(reason);
  }
}

/** One plugin handle of a JanusSession (here: VideoRoom publisher, subscriber or the room manager). */
export class JanusHandle {
  private listener: ((event: HandleEvent) => void) | null = null;
  private detached = false;

  constructor(
    private readonly session: JanusSession,
    readonly id: number,
  ) {}

  /** A plugin request; resolves with the plugin's answer (sync success or the async event after the ack). */
  async request(body: Record<string, unknown>, jsep?: Jsep): Promise<PluginReply> {
    const reply = await this.session.send({ janus: "message", handle_id: this.id, body, ...(jsep ? { jsep } : {}) });
    const data = reply.plugindata?.data ?? {};
    const code = data.error_code;
    if (typeof code === "number") throw new JanusError(code, String(data.error ?? "plugin error"));
    return { data, jsep: reply.jsep };
  }

  /** Passes a browser's ICE candidate on (null = gathering completed). */
  async trickle(candidate: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null } | null): Promise<void> {
    await this.session.send({ janus: "trickle", handle_id: this.id, candidate: candidate ?? { completed: true } }, true);
  }

  onEvent(listener: (event: HandleEvent) => void): void {
    this.listener = listener;
  }

  deliver(event: HandleEvent): void {
    if (event.janus === "detached") this.detached = true;
    this.listener?.(event);
  }

  /** Detaches: Janus closes this handle's PeerConnection and leaves its room. Safe to call twice. */
  async detach(): Promise<void> {
    if (this.detached) return;
    this.detached = true;
    this.session.dropHandle(this.id);
    if (this.session.isOpen) await this.session.send({ janus: "detach", handle_id: this.id }).catch(() => undefined);
  }
}
