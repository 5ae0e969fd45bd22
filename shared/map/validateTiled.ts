import type { TiledMap } from "./tiledTypes";
import { importContext, type ImportOptions } from "./importContext";
import { MAP_LIMITS, TILE_SIZE } from "./mapLimits";
import { copyProperties, readTilesets } from "./tiledTilesets";
import { flattenLayers } from "./tiledLayers";
import { describe, isInt, isRecord } from "./tiledValues";

/**
 * Check a Tiled map as its author saved it and return it normalised: the
 * header, every tileset (external ones read from the bundle) and every layer
 * (groups flattened, encoded data decoded). Only the fields Deskmap uses are
 * copied into the result. Appends a problem per fault and a warning per thing
 * it cannot honour; returns null when the map is unusable (the caller must
 * also treat any added problem as fatal).
 */
export function validateTiled(raw: unknown, problems: string[], warnings: string[] = [], options?: ImportOptions): TiledMap | null {
  const ctx = importContext(problems, warnings, options);
  if (!isRecord(raw)) {
    problems.push(`map must be a JSON object, found ${describe(raw)}`);
    return null;
  }
  const header = checkHeader(raw, problems, warnings);
  const ranges = readTilesets(raw.tilesets, ctx);
  if (!header) return null;
  const layers = flattenLayers(raw.layers, header.width, header.height, ranges, ctx);
  const map: TiledMap = {
    type: "map",
    version: header.version,
    ...(typeof raw.tiledversion === "string" ? { tiledversion: raw.tiledversion.slice(0, 20) } : {}),
    orientation: "orthogonal",
    renderorder: "right-down",
    infinite: false,
    width: header.width,
    height: header.height,
    tilewidth: header.tileSize,
    tileheight: header.tileSize,
    tilesets: ranges.map((r) => r.tileset),
    layers,
    ...(isInt(raw.nextlayerid) ? { nextlayerid: raw.nextlayerid } : {}),
    ...(isInt(raw.nextobjectid) ? { nextobjectid: raw.nextobjectid } : {}),
  };
  const props = copyProperties(raw.properties);
  if (props) map.properties = props;
  return map;
}

interface Header {
  version: string;
  width: number;
  height: number;
  tileSize: number;
}

function checkHeader(raw: Record<string, unknown>, problems: string[], warnings: string[]): Header | null {
  if (raw.type !== "map") problems.push(`map: type must be "map", found ${describe(raw.type)}`);
  const version = readVersion(raw.version);
  if (version === null) {
    problems.push(`map: unsupported Tiled JSON format version ${describe(raw.version)}; Deskmap reads format 1.x (Tiled 1.0 or later)`);
  }
  if (raw.orientation !== "orthogonal") problems.push(`map: orientation must be "orthogonal", found ${describe(raw.orientation)}`);
  if (raw.infinite === true) {
    problems.push(`map: infinite maps are not supported; in Tiled open Map > Map Properties, untick "Infinite" (the map is cropped to what is painted) and save again`);
  } else if (raw.infinite !== false && raw.infinite !== undefined) {
    problems.push(`map: infinite must be false, found ${describe(raw.infinite)}`);
  }
  const tw = raw.tilewidth;
  const th = raw.tileheight;
  const { minTileSize: lo, maxTileSize: hi } = MAP_LIMITS;
  let sizeOk = true;
  if (!isInt(tw) || !isInt(th) || tw !== th || tw < lo || tw > hi) {
    sizeOk = false;
    problems.push(`map: tiles are ${describe(tw)}x${describe(th)} px; Deskmap needs square tiles from ${lo} to ${hi} px (${TILE_SIZE} px is best)`);
  } else if (tw !== TILE_SIZE) {
    warnings.push(`map: tiles are ${tw} px; avatars are drawn for ${TILE_SIZE} px tiles, and distances set in tiles (who hears whom) scale with the tile size`);
  }
  for (const key of ["width", "height"] as const) {
    const n = raw[key];
    if (!isInt(n) || n < 1 || n > MAP_LIMITS.maxTiles) {
      problems.push(`map: ${key} must be a whole number of tiles from 1 to ${MAP_LIMITS.maxTiles}, found ${describe(n)}`);
      sizeOk = false;
    } else if (isInt(tw) && n * tw > MAP_LIMITS.maxPixels) {
      problems.push(`map: ${key} is ${n * tw} px; at most ${MAP_LIMITS.maxPixels} px`);
      sizeOk = false;
    }
  }
  // Layers are still checked after other header faults, so one upload reports them all.
  if (!sizeOk) return null;
  return { version: version ?? "1", width: raw.width as number, height: raw.height as number, tileSize: tw as number };
}

/** Tiled 1.0 to 1.5 write the format version as a number (1, 1.2, 1.5), later ones as a string ("1.10"). */
function readVersion(v: unknown): string | null {
  if (typeof v === "number") return v >= 1 && v < 2 ? String(v) : null;
  if (typeof v === "string" && /^1(\.\d{1,3})?$/.test(v)) return v;
  return null;
}
