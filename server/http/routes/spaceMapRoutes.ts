import { Router } from "express";
import type { MapSource } from "../../deps";
import { AppHttpError } from "../appErrors";

const SLUG = /^[a-z0-9][a-z0-9-]{0,47}$/;

/** GET /api/spaces/:slug/map: the Tiled JSON a space's clients render. */
export function spaceMapRoutes(maps: MapSource): Router {
  const router = Router();
  router.get("/spaces/:slug/map", async (req, res) => {
    const slug = req.params.slug;
    const active = SLUG.test(slug) ? await maps.activeMap(slug) : null;
    if (!active) throw new AppHttpError(404, `There is no office called "${slug}"`);
    // The version lets clients and caches tell a changed map from the one they hold.
    res.set("Cache-Control", "no-cache").set("ETag", `"map-${slug}-${active.version}"`);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.json(active.tiled);
  });
  return router;
}
