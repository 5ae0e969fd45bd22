import { Router } from "express";
import { PROTOCOL_VERSION } from "../../../shared/protocol/names";

/** GET /api/health: liveness for load balancers and the client's version check. */
export function healthRoutes(): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ ok: true, protocol: PROTOCOL_VERSION });
  });
  return router;
}
