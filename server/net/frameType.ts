/**
 * Reads the message type at the head of a Colyseus room-data frame
 * ([code, type, msgpack payload…]) without Colyseus's decoder, which logs
 * a line per invalid UTF-8 byte and accepts any type name. Pure, and cheap:
 * a type is a few bytes, checked before anything else is looked at.
 */

/** Longer type names are not ours (the longest is about 20 bytes). */
export const MAX_TYPE_BYTES = 64;

export type FrameType =
  | { ok: true; type: string | number; offset: number }
  /** `problem` is safe to log and to tell the sender: it never quotes the frame. */
  | { ok: false; problem: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function readFrameType(frame: Uint8Array, start = 1): FrameType {
  if (frame.length <= start) return { ok: false, problem: "a frame without a message type" };
  const prefix = frame[start];
  // Colyseus writes numeric types as msgpack numbers; ours are all strings, but a small
  // number is a well-formed (unknown) type, told as such.
  if (prefix < 0x80) return { ok: true, type: prefix, offset: start + 1 };
  let length: number;
  let at: number;
  if (prefix > 0xa0 && prefix < 0xc0) {
    length = prefix & 0x1f;
    at = start + 1;
  } else if (prefix === 0xd9 && frame.length > start + 1) {
    length = frame[start + 1];
    at = start + 2;
  } else if (prefix === 0xda && frame.length > start + 2) {
    length = frame[start + 1] | (frame[start + 2] << 8);
    at = start + 3;
  } else {
    return { ok: false, problem: "a message type that is neither a name nor a small number" };
  }
  if (length > MAX_TYPE_BYTES) return { ok: false, problem: `a message type longer than ${MAX_TYPE_BYTES} bytes` };
  const end = at + length;
  if (end > frame.length) return { ok: false, problem: "a truncated message type" };
  let ascii = true;
  for (let i = at; i < end; i++) {
    const byte = frame[i];
    if (byte < 0x20 || byte === 0x7f) return { ok: false, problem: "a control character in the message type" };
    if (byte >= 0x80) ascii = false;
  }
  let type: string;
  if (ascii) {
    type = String.fromCharCode.apply(null, frame.subarray(at, end) as unknown as number[]);
  } else {
    try {
      type = utf8.decode(frame.subarray(at, end));
    } catch {
      return { ok: false, problem: "a message type that is not valid UTF-8" };
    }
  }
  // "*" and "__…" name Colyseus's own catch-all handlers: no client has business sending them.
  if (type === "*" || type.startsWith("__")) return { ok: false, problem: "a reserved message type" };
  return { ok: true, type, offset: end };
}
