import type { RequestHandler } from "express";
import type { OriginPolicy } from "./originPolicy";

/** Methods and headers another origin on the allowlist may use against the API. */
const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
const ALLOWED_HEADERS = "content-type, x-deskmap-csrf, authorization";

/**
 * Same-origin by default: no CORS headers at all, so browsers keep other sites
 * from reading the API. Origins in CORS_ORIGINS (exact, e.g.
 * https://intranet.example.com) may call it with credentials.
 */
export function corsPolicy(origins: OriginPolicy): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.vary("Origin");
    if (origins.corsAllowed(origin)) {
      res.set("Access-Control-Allow-Origin", origin);
      res.set("Access-Control-Allow-Credentials", "true");
      if (req.method === "OPTIONS") {
        res.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
        res.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        res.set("Access-Control-Max-Age", "600");
        res.status(204).end();
        return;
      }
    } else if (req.method === "OPTIONS" && req.headers["access-control-request-method"]) {
      // A preflight from an origin not on the list: answer without permission.
      res.status(204).end();
      return;
    }
    next();
  };
}
