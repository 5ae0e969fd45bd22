/** Typed-array helpers for scratch buffers that grow but never shrink, so steady calls allocate nothing. */

export function ensureInt32(buf: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  return buf.length >= length ? buf : new Int32Array(Math.max(length, buf.length * 2, 16));
}

export function ensureFloat64(buf: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  return buf.length >= length ? buf : new Float64Array(Math.max(length, buf.length * 2, 16));
}

export function ensureUint8(buf: Uint8Array<ArrayBuffer>, length: number): Uint8Array<ArrayBuffer> {
  return buf.length >= length ? buf : new Uint8Array(Math.max(length, buf.length * 2, 16));
}

/** Like `ensureInt32` but keeps the first `keep` values (for append-only lists). */
export function growInt32(buf: Int32Array<ArrayBuffer>, length: number, keep: number): Int32Array<ArrayBuffer> {
  if (buf.length >= length) return buf;
  const next = new Int32Array(Math.max(length, buf.length * 2, 16));
  next.set(buf.subarray(0, keep));
  return next;
}

export function growFloat64(buf: Float64Array<ArrayBuffer>, length: number, keep: number): Float64Array<ArrayBuffer> {
  if (buf.length >= length) return buf;
  const next = new Float64Array(Math.max(length, buf.length * 2, 16));
  next.set(buf.subarray(0, keep));
  return next;
}
