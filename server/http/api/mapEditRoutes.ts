import { Router } from "express";
import { importMap } from "../../../shared/map/parseMap";
import { MapError } from "../../../shared/map/MapError";
import { applyEdits, editProblems, readEdits } from "../../../shared/map/mapEdits";
import type { TiledMap } from "../../../shared/map/tiledTypes";
import { requireSpaceRole } from "../middleware/session";
import { validated } from "../middleware/validate";
import type { ApiContext } from "./ApiContext";
import { mapEditsBody, slugParams } from "./schemas";
import { requireMapVersion } from "./requireMapVersion";
import { mapSummaryView } from "./views";

/**
 * POST /api/spaces/:slug/maps/edits: the in-app editor's save. The zones,
 * desks and spawns it sends replace those of `baseVersion`, and the result
 * must pass the very checks an upload passes (importMap) plus the editor's
 * own (zones inside the map); then it is stored as the next version, with
 * the base version's tiles, images and preview, and activated like any
 * other version. Refused edits store nothing. Admins and map makers may save.
 */
export function mapEditRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.post(
    "/:slug/maps/edits",
    validated({ params: slugParams, body: mapEditsBody }, async ({ params, body }, req, res) => {
      const { space, member } = await requireSpaceRole(ctx, req, params.slug, "mapMaker");
      const base = await requireMapVersion(ctx, space, body.baseVersion);
      // Normalised first, as the room does, so versions stored before normalisation edit the same way.
      const baseTiled = importMap(base.tiled).tiled;
      const edits = { zones: body.zones, desks: body.desks, spawns: body.spawns, painted: body.painted };
      const own = editProblems(baseTiled, edits);
      if (own.length > 0) throw new MapError(own);
      const edited = applyEdits(baseTiled, edits);
      const checked = importMap(edited);
      const doc = await ctx.repos.maps.addVersion({
        space: space._id,
        name: body.name ?? `${base.name} (edited)`.slice(0, 80),
        tiled: checked.tiled as unknown as Record<string, unknown>,
        width: checked.map.width,
        height: checked.map.height,
        uploadedBy: member._id,
        // Tiles are untouched, so the base version's images and preview still describe this one.
        assets: base.assets,
        preview: base.preview,
        warnings: checked.warnings,
      });
      await ctx.repos.audit.record({
        space: space._id,
        actor: member,
        action: "map.edit",
        target: doc.name,
        detail: `saved map version ${doc.version} from version ${base.version} in the editor (${summary(baseTiled, checked.tiled)})`,
      });
      res.status(201).json({ map: mapSummaryView(doc, space.activeMapVersion), warnings: checked.warnings, moreWarnings: checked.moreWarnings });
    }),
  );
  return router;
}

/** "3 zones, 12 desks, 4 spawns (was 2, 12, 4)": enough for the audit log to say what changed in size. */
function summary(before: TiledMap, after: TiledMap): string {
  const count = (t: TiledMap, name: string) => t.layers.reduce((n, l) => n + (l.type === "objectgroup" && l.name === name ? l.objects.length : 0), 0);
  const [z, d, s] = ["zones", "desks", "spawns"].map((n) => count(after, n));
  const [z0, d0, s0] = ["zones", "desks", "spawns"].map((n) => count(before, n));
  const painted = (t: TiledMap) => readEdits(t).painted?.length ?? 0;
  return `${z} zones, ${d} desks, ${s} spawns, ${painted(after)} painted blocked tiles; was ${z0}, ${d0}, ${s0}, ${painted(before)}`;
}
