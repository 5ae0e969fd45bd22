import type { Desk, DeskKind, Direction, Point, Zone, ZoneType } from "./types";
import type { TiledMap } from "./tiledTypes";
import { MAP_LIMITS } from "./mapLimits";
import { boundsOf, signedArea } from "./polygon";
import { describe, isFiniteNumber, isInt, isRecord, readProperty } from "./tiledValues";
import { readAreaProperties, ZONE_TYPES } from "./areaProperties";
const DESK_KINDS: readonly DeskKind[] = ["focus", "assignable"];
const FACINGS: readonly Direction[] = ["up", "down", "left", "right"];

/** Answers whether an avatar's feet may rest at a pixel; null when the grids could not be built. */
export type StandCheck = ((x: number, y: number) => string | null) | null;

export interface MapObjects {
  spawns: Point[];
  zones: Zone[];
  desks: Desk[];
}

/** Read spawns, zones and desks from their object layers, appending a problem per bad object. */
export function readObjects(map: TiledMap, standCheck: StandCheck, problems: string[]): MapObjects {
  return {
    spawns: readSpawns(objectsOf(map, "spawns"), standCheck, problems),
    zones: readZones(objectsOf(map, "zones"), problems),
    desks: readDesks(objectsOf(map, "desks"), standCheck, problems),
  };
}

/**
 * The raw objects of every object layer with this name (after groups are
 * flattened, several may share it), with each layer's offset applied; null
 * when there is none.
 */
function objectsOf(map: TiledMap, name: string): unknown[] | null {
  let found: unknown[] | null = null;
  for (const layer of map.layers) {
    if (layer.type !== "objectgroup" || layer.name !== name || !Array.isArray(layer.objects)) continue;
    if (layer.objects.length > MAP_LIMITS.maxObjectsPerLayer) continue;
    const { offsetx: ox, offsety: oy } = layer;
    const shifted = ox || oy ? layer.objects.map((o) => (isRecord(o) && isFiniteNumber(o.x) && isFiniteNumber(o.y) ? { ...o, x: o.x + ox, y: o.y + oy } : o)) : layer.objects;
    found = [...(found ?? []), ...shifted];
  }
  return found;
}

type RawObject = Record<string, unknown> & { x: number; y: number };

/** Common checks for any object: a record with finite x, y and no rotation. */
function baseObject(obj: unknown, where: string, problems: string[]): RawObject | null {
  if (!isRecord(obj)) {
    problems.push(`${where}: must be an object, found ${describe(obj)}`);
    return null;
  }
  if (!isFiniteNumber(obj.x) || !isFiniteNumber(obj.y)) {
    problems.push(`${where}: x and y must be numbers, found ${describe(obj.x)}, ${describe(obj.y)}`);
    return null;
  }
  if (obj.rotation !== undefined && obj.rotation !== 0) {
    problems.push(`${where}: rotated objects are not supported (rotation ${describe(obj.rotation)})`);
    return null;
  }
  return obj as RawObject;
}

function label(layer: string, obj: unknown, index: number): string {
  const id = isRecord(obj) && isInt(obj.id) ? ` id ${obj.id}` : "";
  const name = isRecord(obj) && typeof obj.name === "string" && obj.name ? ` "${obj.name}"` : "";
  return `${layer} object ${index}${id}${name}`;
}

/**
 * A point object where an avatar's feet go. Its position is rounded to whole
 * pixels, because movement works in whole pixels and server and client must
 * start from the same ones.
 */
function readPoint(obj: unknown, where: string, standCheck: StandCheck, problems: string[]): RawObject | null {
  const o = baseObject(obj, where, problems);
  if (!o) return null;
  if (o.point !== true) {
    problems.push(`${where}: must be a point object (point: true)`);
    return null;
  }
  const x = Math.round(o.x);
  const y = Math.round(o.y);
  const blocked = standCheck?.(x, y);
  if (blocked) {
    problems.push(`${where}: position (${x},${y}) is not walkable: ${blocked}`);
    return null;
  }
  return { ...o, x, y };
}

function readSpawns(objects: unknown[] | null, standCheck: StandCheck, problems: string[]): Point[] {
  const spawns: Point[] = [];
  if (!objects) return spawns;
  objects.forEach((obj, i) => {
    const o = readPoint(obj, label("spawns", obj, i), standCheck, problems);
    if (o) spawns.push({ x: o.x, y: o.y });
  });
  return spawns;
}

function readZones(objects: unknown[] | null, problems: string[]): Zone[] {
  const zones: Zone[] = [];
  if (!objects) return zones;
  objects.forEach((obj, i) => {
    const where = label("zones", obj, i);
    const o = baseObject(obj, where, problems);
    if (!o) return;
    const before = problems.length;
    const name = typeof o.name === "string" ? o.name.trim() : "";
    if (!name) problems.push(`${where}: needs a non-empty name`);
    let type = readProperty(o.properties, "type", "string", where, problems);
    // A zone drawn the WorkAdventure way (jitsiRoom, silent, …) needs no Deskmap "type".
    const wa = type === undefined ? readAreaProperties(o.properties as never, name, false).zone : undefined;
    if (wa) type = wa.type;
    if (type === undefined || !ZONE_TYPES.includes(type as ZoneType)) {
      problems.push(`${where}: string property "type" must be one of ${ZONE_TYPES.join("|")}, found ${describe(type)}`);
    }
    const platform = wa?.platform || readProperty(o.properties, "platform", "bool", where, problems) === true;
    if (platform && type !== "stage") problems.push(`${where}: "platform" applies only to stage zones`);
    if (!isInt(o.id)) problems.push(`${where}: needs a whole-number id`);
    const polygon = zoneShape(o, where, problems);
    if (!polygon || problems.length !== before) return;
    zones.push({ id: o.id as number, name, type: type as ZoneType, polygon, bounds: boundsOf(polygon), platform });
  });
  return zones;
}

/** A zone's outline in absolute pixels: a rectangle's 4 corners, or a polygon's vertices offset by x, y. */
function zoneShape(o: RawObject, where: string, problems: string[]): Point[] | null {
  if (o.point === true || o.ellipse === true || o.polyline !== undefined || o.text !== undefined) {
    problems.push(`${where}: a zone must be a rectangle or a polygon`);
    return null;
  }
  if (o.polygon !== undefined) {
    const pts = o.polygon;
    if (!Array.isArray(pts) || pts.length < 3 || !pts.every((p) => isRecord(p) && isFiniteNumber(p.x) && isFiniteNumber(p.y))) {
      problems.push(`${where}: polygon must be an array of at least 3 {x, y} points`);
      return null;
    }
    const polygon = (pts as Point[]).map((p) => ({ x: o.x + p.x, y: o.y + p.y }));
    if (Math.abs(signedArea(polygon)) === 0) {
      problems.push(`${where}: polygon has no area`);
      return null;
    }
    return polygon;
  }
  const { width, height } = o;
  if (!isFiniteNumber(width) || !isFiniteNumber(height) || width <= 0 || height <= 0) {
    problems.push(`${where}: a rectangle zone needs positive width and height, found ${describe(width)}x${describe(height)}`);
    return null;
  }
  return [
    { x: o.x, y: o.y },
    { x: o.x + width, y: o.y },
    { x: o.x + width, y: o.y + height },
    { x: o.x, y: o.y + height },
  ];
}

function readDesks(objects: unknown[] | null, standCheck: StandCheck, problems: string[]): Desk[] {
  const desks: Desk[] = [];
  if (!objects) return desks;
  const ids = new Map<string, string>();
  objects.forEach((obj, i) => {
    const where = label("desks", obj, i);
    const o = readPoint(obj, where, standCheck, problems);
    if (!o) return;
    const before = problems.length;
    const id = readProperty(o.properties, "id", "string", where, problems);
    const kind = readProperty(o.properties, "kind", "string", where, problems);
    const facing = readProperty(o.properties, "facing", "string", where, problems);
    if (typeof id !== "string" || id.trim() === "") {
      problems.push(`${where}: needs a non-empty string property "id"`);
    } else if (ids.has(id)) {
      problems.push(`${where}: duplicate desk id "${id}" (also used by ${ids.get(id)})`);
    } else {
      ids.set(id, where);
    }
    if (!DESK_KINDS.includes(kind as DeskKind)) {
      problems.push(`${where}: string property "kind" must be one of ${DESK_KINDS.join("|")}, found ${describe(kind)}`);
    }
    if (!FACINGS.includes(facing as Direction)) {
      problems.push(`${where}: string property "facing" must be one of ${FACINGS.join("|")}, found ${describe(facing)}`);
    }
    if (problems.length !== before) return;
    desks.push({ id: id as string, kind: kind as DeskKind, x: o.x, y: o.y, facing: facing as Direction });
  });
  return desks;
}
