import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Password hashing with scrypt from node:crypto. The stored form carries its own
 * parameters (`scrypt$N$r$p$salt$hash`, base64url), so a hash made with weaker
 * parameters still verifies and is replaced on the next successful sign-in
 * (`needsRehash`).
 */

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's password storage guidance for scrypt: N=2^17 (128 MiB), r=8, p=1. */
export const PASSWORD_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LEN = 32;
const SALT_LEN = 16;

/**
 * Each derivation holds 128·N·r bytes (128 MiB at the defaults) on a libuv
 * thread; two at a time bounds the memory a burst of sign-ins can take and
 * leaves the other threads for file I/O. The rest wait their turn.
 */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParams, keyLen: number): Promise<Buffer> {
  return withSlot(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize("NFKC"), salt, keyLen, { N, r, p, maxmem: 128 * N * r * p + 128 * N * r + 1024 * 1024 }, (err, key) =>
          err ? reject(err) : resolve(key),
        );
      }),
  );
}

export async function hashPassword(password: string, params: ScryptParams = PASSWORD_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LEN);
  const key = await derive(password, salt, params, KEY_LEN);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; expected: Buffer } | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, "base64url");
  const expected = Buffer.from(parts[5]!, "base64url");
  const sane = (v: number, max: number) => Number.isInteger(v) && v > 0 && v <= max;
  const powerOfTwo = (N & (N - 1)) === 0 && N > 1;
  if (!sane(N, 1 << 20) || !powerOfTwo || !sane(r, 32) || !sane(p, 16) || expected.length < 16 || salt.length < 8) return null;
  return { params: { N, r, p }, salt, expected };
}

/** Whether `password` matches `stored`; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.params, parsed.expected.length);
  return timingSafeEqual(actual, parsed.expected);
}

/** Whether a stored hash was made with other parameters than `params` (and should be made again). */
export function needsRehash(stored: string, params: ScryptParams = PASSWORD_PARAMS): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.params.N !== params.N || parsed.params.r !== params.r || parsed.params.p !== params.p;
}

/**
 * A hash of a random password, to verify against when no account matches an
 * email: signin then costs the same either way and does not reveal which emails exist.
 */
const decoys = new Map<string, Promise<string>>();
export function decoyHash(params: ScryptParams = PASSWORD_PARAMS): Promise<string> {
  const key = `${params.N}/${params.r}/${params.p}`;
  let decoy = decoys.get(key);
  if (!decoy) decoys.set(key, (decoy = hashPassword(randomBytes(16).toString("hex"), params)));
  return decoy;
}
