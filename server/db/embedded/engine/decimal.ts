/**
 * Exact decimal arithmetic on Decimal128 strings for $inc and $mul, so Decimal128("0.1") + 0.2
 * is 0.3 as in mongod rather than a double's 0.30000000000000004.
 */
interface Dec {
  m: bigint;
  e: number;
}

function parse(s: string): Dec | null {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s.trim());
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return null;
  const frac = match[3] ?? "";
  const m = BigInt((match[1] === "-" ? "-" : "") + (match[2] + frac || "0"));
  return { m, e: Number(match[4] ?? 0) - frac.length };
}

function format(d: Dec): string {
  const neg = d.m < 0n;
  let digits = (neg ? -d.m : d.m).toString();
  let out: string;
  if (d.e >= 0) out = digits + (d.e > 0 ? `E+${d.e}` : "");
  else {
    const point = digits.length + d.e;
    if (point <= 0) digits = "0".repeat(1 - point) + digits;
    const p = digits.length + d.e;
    out = `${digits.slice(0, p)}.${digits.slice(p)}`;
  }
  return (neg ? "-" : "") + out;
}

function viaDouble(a: string, b: string, op: (x: number, y: number) => number): string {
  return String(op(Number(a), Number(b)));
}

export function decimalAdd(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return viaDouble(a, b, (p, q) => p + q);
  const e = Math.min(x.e, y.e);
  return format({ m: x.m * 10n ** BigInt(x.e - e) + y.m * 10n ** BigInt(y.e - e), e });
}

export function decimalMul(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return viaDouble(a, b, (p, q) => p * q);
  return format({ m: x.m * y.m, e: x.e + y.e });
}
