import type { RequestHandler } from "express";
import { SESSION_COOKIE } from "../../auth/sessionCookie";
import { OriginPolicy } from "./originPolicy";

/** The header every state-changing fetch of the page carries; a cross-site form cannot send it. */
export const CSRF_HEADER = "x-deskmap-csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie sessions ride along on any request a browser makes, so a
 * state-changing request is refused (403 JSON) when:
 * - it comes from a browser page that OriginPolicy does not trust (Origin, or
 *   Sec-Fetch-Site when Origin is absent); or
 * - it carries the session cookie, comes from a browser, and lacks
 *   `X-Deskmap-CSRF: 1` (only same-origin script or an allowed origin after a
 *   preflight can set it).
 * Clients that are not browsers (bots, curl, tests) send neither Origin nor
 * Sec-Fetch-*: a cookie they send is their own, so they pass.
 */
export function csrfGuard(origins: OriginPolicy): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const problem = origins.crossSiteProblem(req.headers) ?? missingHeader(req.headers);
    if (!problem) return next();
    res.status(403).json({ error: problem });
  };
}

function missingHeader(headers: Record<string, string | string[] | undefined>): string | null {
  const hasSession = String(headers.cookie ?? "").includes(`${SESSION_COOKIE}=`);
  return hasSession && OriginPolicy.fromBrowser(headers) && headers[CSRF_HEADER] !== "1" ? `missing ${CSRF_HEADER} header` : null;
}
