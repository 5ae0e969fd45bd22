import express, { Router } from "express";
import { parseMap } from "../../../shared/map/parseMap";
import { storableProblems } from "../../db/repositories/storableJson";
import { HttpError } from "../middleware/HttpError";
import { requireSpaceRole } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { activeMapBody, mapUploadQuery, slugParams, versionParams } from "./schemas";
import { mapSummaryView } from "./views";

/** /api/spaces/:slug/maps and active-map: uploading, listing and switching map versions. */
export function mapRoutes(ctx: ApiContext): Router {
  const router = Router();
  // Maps are far larger than any other body, so they get their own parser and limit (413 beyond it).
  const tiledJson = express.json({ limit: ctx.maxMapBytes, type: ["application/json", "application/*+json"] });

  router.post(
    "/:slug/maps",
    tiledJson,
    validated({ params: slugParams, query: mapUploadQuery }, async ({ params, query, body }, req, res) => {
      const { space, member } = await requireSpaceRole(ctx, req, params.slug, "admin");
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new HttpError(400, "invalid map", { problems: ["the body must be a Tiled JSON map object (Content-Type: application/json)"] });
      }
      const unstorable = storableProblems(body);
      if (unstorable.length > 0) throw new HttpError(400, "invalid map", { problems: unstorable });
      const map = parseMap(body); // MapError → 400 with every problem
      const saved = await ctx.repos.maps.addVersion({
        space: space._id,
        name: query.name ?? `version ${space.activeMapVersion + 1}`,
        tiled: body as Record<string, unknown>,
        width: map.width,
        height: map.height,
        uploadedBy: member._id,
      });
      let activeVersion = space.activeMapVersion;
      if (query.activate) {
        await ctx.repos.spaces.setActiveMap(space.slug, saved._id, saved.version);
        activeVersion = saved.version;
      }
      await ctx.repos.audit.record({
        space: space._id,
        actor: member,
        action: "map.upload",
        target: saved.name,
        detail: `uploaded map version ${saved.version} (${saved.width}×${saved.height} tiles)${query.activate ? " and made it active" : ""}`,
      });
      if (query.activate) await ctx.officeChanged?.(space.slug, "map");
      res.status(201).json({ map: mapSummaryView(saved, activeVersion) });
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
      const map = await ctx.repos.maps.get(space._id, params.version);
      if (!map) throw new HttpError(404, `space "${space.slug}" has no map version ${params.version}`);
      res.json({ map: mapSummaryView(map, space.activeMapVersion), tiled: map.tiled });
    }),
  );

  router.put(
    "/:slug/active-map",
    validated({ params: slugParams, body: activeMapBody }, async ({ params, body }, req, res) => {
      const { space, member } = await requireSpaceRole(ctx, req, params.slug, "admin");
      const map = await ctx.repos.maps.get(space._id, body.version);
      if (!map) throw new HttpError(404, `space "${space.slug}" has no map version ${body.version}`);
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
