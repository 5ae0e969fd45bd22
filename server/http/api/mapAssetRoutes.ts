import { Router } from "express";
import type { ApiContext } from "./ApiContext";
import { HttpError } from "../middleware/HttpError";

const ASSET = /^([0-9a-f]{64})\.(png|jpg|webp)$/;
const TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" };

/**
 * GET /api/map-assets/<sha256>.<ext>: an uploaded map image. The name is the
 * hash of the bytes, so an answer never changes: browsers and proxies may
 * keep it for a year without asking again. Public like the map JSON itself
 * (GET /api/spaces/:slug/map), and unguessable without it.
 */
export function mapAssetRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get("/:file", async (req, res) => {
    const m = ASSET.exec(req.params.file);
    if (!m) throw new HttpError(404, "no such map asset");
    const asset = await ctx.repos.mapAssets.get(m[1]);
    if (!asset || asset.contentType !== TYPES[m[2]]) throw new HttpError(404, "no such map asset");
    res
      .status(200)
      .set("Content-Type", asset.contentType)
      .set("Cache-Control", "public, max-age=31536000, immutable")
      .set("ETag", `"${asset._id}"`)
      .set("Cross-Origin-Resource-Policy", "same-origin");
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.send(asset.bytes);
  });
  return router;
}
