import { Router } from "express";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { acceptUpload } from "../../maps/upload/acceptUpload";
import { readRawBody } from "../../maps/upload/readRawBody";
import { HttpError } from "../middleware/HttpError";
import { requireSpaceRole } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { activeMapBody, mapUploadQuery, slugParams, versionParams } from "./schemas";
import { requireMapVersion } from "./requireMapVersion";
import { mapSummaryView } from "./views";

/** Default bound on a whole upload (map, tilesets and images) when the context sets none. */
const DEFAULT_BUNDLE_BYTES = 16 * 1024 * 1024;

/**
 * /api/spaces/:slug/maps and active-map: uploading, listing and switching map
 * versions. The contract (for the admin page and scripts) is in docs/maps.md.
 */
export function mapRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.post(
    "/:slug/maps",
    validated({ params: slugParams, query: mapUploadQuery }, async ({ params, query }, req, res) => {
      // Who may upload is settled before a byte of the body is read.
      const { space, member } = await requireSpaceRole(ctx, req, params.slug, "mapMaker");
      const bundleLimit = ctx.maxMapBundleBytes ?? DEFAULT_BUNDLE_BYTES;
      const contentType = req.headers["content-type"] ?? "application/json";
      const body = await readRawBody(req, contentType.startsWith("application/json") ? ctx.maxMapBytes : bundleLimit);
      if (body.length === 0) throw new HttpError(400, "invalid map", { problems: ["the body is empty; send the Tiled JSON map, a multipart form or a .zip"], more: 0 });
      const accepted = await acceptUpload(ctx.repos, {
        body,
        contentType,
        mapChoice: query.map,
        space: space._id,
        name: query.name ?? `version ${space.activeMapVersion + 1}`,
        uploadedBy: member._id,
        maxMapBytes: ctx.maxMapBytes,
        maxBundleBytes: bundleLimit,
        serverImage: (url) => serverImage(ctx.assetsDir, url),
      });
      let activeVersion = space.activeMapVersion;
      if (query.activate) {
        await ctx.repos.spaces.setActiveMap(space.slug, accepted.doc._id, accepted.doc.version);
        activeVersion = accepted.doc.version;
      }
      const saved = accepted.doc;
      await ctx.repos.audit.record({
        space: space._id,
        actor: member,
        action: "map.upload",
        target: saved.name,
        detail: `uploaded map version ${saved.version} (${saved.width}×${saved.height} tiles)${query.activate ? " and made it active" : ""}`,
      });
      if (query.activate) await ctx.officeChanged?.(space.slug, "map");
      res.status(201).json({ map: mapSummaryView(saved, activeVersion), warnings: accepted.warnings, moreWarnings: accepted.moreWarnings });
    }),
  );

  router.get(
    "/:slug/maps",
    validated({ params: slugParams }, async ({ params }, req, res) => {
      const { space } = await requireSpaceRole(ctx, req, params.slug, "member");
      const maps = await ctx.repos.maps.list(space._id);
      res.json({ maps: maps.map((m) => mapSummaryView(m, space.activeMapVersion)) });
    }),
  );

  router.get(
    "/:slug/maps/:version",
    validated({ params: versionParams }, async ({ params }, req, res) => {
      const { space } = await requireSpaceRole(ctx, req, params.slug, "member");
      const map = await requireMapVersion(ctx, space, params.version);
      res.json({ map: mapSummaryView(map, space.activeMapVersion), tiled: map.tiled });
    }),
  );

  router.put(
    "/:slug/active-map",
    validated({ params: slugParams, body: activeMapBody }, async ({ params, body }, req, res) => {
      const { space, member } = await requireSpaceRole(ctx, req, params.slug, "mapMaker");
      const map = await requireMapVersion(ctx, space, body.version);
      await ctx.repos.spaces.setActiveMap(space.slug, map._id, map.version);
      await ctx.repos.audit.record({
        space: space._id,
        actor: member,
        action: "map.activate",
        target: map.name,
        detail: `made map version ${map.version} active (was ${space.activeMapVersion})`,
      });
      await ctx.officeChanged?.(space.slug, "map");
      res.json({ map: mapSummaryView(map, map.version) });
    }),
  );

  return router;
}

/** One of the server's own images (a URL under /assets/), read from the assets folder for previews. */
async function serverImage(assetsDir: string | undefined, url: string): Promise<Buffer | null> {
  if (!assetsDir || !url.startsWith("/assets/")) return null;
  const file = path.resolve(assetsDir, decodeURIComponent(url.slice("/assets/".length)));
  if (!file.startsWith(path.resolve(assetsDir) + path.sep)) return null;
  return readFile(file).catch(() => null);
}
