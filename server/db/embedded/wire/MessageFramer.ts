import { HEADER_SIZE, MAX_MESSAGE_SIZE } from "./constants";

/**
 * Cuts a TCP byte stream into whole wire messages. A length below the header size or
 * above the advertised maximum cannot be resynchronised, so it is fatal for the connection.
 */
export class MessageFramer {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxMessageSize = MAX_MESSAGE_SIZE) {}

  /** Adds bytes; returns complete messages, or throws FramingError on an impossible length. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const head = this.peek(4);
      const len = head.readInt32LE(0);
      if (len < HEADER_SIZE || len > this.maxMessageSize) {
        throw new FramingError(`invalid message length ${len}`);
      }
      if (this.buffered < len) break;
      out.push(this.take(len));
    }
    return out;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0].subarray(0, n);
  }

  private take(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    const first = this.chunks[0];
    const msg = Buffer.from(first.subarray(0, n)); // copy so later chunks can be released
    if (first.length === n) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
    this.buffered -= n;
    return msg;
  }
}

export class FramingError extends Error {}
