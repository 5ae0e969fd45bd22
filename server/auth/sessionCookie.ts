import type { CookieOptions, Response } from "express";

export const SESSION_COOKIE = "deskmap_session";

function options(secure: boolean, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: "lax", secure, path: "/", ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) };
}

export function setSessionCookie(res: Response, token: string, ttlSeconds: number, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, options(secure, ttlSeconds * 1000));
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, options(secure));
}

/** The session cookie's value from a raw Cookie header (the WebSocket upgrade has no cookie-parser). */
export function sessionTokenFromCookieHeader(header: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(header) ? header.join("; ") : header;
  if (!raw) return undefined;
  for (const part of raw.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
