import cookieParser from "cookie-parser";
import { Router } from "express";
import { boundedJson } from "../middleware/boundedBody";
import { jsonErrorHandler, notFound } from "../middleware/errorHandler";
import { loadSession } from "../middleware/session";
import type { ApiContext } from "./ApiContext";
import { activeMapRoutes } from "./activeMapRoutes";
import { authRoutes } from "./authRoutes";
import { mapRoutes } from "./mapRoutes";
import { mapEditRoutes } from "./mapEditRoutes";
import { mapAssetRoutes } from "./mapAssetRoutes";
import { meRoutes } from "./meRoutes";
import { spaceRoutes } from "./spaceRoutes";
import { auditRoutes } from "./auditRoutes";
import { inviteRoutes } from "./inviteRoutes";
import { memberAdminRoutes } from "./memberAdminRoutes";
import { spaceAdminRoutes } from "./spaceAdminRoutes";
import { ownerSetupRoutes } from "./ownerSetupRoutes";
import { moderationRoutes } from "../../features/moderation/moderationRoutes";

/** Ordinary bodies are small and shallow; map uploads have their own, larger limit in mapRoutes. */
const BODY_LIMITS = { maxBytes: 32 * 1024, maxDepth: 16 };
const MAP_UPLOAD = /^\/spaces\/[^/]+\/maps\/?$/;
/** An editor save lists up to a layer's worth of objects of each kind; still shallow. */
const EDIT_LIMITS = { maxBytes: 1024 * 1024, maxDepth: 6 };
const MAP_EDITS = /^\/spaces\/[^/]+\/maps\/edits\/?$/;

/**
 * The REST API, meant to be mounted at /api. Self-contained: it parses its own
 * cookies and bodies and answers every error (and unknown route) as JSON.
 */
export function createApiRouter(ctx: ApiContext): Router {
  const router = Router();
  const json = boundedJson(BODY_LIMITS);
  const editsJson = boundedJson(EDIT_LIMITS);
  router.use(cookieParser());
  router.use((req, res, next) => {
    if (req.method === "POST" && MAP_UPLOAD.test(req.path)) return next();
    return (req.method === "POST" && MAP_EDITS.test(req.path) ? editsJson : json)(req, res, next);
  });
  router.use(loadSession(ctx));
  router.use((_req, res, next) => {
    // Answers depend on the caller's session.
    res.set("Cache-Control", "no-store");
    next();
  });

  router.use("/auth", authRoutes(ctx));
  router.use("/me", meRoutes(ctx));
  router.use("/spaces", activeMapRoutes(ctx));
  router.use("/map-assets", mapAssetRoutes(ctx));
  router.use("/spaces", mapEditRoutes(ctx));
  router.use("/spaces", mapRoutes(ctx));
  router.use("/spaces", spaceRoutes(ctx));
  router.use("/spaces", moderationRoutes(ctx));
  router.use("/spaces", inviteRoutes(ctx));
  router.use("/spaces", memberAdminRoutes(ctx));
  router.use("/spaces", auditRoutes(ctx));
  router.use("/spaces", spaceAdminRoutes(ctx));
  router.use("/spaces", ownerSetupRoutes(ctx));
  router.use(notFound);
  router.use(jsonErrorHandler(ctx.log));
  return router;
}
