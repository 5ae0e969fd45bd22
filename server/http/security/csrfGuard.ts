import type { Request, RequestHandler } from "express";
import { SESSION_COOKIE } from "../../auth/sessionCookie";

/** The header every state-changing fetch of the page carries; a cross-site form cannot send it. */
export const CSRF_HEADER = "x-deskmap-csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie sessions ride along on any request a browser makes, so a
 * state-changing request is refused (403 JSON) when:
 * - it comes from a browser page of another origin (Origin, or Sec-Fetch-Site
 *   when Origin is absent) that is not on the CORS allowlist; or
 * - it carries the session cookie, comes from a browser, and lacks
 *   `X-Deskmap-CSRF: 1` (only same-origin script or an allowed origin after a
 *   preflight can set it).
 * Clients that are not browsers (bots, curl, tests) send neither Origin nor
 * Sec-Fetch-*: a cookie they send is their own, so they pass.
 */
export function csrfGuard(allowedOrigins: readonly string[], publicUrl?: string): RequestHandler {
  const allowed = new Set(allowedOrigins);
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const problem = csrfProblem(req, allowed);
    if (!problem) return next();
    res.status(403).json({ error: problem });
  };
}

function csrfProblem(req: Request, allowed: ReadonlySet<string>): string | null {
  const origin = req.headers.origin;
  const fetchSite = header(req, "sec-fetch-site");
  const fromBrowser = origin !== undefined || fetchSite !== undefined;
  if (origin !== undefined && origin !== "null") {
    if (!sameHost(origin, req) && !allowed.has(origin)) return "cross-origin request refused";
  } else if (origin === "null" || (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none")) {
    return "cross-origin request refused";
  }
  const hasSession = (req.headers.cookie ?? "").includes(`${SESSION_COOKIE}=`);
  if (hasSession && fromBrowser && header(req, CSRF_HEADER) !== "1") return `missing ${CSRF_HEADER} header`;
  return null;
}

function sameHost(origin: string, req: Request): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
