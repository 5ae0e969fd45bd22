import { MAX_BSON_DEPTH } from "./constants";

/**
 * Walks raw BSON bytes without recursion and checks lengths and nesting depth.
 * The bson package recurses per nested document, so a hostile 10,000-deep document
 * must be refused here, before it is ever handed to `deserialize`.
 * Returns null when the bytes are acceptable, else the reason.
 */
export function scanBson(buf: Buffer, start: number, end: number, maxDepth = MAX_BSON_DEPTH): string | null {
  if (end - start < 5) return "BSON document too short";
  const topLen = buf.readInt32LE(start);
  if (topLen < 5 || start + topLen > end) return "BSON document length out of bounds";
  const ends: number[] = [start + topLen];
  let pos = start + 4;
  while (ends.length > 0) {
    const docEnd = ends[ends.length - 1];
    if (pos >= docEnd) return "BSON document overruns its length";
    const type = buf[pos++];
    if (type === 0) {
      if (pos !== docEnd) return "BSON document terminator misplaced";
      ends.pop();
      continue;
    }
    const nameEnd = buf.indexOf(0, pos);
    if (nameEnd < 0 || nameEnd >= docEnd) return "unterminated BSON field name";
    pos = nameEnd + 1;
    const need = (n: number): boolean => n >= 0 && pos + n <= docEnd;
    switch (type) {
      case 0x01: case 0x09: case 0x11: case 0x12:
        if (!need(8)) return "truncated BSON value";
        pos += 8;
        break;
      case 0x10:
        if (!need(4)) return "truncated BSON value";
        pos += 4;
        break;
      case 0x13:
        if (!need(16)) return "truncated BSON value";
        pos += 16;
        break;
      case 0x07:
        if (!need(12)) return "truncated BSON value";
        pos += 12;
        break;
      case 0x08:
        if (!need(1)) return "truncated BSON value";
        pos += 1;
        break;
      case 0x06: case 0x0a: case 0x7f: case 0xff:
        break;
      case 0x02: case 0x0d: case 0x0e: {
        if (!need(4)) return "truncated BSON string";
        const len = buf.readInt32LE(pos);
        if (len < 1 || !need(4 + len) || buf[pos + 4 + len - 1] !== 0) return "bad BSON string length";
        pos += 4 + len;
        break;
      }
      case 0x0c: {
        if (!need(4)) return "truncated BSON dbpointer";
        const len = buf.readInt32LE(pos);
        if (len < 1 || !need(4 + len + 12)) return "bad BSON dbpointer";
        pos += 4 + len + 12;
        break;
      }
      case 0x05: {
        if (!need(5)) return "truncated BSON binary";
        const len = buf.readInt32LE(pos);
        if (len < 0 || !need(5 + len)) return "bad BSON binary length";
        pos += 5 + len;
        break;
      }
      case 0x0b: {
        for (let i = 0; i < 2; i++) {
          const z = buf.indexOf(0, pos);
          if (z < 0 || z >= docEnd) return "unterminated BSON regex";
          pos = z + 1;
        }
        break;
      }
      case 0x0f: {
        // code_w_scope: skip whole; its scope is parsed by bson but depth there is bounded by size.
        if (!need(4)) return "truncated BSON code_w_scope";
        const len = buf.readInt32LE(pos);
        if (len < 14 || !need(len)) return "bad BSON code_w_scope length";
        pos += len;
        break;
      }
      case 0x03: case 0x04: {
        if (!need(5)) return "truncated BSON subdocument";
        const len = buf.readInt32LE(pos);
        if (len < 5 || !need(len)) return "bad BSON subdocument length";
        if (ends.length >= maxDepth) return `BSON nesting deeper than ${maxDepth} levels`;
        ends.push(pos + len);
        pos += 4;
        break;
      }
      default:
        return `unknown BSON type 0x${type.toString(16)}`;
    }
  }
  return pos === start + topLen ? null : "BSON document length mismatch";
}
