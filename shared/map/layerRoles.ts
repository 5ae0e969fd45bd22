import type { TiledLayer, TiledMap, TiledProperty } from "./tiledTypes";
import { LAYER_NAMES } from "./mapLimits";

/**
 * What each layer of a normalised map means to Deskmap, by the conventions of
 * Deskmap's own maps and of WorkAdventure's. Shared by the rules (collision),
 * the client (what to draw, above or below avatars) and the preview renderer,
 * so all three read a map the same way.
 */

export function boolProperty(properties: readonly TiledProperty[] | undefined, name: string): boolean {
  return properties?.some((p) => p.name === name && p.value === true) ?? false;
}

export function stringProperty(properties: readonly TiledProperty[] | undefined, name: string): string | undefined {
  const p = properties?.find((q) => q.name === name && typeof q.value === "string");
  return p ? (p.value as string) : undefined;
}

/** A layer that only marks where people cannot walk: never drawn. */
export function isCollisionLayer(layer: TiledLayer): boolean {
  return (LAYER_NAMES.collision as readonly string[]).includes(layer.name);
}

/** Object layers whose objects are Deskmap data (points and outlines), not pictures. */
const DATA_LAYERS: readonly string[] = [LAYER_NAMES.spawns, LAYER_NAMES.zones, LAYER_NAMES.desks];

export interface DrawnLayer {
  /** Index in `tiled.layers`. */
  index: number;
  layer: TiledLayer;
  /** Drawn over avatars rather than under them. */
  above: boolean;
}

/**
 * The layers Tiled would draw, in its order, each marked above or below the
 * avatars. Avatars stand where WorkAdventure's `floorLayer` object layer is;
 * without one, at the first layer named `furniture-above` or with the bool
 * property `above`. Every layer after that point is above too, so the order
 * Tiled draws in is kept.
 */
export function drawnLayers(tiled: TiledMap): DrawnLayer[] {
  const layers = tiled.layers;
  let plane = layers.findIndex((l) => l.type === "objectgroup" && l.name === LAYER_NAMES.floor);
  let firstAbove = plane >= 0 ? plane + 1 : layers.findIndex((l) => l.name === LAYER_NAMES.above || boolProperty(l.properties, "above"));
  if (firstAbove < 0) firstAbove = layers.length;
  plane = firstAbove;
  const out: DrawnLayer[] = [];
  layers.forEach((layer, index) => {
    if (!layer.visible || layer.opacity <= 0 || isCollisionLayer(layer)) return;
    if (layer.type === "objectgroup" && (DATA_LAYERS.includes(layer.name) || !layer.objects.some((o) => o.gid !== undefined))) return;
    out.push({ index, layer, above: index >= plane });
  });
  return out;
}
