import type { OfficeMap } from "./types";
import { MapError } from "./MapError";
import { MAP_LIMITS, TILE_SIZE } from "./mapLimits";
import { validateTiled } from "./validateTiled";
import { buildGrids } from "./buildGrids";
import { readObjects, type StandCheck } from "./readObjects";
import { footBlocked } from "../rules/movement";

/**
 * Turn Tiled JSON (already parsed, or as text) into a validated OfficeMap.
 * Throws MapError listing every problem found; never returns a half-checked map.
 */
export function parseMap(input: unknown): OfficeMap {
  const raw = typeof input === "string" ? decode(input) : input;
  const problems: string[] = [];
  const tiled = validateTiled(raw, problems);
  if (!tiled) throw new MapError(problems);

  // Grids need sound tile layers; objects are still read (without the walkability check) so their problems are reported too.
  const grids = problems.length === 0 ? buildGrids(tiled, problems) : null;
  const map: OfficeMap = {
    width: tiled.width,
    height: tiled.height,
    tileSize: TILE_SIZE,
    collision: grids?.collision ?? new Uint8Array(0),
    walls: grids?.walls ?? new Uint8Array(0),
    spawns: [],
    zones: [],
    desks: [],
  };
  const standCheck: StandCheck = grids ? (x, y) => standProblem(map, x, y) : null;
  const objects = readObjects(tiled, standCheck, problems);
  if (problems.length > 0) throw new MapError(problems);
  map.spawns = objects.spawns;
  map.zones = objects.zones;
  map.desks = objects.desks;
  return map;
}

function decode(text: string): unknown {
  if (text.length > MAP_LIMITS.maxJsonChars) {
    throw new MapError([`map JSON is too large (${text.length} characters; at most ${MAP_LIMITS.maxJsonChars})`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new MapError([`map is not valid JSON: ${(err as Error).message}`]);
  }
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
