/**
 * A cheap upper-bound-ish estimate of a decoded message's size in bytes (about
 * its JSON length). It stops walking as soon as `limit` is passed, so a huge or
 * deeply nested payload costs no more than a small one to refuse.
 * Returns a number > limit when the payload is too big.
 */
export function estimatePayloadSize(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") size += v.length + 2;
    else if (typeof v === "number" || typeof v === "bigint") size += 8;
    else if (typeof v === "boolean" || v === null || v === undefined) size += 4;
    else if (ArrayBuffer.isView(v)) size += v.byteLength;
    else if (v instanceof ArrayBuffer) size += v.byteLength;
    else if (Array.isArray(v)) {
      size += 2 + v.length;
      for (let i = 0; i < v.length && size <= limit; i++) stack.push(v[i]);
    } else if (typeof v === "object") {
      size += 2;
      for (const key in v as object) {
        size += key.length + 4;
        if (size > limit) break;
        stack.push((v as Record<string, unknown>)[key]);
      }
    } else size += 8;
    if (size > limit) return size;
  }
  return size;
}
