import { gunzipSync, unzlibSync } from "fflate";
import { describe } from "./tiledValues";

/**
 * Tile layer data as Tiled saves it: a JSON array of gids ("CSV" format), or
 * base64 of little-endian 32-bit gids, optionally zlib- or gzip-compressed
 * (Tiled's default format for many users). Returns the gids, or a sentence
 * saying why they cannot be read. Decompression stops at the size the layer
 * needs, so a small upload cannot expand into a large allocation.
 */
export function decodeLayerData(
  data: unknown,
  encoding: unknown,
  compression: unknown,
  cells: number,
): { gids: number[] } | { problem: string } {
  if (encoding === undefined || encoding === "csv") {
    if (!Array.isArray(data)) return { problem: `data must be an array of tile ids, found ${describe(data)}` };
    return { gids: data as number[] };
  }
  if (encoding !== "base64") return { problem: `unknown tile data encoding ${describe(encoding)}` };
  if (typeof data !== "string") return { problem: `base64 tile data must be a string, found ${describe(data)}` };
  if (compression === "zstd") {
    return { problem: `zstd-compressed tile data cannot be read; in Tiled set the layer format to CSV, Base64 (uncompressed), Base64 (zlib) or Base64 (gzip)` };
  }
  if (compression !== undefined && compression !== "" && compression !== "zlib" && compression !== "gzip") {
    return { problem: `unknown tile data compression ${describe(compression)}` };
  }
  const packed = base64Bytes(data);
  if (!packed) return { problem: "tile data is not valid base64" };
  const want = cells * 4;
  let bytes: Uint8Array;
  if (compression === "zlib" || compression === "gzip") {
    try {
      // One spare byte tells "exactly the right size" from "more than the layer holds".
      const out = new Uint8Array(want + 1);
      bytes = compression === "zlib" ? unzlibSync(packed, { out }) : gunzipSync(packed, { out });
    } catch (err) {
      return { problem: `${compression} tile data cannot be decompressed (${(err as Error).message})` };
    }
  } else {
    bytes = packed;
  }
  if (bytes.length !== want) {
    return {
      problem: bytes.length > want
        ? `tile data holds more than the ${want} bytes a layer of ${cells} cells needs`
        : `tile data holds ${bytes.length} bytes; a layer of ${cells} cells needs ${want}`,
    };
  }
  const gids = new Array<number>(cells);
  for (let i = 0, at = 0; i < cells; i++, at += 4) {
    gids[i] = (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
  }
  return { gids };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/** Decodes base64 (whitespace allowed, as Tiled's XML-era files wrap lines), or null if it is not base64. */
export function base64Bytes(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, "").replace(/=+$/, "");
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? VALUES[code] : -1;
    if (v < 0) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}
