import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Signed, expiring session tokens: `base64url(JSON payload).base64url(HMAC-SHA256)`.
 * The payload names the member and the spaces the token was issued for; a room
 * join for any other space is refused even if the member has since joined it,
 * until a new token is issued (by signin or /join). Membership and bans are
 * still checked in the database on every use, so revoking access is immediate.
 * It also names its server-side session record (`sid`): signing out deletes
 * the record, and the token stops working everywhere (see auth/Sessions.ts).
 */

export interface SessionPayload {
  /** Member id (ObjectId hex). */
  sub: string;
  /** The session record's id. */
  sid: string;
  /** Slugs of the spaces this token admits to. */
  spaces: string[];
  /** Issued at / expires at, seconds since the epoch. */
  iat: number;
  exp: number;
}

const payloadSchema = z
  .object({
    // Version 1 tokens had no session record; they read as expired, so their holders sign in again.
    v: z.literal(2),
    sub: z.string().regex(/^[0-9a-f]{24}$/),
    sid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
    sp: z.array(z.string().max(64)).max(256),
    iat: z.number().int(),
    exp: z.number().int(),
  })
  .strict();

export type TokenProblem = "malformed" | "bad-signature" | "expired";
export type VerifyResult = { ok: true; payload: SessionPayload } | { ok: false; problem: TokenProblem };

/** At most this many spaces travel in one token (bounds cookie size). */
export const MAX_TOKEN_SPACES = 64;

function mac(secret: string, data: string): Buffer {
  return createHmac("sha256", secret).update(data).digest();
}

export function signSession(
  input: { sub: string; sid: string; spaces: readonly string[]; ttlSeconds: number },
  secret: string,
  nowMs = Date.now(),
): string {
  const iat = Math.floor(nowMs / 1000);
  const body = { v: 2, sub: input.sub, sid: input.sid, sp: [...new Set(input.spaces)].slice(0, MAX_TOKEN_SPACES), iat, exp: iat + Math.floor(input.ttlSeconds) };
  const encoded = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${encoded}.${mac(secret, encoded).toString("base64url")}`;
}

export function verifySession(token: string, secret: string, nowMs = Date.now()): VerifyResult {
  if (typeof token !== "string" || token.length > 8192) return { ok: false, problem: "malformed" };
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return { ok: false, problem: "malformed" };
  const encoded = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = mac(secret, encoded);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "bad-signature" };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return { ok: false, problem: "malformed" };
  }
  if ((json as { v?: unknown } | null)?.v === 1) return { ok: false, problem: "expired" };
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: "malformed" };
  const { sub, sid, sp, iat, exp } = parsed.data;
  if (exp <= Math.floor(nowMs / 1000)) return { ok: false, problem: "expired" };
  return { ok: true, payload: { sub, sid, spaces: sp, iat, exp } };
}
