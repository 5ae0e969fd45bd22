import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { CookieOptions, Request, Response } from "express";

/**
 * A browser's device id: `id.signature`, signed with the session secret (for
 * this purpose only), in a long-lived httpOnly cookie that signing out leaves
 * alone. A ban remembers the ids its member came in with, so clearing the
 * session and coming back as a "new" guest from the same browser is refused.
 * It cannot follow someone who clears cookies or switches browser (see
 * docs/security.md, "Bans").
 */
export const DEVICE_COOKIE = "deskmap_device";
const DEVICE_TTL_MS = 400 * 24 * 3600 * 1000; // browsers cap cookie lifetimes at 400 days
const ID = /^[A-Za-z0-9_-]{22}$/;

function sign(id: string, secret: string): string {
  return createHmac("sha256", secret).update(`device:${id}`).digest("base64url");
}

/** The device id in a cookie value, or null when absent, malformed or not signed by this server. */
export function verifyDeviceCookie(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  const id = value.slice(0, dot);
  if (dot < 0 || !ID.test(id)) return null;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(id, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

function options(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: DEVICE_TTL_MS };
}

/** The device id from an express request (cookie-parser has run). */
export function deviceFromRequest(req: Request, secret: string): string | null {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[DEVICE_COOKIE];
  return verifyDeviceCookie(typeof value === "string" ? value : undefined, secret);
}

/** The request's device id, minting one (and setting its cookie) when the browser has none yet. */
export function ensureDevice(req: Request, res: Response, secret: string, secure: boolean): string {
  const known = deviceFromRequest(req, secret);
  if (known) return known;
  const id = randomBytes(16).toString("base64url");
  res.cookie(DEVICE_COOKIE, `${id}.${sign(id, secret)}`, options(secure));
  return id;
}

/** The device id from a raw Cookie header (room joins see headers only). */
export function deviceFromCookieHeader(header: string | string[] | undefined, secret: string): string | null {
  const raw = Array.isArray(header) ? header.join("; ") : header;
  if (!raw) return null;
  for (const part of raw.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== DEVICE_COOKIE) continue;
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep it raw; verification decides
    }
    return verifyDeviceCookie(value, secret);
  }
  return null;
}
