import type { IncomingMessage, ServerResponse } from "node:http";
import { resetRoomMetrics, roomMetricsSnapshot } from "./RoomMetrics";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * GET /api/metrics (room timings, CPU, memory since the last reset);
 * `?reset=1` answers and starts a new window. Served in front of the app, only
 * when METRICS is on: it is for benchmarks, not for the public.
 */
export function withMetricsRoute(app: Handler): Handler {
  return (req, res) => {
    const url = req.url ?? "";
    if (req.method !== "GET" || !(url === "/api/metrics" || url.startsWith("/api/metrics?"))) return app(req, res);
    const body = JSON.stringify(roomMetricsSnapshot());
    if (new URLSearchParams(url.split("?")[1] ?? "").get("reset") === "1") resetRoomMetrics();
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(body);
  };
}
