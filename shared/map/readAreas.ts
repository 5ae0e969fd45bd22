import type { TiledMap, TiledObject } from "./tiledTypes";
import type { Point, Zone } from "./types";
import { readAreaProperties } from "./areaProperties";
import { GID_FLAGS_MASK, LAYER_NAMES } from "./mapLimits";
import { maskOutline } from "./tileRegions";
import { boundsOf, signedArea } from "./polygon";
import { isFiniteNumber, isInt, isRecord } from "./tiledValues";

/** Vertices one zone outline may have; a ragged tile area beyond this is refused. */
const MAX_OUTLINE_POINTS = 4096;
const DESKMAP_OBJECT_LAYERS: readonly string[] = [LAYER_NAMES.spawns, LAYER_NAMES.zones, LAYER_NAMES.desks];

export interface Areas {
  zones: Zone[];
  /** Tiles (x, y) where people may arrive, from `start` layers and areas. */
  startTiles: Array<[number, number]>;
}

/**
 * WorkAdventure's areas: rectangle or polygon objects (class "area", or any
 * shape carrying an area property) in object layers other than Deskmap's own,
 * and tile layers with area properties, whose painted tiles form the area.
 */
export function readAreas(map: TiledMap, problems: string[], warnings: string[]): Areas {
  const out: Areas = { zones: [], startTiles: [] };
  let nextId = highestObjectId(map) + 1;
  for (const layer of map.layers) {
    if (layer.type === "objectgroup") {
      if (DESKMAP_OBJECT_LAYERS.includes(layer.name)) continue;
      layer.objects.forEach((obj) => readAreaObject(map, layer.name, obj, layer.offsetx, layer.offsety, out, problems, warnings));
    } else if (layer.type === "tilelayer") {
      const meaning = readAreaProperties(layer.properties, layer.name, false);
      const where = `layer "${layer.name}"`;
      if (meaning.unused.length > 0) warnings.push(`${where}: ${list(meaning.unused)} ${meaning.unused.length === 1 ? "has" : "have"} no meaning in Deskmap and ${meaning.unused.length === 1 ? "is" : "are"} ignored`);
      if (!meaning.zone && !meaning.start) continue;
      const mask = new Uint8Array(map.width * map.height);
      let any = false;
      layer.data.forEach((gid, i) => {
        if ((gid & GID_FLAGS_MASK) !== 0) {
          mask[i] = 1;
          any = true;
          if (meaning.start) out.startTiles.push([i % map.width, Math.floor(i / map.width)]);
        }
      });
      if (!any || !meaning.zone) continue;
      const polygon = maskOutline(mask, map.width, map.height, map.tilewidth)!;
      if (polygon.length > MAX_OUTLINE_POINTS) {
        problems.push(`${where}: its tiles outline a zone with ${polygon.length} corners (at most ${MAX_OUTLINE_POINTS}); paint the area as fewer, simpler shapes`);
        continue;
      }
      const { type, platform, name } = meaning.zone;
      out.zones.push({ id: nextId++, name: name ?? layer.name, type, platform, polygon, bounds: boundsOf(polygon) });
    }
  }
  return out;
}

function readAreaObject(
  map: TiledMap,
  layerName: string,
  obj: TiledObject,
  ox: number,
  oy: number,
  out: Areas,
  problems: string[],
  warnings: string[],
): void {
  if (!isRecord(obj) || obj.gid !== undefined || obj.point === true || obj.polyline !== undefined) return;
  const name = typeof obj.name === "string" ? obj.name.trim() : "";
  const isArea = obj.type === "area";
  const meaning = readAreaProperties(obj.properties, name, isArea);
  const where = `layer "${layerName}" area ${isInt(obj.id) ? obj.id : "?"}${name ? ` "${name}"` : ""}`;
  if (meaning.unused.length > 0) warnings.push(`${where}: ${list(meaning.unused)} ${meaning.unused.length === 1 ? "has" : "have"} no meaning in Deskmap and ${meaning.unused.length === 1 ? "is" : "are"} ignored`);
  if (!meaning.zone && !meaning.start) {
    if (isArea && meaning.unused.length === 0) warnings.push(`${where}: no property Deskmap uses (jitsiRoom, silent, focusable, …); ignored`);
    return;
  }
  if (!isFiniteNumber(obj.x) || !isFiniteNumber(obj.y) || (obj.rotation !== undefined && obj.rotation !== 0)) {
    problems.push(`${where}: needs numeric x and y and no rotation`);
    return;
  }
  const polygon = areaShape(obj, ox, oy);
  if (!polygon) {
    problems.push(`${where}: an area must be a rectangle with positive size or a polygon of at least 3 points with an area`);
    return;
  }
  if (obj.ellipse === true) warnings.push(`${where}: an ellipse area is used as its bounding rectangle`);
  if (meaning.zone) {
    if (!isInt(obj.id)) {
      problems.push(`${where}: needs a whole-number id`);
      return;
    }
    const { type, platform, name: zoneName } = meaning.zone;
    out.zones.push({ id: obj.id, name: zoneName ?? (name || `${type} ${obj.id}`), type, platform, polygon, bounds: boundsOf(polygon) });
  }
  if (meaning.start) {
    const b = boundsOf(polygon);
    const size = map.tilewidth;
    for (let ty = Math.max(0, Math.floor(b.y / size)); ty < Math.min(map.height, Math.ceil((b.y + b.height) / size)); ty++) {
      for (let tx = Math.max(0, Math.floor(b.x / size)); tx < Math.min(map.width, Math.ceil((b.x + b.width) / size)); tx++) {
        if (insideTile(polygon, tx, ty, size)) out.startTiles.push([tx, ty]);
      }
    }
  }
}

function areaShape(obj: TiledObject, ox: number, oy: number): Point[] | null {
  const x = obj.x + ox;
  const y = obj.y + oy;
  if (obj.polygon !== undefined) {
    const pts = obj.polygon;
    if (!Array.isArray(pts) || pts.length < 3 || !pts.every((p) => isRecord(p) && isFiniteNumber(p.x) && isFiniteNumber(p.y))) return null;
    const polygon = pts.map((p) => ({ x: x + p.x, y: y + p.y }));
    return signedArea(polygon) === 0 ? null : polygon;
  }
  const { width, height } = obj;
  if (!isFiniteNumber(width) || !isFiniteNumber(height) || width <= 0 || height <= 0) return null;
  return [{ x, y }, { x: x + width, y }, { x: x + width, y: y + height }, { x, y: y + height }];
}

/** Whether the centre of tile (tx, ty) lies inside the polygon (even-odd). */
function insideTile(poly: Point[], tx: number, ty: number, size: number): boolean {
  const px = tx * size + size / 2;
  const py = ty * size + size / 2;
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i];
    const c = poly[j];
    if (a.y > py !== c.y > py && px < a.x + ((py - a.y) * (c.x - a.x)) / (c.y - a.y)) inside = !inside;
  }
  return inside;
}

function highestObjectId(map: TiledMap): number {
  let max = isInt(map.nextobjectid) ? map.nextobjectid : 0;
  for (const layer of map.layers) {
    if (layer.type !== "objectgroup") continue;
    for (const o of layer.objects) if (isRecord(o) && isInt(o.id) && o.id > max) max = o.id;
  }
  return max;
}

function list(names: string[]): string {
  return names.map((n) => `"${n.slice(0, 40)}"`).join(", ");
}
