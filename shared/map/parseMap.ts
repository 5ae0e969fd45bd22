import type { OfficeMap, Point } from "./types";
import type { TiledMap } from "./tiledTypes";
import type { ImportOptions } from "./importContext";
import { MapError, capList } from "./MapError";
import { LAYER_NAMES, MAP_LIMITS } from "./mapLimits";
import { validateTiled } from "./validateTiled";
import { buildGrids } from "./buildGrids";
import { readObjects, type StandCheck } from "./readObjects";
import { readAreas } from "./readAreas";
import { tileFeet } from "./grid";
import { footBlocked } from "../rules/movement";

/** Spawn points taken from WorkAdventure start tiles, spread evenly when an area holds more. */
const MAX_START_SPAWNS = 256;

export interface ImportedMap {
  /** The map as Deskmap keeps and draws it (see validateTiled). */
  tiled: TiledMap;
  map: OfficeMap;
  /** What the map asks for that Deskmap does not honour (at most 50), and how many more. */
  warnings: string[];
  moreWarnings: number;
}

/**
 * Turn Tiled JSON (already parsed, or as text), as its author saved it, into
 * the map Deskmap keeps and the validated model the rules use. Throws
 * MapError listing the problems found; never returns a half-checked map.
 */
export function importMap(input: unknown, options?: ImportOptions): ImportedMap {
  const raw = typeof input === "string" ? decode(input) : input;
  const problems: string[] = [];
  const warnings: string[] = [];
  const tiled = validateTiled(raw, problems, warnings, options);
  if (!tiled) throw new MapError(problems);

  // Grids need sound tile layers; objects are still read (without the walkability check) so their problems are reported too.
  const grids = problems.length === 0 ? buildGrids(tiled, problems) : null;
  const map: OfficeMap = {
    width: tiled.width,
    height: tiled.height,
    tileSize: tiled.tilewidth,
    collision: grids?.collision ?? new Uint8Array(0),
    walls: grids?.walls ?? new Uint8Array(0),
    spawns: [],
    zones: [],
    desks: [],
  };
  const standCheck: StandCheck = grids ? (x, y) => standProblem(map, x, y) : null;
  const objects = readObjects(tiled, standCheck, problems);
  const areas = readAreas(tiled, problems, warnings);
  const spawns = [...objects.spawns, ...startSpawns(map, areas.startTiles, standCheck, warnings)];
  if (spawns.length === 0 && grids) {
    problems.push(`the map has no place to arrive: add an object layer "${LAYER_NAMES.spawns}" with point objects on walkable tiles, or a WorkAdventure "start" layer or area`);
  }
  if (!tiled.layers.some((l) => l.name === LAYER_NAMES.walls && l.type === "tilelayer")) {
    warnings.push(`no "walls" tile layer: conversations are not stopped by walls (blocked tiles still stop walking)`);
  }
  if (problems.length > 0) throw new MapError(problems);
  map.spawns = spawns;
  map.zones = [...objects.zones, ...areas.zones];
  map.desks = objects.desks;
  const { listed, more } = capList(warnings);
  return { tiled, map, warnings: listed, moreWarnings: more };
}

/** The validated model of a map; see importMap. */
export function parseMap(input: unknown, options?: ImportOptions): OfficeMap {
  return importMap(input, options).map;
}

function decode(text: string): unknown {
  if (text.length > MAP_LIMITS.maxJsonChars) {
    throw new MapError([`map JSON is too large (${text.length} characters; at most ${MAP_LIMITS.maxJsonChars})`]);
  }
  if (/^\s*</.test(text)) {
    throw new MapError([`this looks like a TMX (XML) map; Deskmap reads Tiled's JSON format: in Tiled use File > Export As and choose "JSON map files (*.tmj *.json)"`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new MapError([`map is not valid JSON: ${(err as Error).message}`]);
  }
}

/** Feet positions on the start tiles people can stand on, at most MAX_START_SPAWNS of them. */
function startSpawns(map: OfficeMap, tiles: Array<[number, number]>, standCheck: StandCheck, warnings: string[]): Point[] {
  if (!standCheck || tiles.length === 0) return [];
  const seen = new Set<number>();
  const open: Point[] = [];
  for (const [tx, ty] of tiles) {
    const key = ty * map.width + tx;
    if (seen.has(key)) continue;
    seen.add(key);
    const feet = tileFeet(map, tx, ty);
    if (!standCheck(feet.x, feet.y)) open.push(feet);
  }
  if (open.length < seen.size) warnings.push(`${seen.size - open.length} start tile(s) are blocked and not used as arrival points`);
  if (open.length <= MAX_START_SPAWNS) return open;
  const step = open.length / MAX_START_SPAWNS;
  return Array.from({ length: MAX_START_SPAWNS }, (_, i) => open[Math.floor(i * step)]);
}

/** Why an avatar's feet cannot rest at (x, y), or null if they can. */
function standProblem(map: OfficeMap, x: number, y: number): string | null {
  const tx = Math.floor(x / map.tileSize);
  const ty = Math.floor(y / map.tileSize);
  if (tx < 0 || ty < 0 || tx >= map.width || ty >= map.height) return "outside the map";
  if (map.collision[ty * map.width + tx]) return `tile (${tx},${ty}) is blocked`;
  if (footBlocked(map, x, y)) return "an avatar's feet there would overlap a blocked tile or the map edge";
  return null;
}
