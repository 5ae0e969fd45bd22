import type { Socket } from "node:net";
import type { Document } from "bson";
import type { CommandRunner } from "./commandRunner";
import { ErrorCodes } from "./errors";
import { OpCode } from "./wire/constants";
import { encodeOpMsg, encodeOpReply, parseMessage, readHeader, WireParseError } from "./wire/messages";
import { FramingError, MessageFramer } from "./wire/MessageFramer";

/** Pause reading while this many bytes of whole messages wait to be processed. */
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;

/**
 * One client socket: frames messages, runs them strictly in order (a driver never pipelines
 * on one connection, and ordering keeps writes and reads of one client consistent), replies.
 * Malformed input is answered with an error or ends this connection; it never throws upward.
 */
export class Connection {
  private readonly framer = new MessageFramer();
  private readonly queue: Buffer[] = [];
  private queuedBytes = 0;
  private busy = false;

  constructor(
    private readonly socket: Socket,
    readonly id: number,
    private readonly run: CommandRunner,
    private readonly log: (msg: string) => void,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", () => socket.destroy());
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    let messages: Buffer[];
    try {
      messages = this.framer.push(chunk);
    } catch (err) {
      this.log(`connection ${this.id}: ${err instanceof FramingError ? err.message : String(err)}; closing`);
      this.socket.destroy();
      return;
    }
    for (const m of messages) {
      this.queue.push(m);
      this.queuedBytes += m.length;
    }
    if (this.queuedBytes > MAX_QUEUED_BYTES) this.socket.pause();
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length > 0 && !this.socket.destroyed) {
        const msg = this.queue.shift()!;
        this.queuedBytes -= msg.length;
        try {
          await this.handle(msg);
        } catch (err) {
          // Nothing above should throw; if it does, lose this connection, not the process.
          this.log(`connection ${this.id}: unexpected failure: ${(err as Error).stack ?? String(err)}`);
          this.socket.destroy();
        }
      }
    } finally {
      this.busy = false;
      if (!this.socket.destroyed) this.socket.resume();
    }
  }

  private async handle(msg: Buffer): Promise<void> {
    const header = readHeader(msg);
    let reply: Buffer | null;
    try {
      const req = parseMessage(msg);
      const result = await this.run(req.command, req.db, this.id);
      if (req.noReply) return;
      reply = this.encode(req.kind, header.requestId, result);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (!(err instanceof WireParseError)) this.log(`connection ${this.id}: internal error: ${message}`);
      reply = this.errorReply(header.opCode, header.requestId, message);
    }
    if (!reply) {
      this.socket.destroy();
      return;
    }
    // A client that sends but never reads must not make the server buffer without bound.
    if (!this.socket.write(reply) && !this.socket.destroyed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.socket.off("drain", done);
          this.socket.off("close", done);
          resolve();
        };
        this.socket.on("drain", done);
        this.socket.on("close", done);
      });
    }
  }

  private encode(kind: "msg" | "query", requestId: number, doc: Document): Buffer {
    try {
      return kind === "msg" ? encodeOpMsg(requestId, doc) : encodeOpReply(requestId, doc);
    } catch (err) {
      const failure = { ok: 0, errmsg: `could not encode reply: ${(err as Error).message}`, code: ErrorCodes.InternalError, codeName: "InternalError" };
      return kind === "msg" ? encodeOpMsg(requestId, failure) : encodeOpReply(requestId, failure);
    }
  }

  /** Unknown opcodes get no reply (the client could not parse one); the connection closes. */
  private errorReply(opCode: number, requestId: number, message: string): Buffer | null {
    const doc = { ok: 0, errmsg: message, code: ErrorCodes.ProtocolError, codeName: "ProtocolError" };
    if (opCode === OpCode.MSG) return encodeOpMsg(requestId, doc);
    if (opCode === OpCode.QUERY) return encodeOpReply(requestId, doc);
    this.log(`connection ${this.id}: ${message}; closing`);
    return null;
  }
}
