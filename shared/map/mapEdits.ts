import type { DeskKind, Direction, Point, ZoneType } from "./types";
import type { TiledMap, TiledObject, TiledObjectGroup, TiledProperty, TiledTileLayer } from "./tiledTypes";
import { GID_FLAGS_MASK, LAYER_NAMES } from "./mapLimits";
import { isCollisionLayer } from "./layerRoles";
import { readAreaProperties, ZONE_TYPES } from "./areaProperties";
import { isFiniteNumber, isInt, isRecord } from "./tiledValues";

/**
 * What the in-app editor changes in a map: the objects of Deskmap's own
 * object layers (zones, desks, spawns). Tiles, tilesets and WorkAdventure
 * areas on other layers stay as they were; the editor shows those zones but
 * edits only these. The same module reads a stored map into edits (for the
 * editor) and writes edits back into a copy of it (for the server, which then
 * checks the result with the upload's own importMap).
 */

export interface EditZone {
  /** Kept across versions when present, so meetups and locks that name a zone id keep finding it. */
  id?: number;
  name: string;
  kind: ZoneType;
  /** Stage zones only: the speaking platform. */
  platform?: boolean;
  /** Pixels: the rectangle, or the bounds of the polygon. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** A polygon zone's vertices relative to x, y (Tiled's convention); absent for rectangles. */
  polygon?: Point[];
}

export interface EditDesk {
  id: string;
  kind: DeskKind;
  facing: Direction;
  /** Seat position, px. */
  x: number;
  y: number;
}

export type EditSpawn = Point;

export interface MapEdits {
  zones: EditZone[];
  desks: EditDesk[];
  spawns: EditSpawn[];
  /**
   * Cells (row-major index) of Deskmap's collision layer, which only marks
   * where people cannot walk. Absent: that layer is left as it is. Tiles that
   * block by their tileset (walls, furniture) are not in it and stay blocked.
   */
  painted?: number[];
}

const EDIT_LAYERS = [LAYER_NAMES.zones, LAYER_NAMES.desks, LAYER_NAMES.spawns] as const;

function prop(props: TiledProperty[] | undefined, name: string): unknown {
  return props?.find((p) => p.name === name)?.value;
}

/** Objects of every object layer with this name, offsets applied. */
function objectsOf(tiled: TiledMap, name: string): TiledObject[] {
  const out: TiledObject[] = [];
  for (const layer of tiled.layers) {
    if (layer.type !== "objectgroup" || layer.name !== name) continue;
    for (const o of layer.objects) {
      if (isRecord(o) && isFiniteNumber(o.x) && isFiniteNumber(o.y)) out.push({ ...o, x: o.x + layer.offsetx, y: o.y + layer.offsety });
    }
  }
  return out;
}

/** The editable objects of a map that importMap accepted (anything it would refuse is skipped). */
export function readEdits(tiled: TiledMap): MapEdits {
  const zones: EditZone[] = [];
  for (const o of objectsOf(tiled, LAYER_NAMES.zones)) {
    const name = typeof o.name === "string" ? o.name.trim() : "";
    const typed = prop(o.properties, "type");
    const kind = (typeof typed === "string" ? typed : readAreaProperties(o.properties, name, false).zone?.type) as ZoneType | undefined;
    if (!kind || !ZONE_TYPES.includes(kind)) continue;
    const base = { ...(isInt(o.id) ? { id: o.id } : {}), name, kind, ...(prop(o.properties, "platform") === true ? { platform: true } : {}) };
    if (Array.isArray(o.polygon) && o.polygon.length >= 3) {
      const xs = o.polygon.map((p) => p.x);
      const ys = o.polygon.map((p) => p.y);
      const minX = Math.min(...xs);
      const minY = Math.min(...ys);
      const polygon = o.polygon.map((p) => ({ x: p.x - minX, y: p.y - minY }));
      zones.push({ ...base, x: o.x + minX, y: o.y + minY, width: Math.max(...xs) - minX, height: Math.max(...ys) - minY, polygon });
    } else if (isFiniteNumber(o.width) && isFiniteNumber(o.height)) {
      zones.push({ ...base, x: o.x, y: o.y, width: o.width, height: o.height });
    }
  }
  const desks: EditDesk[] = [];
  for (const o of objectsOf(tiled, LAYER_NAMES.desks)) {
    const [id, kind, facing] = ["id", "kind", "facing"].map((n) => prop(o.properties, n));
    if (typeof id !== "string" || typeof kind !== "string" || typeof facing !== "string") continue;
    desks.push({ id, kind: kind as DeskKind, facing: facing as Direction, x: Math.round(o.x), y: Math.round(o.y) });
  }
  const spawns = objectsOf(tiled, LAYER_NAMES.spawns)
    .filter((o) => o.point === true)
    .map((o) => ({ x: Math.round(o.x), y: Math.round(o.y) }));
  const painted = new Set<number>();
  for (const layer of tiled.layers) {
    if (layer.type !== "tilelayer" || !isCollisionLayer(layer)) continue;
    layer.data.forEach((gid, i) => (gid & GID_FLAGS_MASK) !== 0 && painted.add(i));
  }
  return { zones, desks, spawns, painted: [...painted].sort((a, b) => a - b) };
}

/**
 * Problems importMap does not look for because a hand-made Tiled map may get
 * away with them, but an editor should not: zones reaching outside the map,
 * and two zones claiming one id.
 */
export function editProblems(tiled: TiledMap, edits: MapEdits): string[] {
  const problems: string[] = [];
  const w = tiled.width * tiled.tilewidth;
  const h = tiled.height * tiled.tileheight;
  const ids = new Set<number>();
  edits.zones.forEach((z, i) => {
    const where = `zone ${i} "${z.name}"`;
    if (z.x < 0 || z.y < 0 || z.x + z.width > w || z.y + z.height > h) {
      problems.push(`${where}: must lie inside the map (0,0)–(${w},${h}) px, but spans (${z.x},${z.y})–(${z.x + z.width},${z.y + z.height})`);
    }
    if (z.platform && z.kind !== "stage") problems.push(`${where}: only a stage zone can have a platform`);
    if (z.id !== undefined) {
      if (ids.has(z.id)) problems.push(`${where}: id ${z.id} is used by another zone`);
      ids.add(z.id);
    }
  });
  const cells = tiled.width * tiled.height;
  const outside = (edits.painted ?? []).filter((i) => i >= cells);
  if (outside.length > 0) problems.push(`${outside.length} painted collision cell(s) lie outside the map's ${cells} cells (first: ${outside[0]})`);
  return problems;
}

const str = (name: string, value: string): TiledProperty => ({ name, type: "string", value });

/**
 * A copy of `tiled` whose zones, desks and spawns layers hold exactly `edits`
 * (one layer each, where the first of that name was, else at the end), with
 * fresh object ids for new objects. Nothing is checked here: run the result
 * through importMap.
 */
export function applyEdits(tiled: TiledMap, edits: MapEdits): TiledMap {
  const copy = JSON.parse(JSON.stringify(tiled)) as TiledMap;
  let nextId = Math.max(copy.nextobjectid ?? 1, highestObjectId(copy) + 1);
  // Ids of objects on other layers (areas, tile objects) are never reused.
  const taken = new Set<number>();
  for (const l of copy.layers) {
    if (l.type !== "objectgroup" || (EDIT_LAYERS as readonly string[]).includes(l.name)) continue;
    for (const o of l.objects) if (isRecord(o) && isInt(o.id)) taken.add(o.id);
  }
  const freshId = (wanted?: number) => {
    if (wanted !== undefined && !taken.has(wanted)) {
      taken.add(wanted);
      nextId = Math.max(nextId, wanted + 1);
      return wanted;
    }
    while (taken.has(nextId)) nextId++;
    taken.add(nextId);
    return nextId++;
  };
  // Zone ids first, so kept ones are not handed to a new desk.
  const zoneIds = edits.zones.map((z) => freshId(z.id));
  const objects: Record<(typeof EDIT_LAYERS)[number], TiledObject[]> = {
    zones: edits.zones.map((z, i) => {
      const properties = [str("type", z.kind), ...(z.platform ? [{ name: "platform", type: "bool", value: true }] : [])];
      const o: TiledObject = { id: zoneIds[i], name: z.name, type: "", x: z.x, y: z.y, width: z.width, height: z.height, rotation: 0, visible: true, properties };
      if (z.polygon) {
        o.polygon = z.polygon.map((p) => ({ x: p.x, y: p.y }));
        o.width = 0;
        o.height = 0;
      }
      return o;
    }),
    desks: edits.desks.map((d) => ({
      id: freshId(),
      name: d.id,
      type: "",
      x: d.x,
      y: d.y,
      width: 0,
      height: 0,
      point: true,
      rotation: 0,
      visible: true,
      properties: [str("facing", d.facing), str("id", d.id), str("kind", d.kind)],
    })),
    spawns: edits.spawns.map((s, i) => ({ id: freshId(), name: `spawn-${i + 1}`, type: "", x: s.x, y: s.y, width: 0, height: 0, point: true, rotation: 0, visible: true })),
  };
  let nextLayerId = Math.max(copy.nextlayerid ?? 1, ...copy.layers.map((l) => l.id ?? 0).map((n) => n + 1));
  for (const name of EDIT_LAYERS) {
    const at = copy.layers.findIndex((l) => l.type === "objectgroup" && l.name === name);
    const old = at >= 0 ? (copy.layers[at] as TiledObjectGroup) : null;
    const layer: TiledObjectGroup = {
      ...(old ? { id: old.id } : { id: nextLayerId++ }),
      name,
      type: "objectgroup",
      visible: old?.visible ?? true,
      opacity: old?.opacity ?? 1,
      offsetx: 0,
      offsety: 0,
      objects: objects[name],
    };
    copy.layers = copy.layers.filter((l, i) => i === at || !(l.type === "objectgroup" && l.name === name));
    if (at >= 0) copy.layers[copy.layers.indexOf(old!)] = layer;
    else copy.layers.push(layer);
  }
  if (edits.painted) paintCollision(copy, edits.painted);
  copy.nextobjectid = nextId;
  copy.nextlayerid = nextLayerId;
  return copy;
}

function highestObjectId(tiled: TiledMap): number {
  let max = 0;
  for (const l of tiled.layers) if (l.type === "objectgroup") for (const o of l.objects) if (isRecord(o) && isInt(o.id)) max = Math.max(max, o.id);
  return max;
}

/**
 * Makes the map's collision layer (one, named "collision", undrawn) hold
 * exactly these cells. Its gid only has to be valid, since the layer is never
 * drawn: the one the layer used, else the first tile of the first tileset.
 */
function paintCollision(tiled: TiledMap, painted: readonly number[]): void {
  const old = tiled.layers.filter((l): l is TiledTileLayer => l.type === "tilelayer" && isCollisionLayer(l));
  const gid = old.flatMap((l) => l.data.filter((g) => (g & GID_FLAGS_MASK) !== 0))[0] ?? tiled.tilesets[0]?.firstgid ?? 1;
  const data = new Array<number>(tiled.width * tiled.height).fill(0);
  for (const i of painted) if (i >= 0 && i < data.length) data[i] = gid;
  const at = old.length > 0 ? tiled.layers.indexOf(old[0]) : -1;
  const layer: TiledTileLayer = {
    id: old[0]?.id ?? Math.max(0, ...tiled.layers.map((l) => l.id ?? 0)) + 1,
    name: "collision",
    type: "tilelayer",
    visible: true,
    opacity: 1,
    offsetx: 0,
    offsety: 0,
    width: tiled.width,
    height: tiled.height,
    data,
  };
  tiled.layers = tiled.layers.filter((l) => !old.includes(l as TiledTileLayer) || l === old[0]);
  if (at >= 0) tiled.layers[tiled.layers.indexOf(old[0])] = layer;
  else tiled.layers.push(layer);
  tiled.nextlayerid = Math.max(tiled.nextlayerid ?? 1, (layer.id ?? 0) + 1);
}
