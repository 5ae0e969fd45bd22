import { Router } from "express";
import { HttpError } from "../middleware/HttpError";
import { requireSpaceReader } from "../middleware/session";
import { validated } from "../middleware/validate";
import { sendActiveMap } from "../routes/spaceMapRoutes";
import type { ApiContext } from "./ApiContext";
import { slugParams } from "./schemas";

/** GET /api/spaces/:slug/map: the active map, to anyone for a space open to guests, else to its members. */
export function activeMapRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get(
    "/:slug/map",
    validated({ params: slugParams }, async ({ params }, req, res) => {
      const space = await requireSpaceReader(ctx, req, params.slug);
      const map = await ctx.repos.maps.get(space._id, space.activeMapVersion);
      if (!map) throw new HttpError(404, `There is no office called "${params.slug}"`);
      sendActiveMap(req, res, space.slug, map.version, map.tiled as object);
    }),
  );
  return router;
}
