import { Router, type Request, type Response } from "express";
import type { MapSource } from "../../deps";
import { HttpError } from "../middleware/HttpError";

const SLUG = /^[a-z0-9][a-z0-9-]{0,47}$/;

/** Sends a space's active map, with an ETag so clients and caches can tell a changed map from the one they hold. */
export function sendActiveMap(req: Request, res: Response, slug: string, version: number, tiled: object): void {
  res.set("Cache-Control", "no-cache").set("ETag", `"map-${slug}-${version}"`);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.json(tiled);
}

/**
 * GET /api/spaces/:slug/map without accounts (no API router): the Tiled JSON a
 * space's clients render, to anyone, as every visitor is a guest then. With
 * accounts the API router serves this path itself and checks who may read it.
 */
export function spaceMapRoutes(maps: MapSource): Router {
  const router = Router();
  router.get("/spaces/:slug/map", async (req, res) => {
    const slug = req.params.slug;
    const active = SLUG.test(slug) ? await maps.activeMap(slug) : null;
    if (!active) throw new HttpError(404, `There is no office called "${slug}"`);
    sendActiveMap(req, res, slug, active.version, active.tiled);
  });
  return router;
}
