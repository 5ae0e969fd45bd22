import type { IncomingMessage, ServerResponse } from "node:http";
import { matchMaker } from "@colyseus/core";
import { HttpError } from "../middleware/HttpError";
import { closeAfter, readBoundedJson } from "../middleware/boundedBody";
import type { OriginPolicy } from "../security/originPolicy";

/**
 * Join options, a session token and a reconnection token fit easily; 16 KiB
 * leaves room and is still nothing to hold in memory.
 */
export const MATCHMAKE_MAX_BODY_BYTES = 16 * 1024;
const MATCHMAKE_MAX_DEPTH = 8;

const ROUTE = /^\/matchmake\/([A-Za-z]+)\/([A-Za-z0-9_-]*)\/?(?:\?.*)?$/;

/** Whether a request is for the match-maker (`/matchmake/<method>/<room>`), which colyseus.js calls. */
export function isMatchmakeRequest(req: IncomingMessage): boolean {
  return (req.url ?? "").startsWith("/matchmake/");
}

/**
 * Our own front for Colyseus's match-maker HTTP route. Colyseus's handler
 * echoes any Origin with credentials allowed and buffers bodies of any size;
 * this one
 * - answers CORS only for origins OriginPolicy lists (CORS_ORIGINS), so other
 *   pages cannot read a seat reservation made with someone's cookie;
 * - refuses browser requests from untrusted pages outright (403), before the
 *   room's onAuth sees their cookie;
 * - reads at most MATCHMAKE_MAX_BODY_BYTES (413 and the connection closed past it);
 * then calls the match-maker as Colyseus's own route does, answering in the
 * same shape ({ ...reservation } or { code, error }) so colyseus.js is unchanged.
 * (Colyseus adds the transport's `protocol` to a reservation; WebSocketTransport has none.)
 */
export function matchmakeHandler(origins: OriginPolicy) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers: Record<string, string> = { Vary: "Origin" };
    const origin = req.headers.origin;
    if (origins.corsAllowed(origin)) {
      Object.assign(headers, {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Credentials": "true",
        "Access-Control-Allow-Methods": "OPTIONS, POST",
        "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization",
        "Access-Control-Max-Age": "600",
      });
    }
    if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) return send(res, 503, headers, { error: "the server is shutting down" });
    if (req.method === "OPTIONS") return send(res, 204, headers);
    const route = ROUTE.exec(req.url ?? "");
    if (req.method !== "POST" || !route) return send(res, 404, headers, { error: "no such match-maker route" });
    const refused = origins.crossSiteProblem(req.headers);
    if (refused) {
      closeAfter(req, res);
      return send(res, 403, headers, { error: refused });
    }

    let options: unknown;
    try {
      options = (await readBoundedJson(req, { maxBytes: MATCHMAKE_MAX_BODY_BYTES, maxDepth: MATCHMAKE_MAX_DEPTH })) ?? {};
      if (typeof options !== "object" || options === null || Array.isArray(options)) throw new HttpError(400, "join options must be a JSON object");
    } catch (err) {
      const http = err instanceof HttpError ? err : new HttpError(400, "unreadable request body");
      if (http.status === 413) closeAfter(req, res);
      return send(res, http.status, headers, { error: http.message });
    }

    const [, method, roomName] = route;
    try {
      const reservation = (await matchMaker.controller.invokeMethod(method!, roomName!, options, {
        token: bearer(req.headers.authorization),
        headers: req.headers,
        ip: req.headers["x-real-ip"] ?? req.headers["x-forwarded-for"] ?? req.socket.remoteAddress ?? "",
        req,
      })) as Record<string, unknown>;
      send(res, 200, headers, reservation);
    } catch (err) {
      // Colyseus's own route answers refusals as 200 { code, error }; colyseus.js reads them that way.
      const e = err as { code?: unknown; message?: unknown };
      send(res, 200, headers, { code: e.code, error: typeof e.message === "string" ? e.message : "matchmaking failed" });
    }
  };
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { ...headers, "Content-Type": "application/json" }).end(JSON.stringify(body));
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith("Bearer ") ? header.slice(7) : undefined;
}
