import type { TiledMap } from "./tiledTypes";
import { GID_FLAGS_MASK, MAP_LIMITS, OBJECT_LAYERS, TILE_LAYERS, TILE_SIZE } from "./mapLimits";
import { describe, isInt, isRecord } from "./tiledValues";

/** How many bad cells one layer reports before summarising, so one broken layer cannot flood the message. */
const MAX_CELL_PROBLEMS = 5;

interface GidRange {
  first: number;
  end: number;
}

/**
 * Check the parts of a Tiled map that Deskmap's grids are built from: the
 * header, embedded tilesets and every layer's shape and tile ids. Appends a
 * problem per fault found. Returns the map when its header is usable enough to
 * go on (the caller builds grids only if no problems were added), else null.
 */
export function validateTiled(raw: unknown, problems: string[]): TiledMap | null {
  if (!isRecord(raw)) {
    problems.push(`map must be a JSON object, found ${describe(raw)}`);
    return null;
  }
  const headerOk = checkHeader(raw, problems);
  const ranges = checkTilesets(raw.tilesets, problems);
  if (!headerOk) return null;
  if (!Array.isArray(raw.layers)) {
    problems.push(`map: layers must be an array, found ${describe(raw.layers)}`);
    return null;
  }
  checkLayers(raw.layers, raw.width as number, raw.height as number, ranges, problems);
  return raw as unknown as TiledMap;
}

function checkHeader(raw: Record<string, unknown>, problems: string[]): boolean {
  if (raw.type !== "map") problems.push(`map: type must be "map", found ${describe(raw.type)}`);
  const version = raw.version;
  const match = typeof version === "string" ? /^1\.(\d+)$/.exec(version) : null;
  if (!match || Number(match[1]) < 2) {
    problems.push(`map: unsupported Tiled JSON format version ${describe(version)}; expected a string "1.x" with x >= 2 (save with Tiled 1.2 or later)`);
  }
  if (raw.orientation !== "orthogonal") problems.push(`map: orientation must be "orthogonal", found ${describe(raw.orientation)}`);
  if (raw.infinite !== false) problems.push(`map: infinite maps are not supported (infinite must be false, found ${describe(raw.infinite)})`);
  if (raw.tilewidth !== TILE_SIZE || raw.tileheight !== TILE_SIZE) {
    problems.push(`map: tiles must be ${TILE_SIZE}x${TILE_SIZE} px, found ${describe(raw.tilewidth)}x${describe(raw.tileheight)}`);
  }
  let sizeOk = true;
  for (const key of ["width", "height"] as const) {
    const n = raw[key];
    if (!isInt(n) || n < 1 || n > MAP_LIMITS.maxTiles) {
      problems.push(`map: ${key} must be a whole number of tiles from 1 to ${MAP_LIMITS.maxTiles}, found ${describe(n)}`);
      sizeOk = false;
    }
  }
  return sizeOk;
}

function checkTilesets(tilesets: unknown, problems: string[]): GidRange[] {
  if (!Array.isArray(tilesets) || tilesets.length === 0) {
    problems.push(`map: tilesets must be a non-empty array, found ${describe(tilesets)}`);
    return [];
  }
  const ranges: GidRange[] = [];
  tilesets.forEach((ts, i) => {
    const where = `tileset ${i}${isRecord(ts) && typeof ts.name === "string" ? ` "${ts.name}"` : ""}`;
    if (!isRecord(ts)) {
      problems.push(`${where}: must be an object, found ${describe(ts)}`);
      return;
    }
    if (ts.source !== undefined) {
      problems.push(`${where}: external tileset ${describe(ts.source)} is not supported; embed it in the map (Tiled: Map > Embed Tilesets)`);
      return;
    }
    let ok = true;
    const need = (cond: boolean, msg: string) => {
      if (!cond) {
        problems.push(`${where}: ${msg}`);
        ok = false;
      }
    };
    need(isInt(ts.firstgid) && ts.firstgid >= 1, `firstgid must be a whole number >= 1, found ${describe(ts.firstgid)}`);
    need(isInt(ts.tilecount) && ts.tilecount >= 1, `tilecount must be a whole number >= 1, found ${describe(ts.tilecount)}`);
    need(isInt(ts.columns) && ts.columns >= 1, `columns must be a whole number >= 1, found ${describe(ts.columns)}`);
    need(typeof ts.image === "string" && ts.image.length > 0, `image must be a non-empty string, found ${describe(ts.image)}`);
    if (!ok) return;
    checkTiles(ts.tiles, ts.tilecount as number, where, problems);
    ranges.push({ first: ts.firstgid as number, end: (ts.firstgid as number) + (ts.tilecount as number) });
  });
  ranges.sort((a, b) => a.first - b.first);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].first < ranges[i - 1].end) {
      problems.push(`tilesets: gid ranges overlap (a tileset starting at ${ranges[i].first} overlaps one ending at ${ranges[i - 1].end - 1})`);
    }
  }
  return ranges;
}

function checkTiles(tiles: unknown, tilecount: number, where: string, problems: string[]): void {
  if (tiles === undefined) return;
  if (!Array.isArray(tiles)) {
    problems.push(`${where}: tiles must be an array, found ${describe(tiles)}`);
    return;
  }
  tiles.forEach((tile, j) => {
    if (!isRecord(tile) || !isInt(tile.id) || tile.id < 0 || tile.id >= tilecount) {
      problems.push(`${where}: tiles[${j}] must have an id from 0 to ${tilecount - 1}, found ${describe(isRecord(tile) ? tile.id : tile)}`);
      return;
    }
    if (tile.properties !== undefined && !Array.isArray(tile.properties)) {
      problems.push(`${where}: tile ${tile.id} properties must be an array`);
    }
  });
}

function checkLayers(layers: unknown[], width: number, height: number, ranges: GidRange[], problems: string[]): void {
  if (layers.length > MAP_LIMITS.maxLayers) {
    problems.push(`map: too many layers (${layers.length}; at most ${MAP_LIMITS.maxLayers})`);
    return;
  }
  const seen = new Map<string, string>();
  layers.forEach((layer, i) => {
    if (!isRecord(layer) || typeof layer.name !== "string") {
      problems.push(`layer ${i}: must be an object with a string name`);
      return;
    }
    const where = `layer "${layer.name}"`;
    if (seen.has(layer.name)) problems.push(`${where}: more than one layer has this name`);
    seen.set(layer.name, String(layer.type));
    if (layer.type === "tilelayer") checkTileLayer(layer, where, width, height, ranges, problems);
    else if (layer.type === "objectgroup") checkObjectLayer(layer, where, problems);
    else if (layer.type === "group") problems.push(`${where}: group layers are not supported; keep every layer at the top level`);
    else if (layer.type !== "imagelayer") problems.push(`${where}: unknown layer type ${describe(layer.type)}`);
  });
  const expect = (name: string, type: string, optional: boolean) => {
    const found = seen.get(name);
    if (found === undefined) {
      if (!optional) problems.push(`missing required ${type} layer "${name}"`);
    } else if (found !== type) {
      problems.push(`layer "${name}": must be a ${type}, found ${describe(found)}`);
    }
  };
  for (const name of TILE_LAYERS.required) expect(name, "tilelayer", false);
  for (const name of TILE_LAYERS.optional) expect(name, "tilelayer", true);
  for (const name of OBJECT_LAYERS) expect(name, "objectgroup", false);
}

function checkTileLayer(
  layer: Record<string, unknown>,
  where: string,
  width: number,
  height: number,
  ranges: GidRange[],
  problems: string[],
): void {
  if (layer.encoding !== undefined && layer.encoding !== "csv") {
    problems.push(`${where}: encoded tile data (${describe(layer.encoding)}) is not supported; set the layer format to CSV in Tiled`);
    return;
  }
  if (layer.compression !== undefined && layer.compression !== "") {
    problems.push(`${where}: compressed tile data (${describe(layer.compression)}) is not supported; set the layer format to CSV in Tiled`);
    return;
  }
  if (layer.width !== width || layer.height !== height) {
    problems.push(`${where}: size ${describe(layer.width)}x${describe(layer.height)} must equal the map's ${width}x${height}`);
    return;
  }
  const data = layer.data;
  if (!Array.isArray(data)) {
    problems.push(`${where}: data must be an array of tile ids, found ${describe(data)}`);
    return;
  }
  if (data.length !== width * height) {
    problems.push(`${where}: data length ${data.length} must equal width*height = ${width * height}`);
    return;
  }
  let bad = 0;
  for (let i = 0; i < data.length; i++) {
    const raw = data[i];
    if (raw === 0) continue;
    const valid = isInt(raw) && raw > 0 && raw <= 0xffffffff && inRanges(raw & GID_FLAGS_MASK, ranges);
    if (valid) continue;
    if (++bad <= MAX_CELL_PROBLEMS) {
      problems.push(`${where}: cell (${i % width},${Math.floor(i / width)}) has tile id ${describe(raw)}, which no tileset defines`);
    }
  }
  if (bad > MAX_CELL_PROBLEMS) problems.push(`${where}: …and ${bad - MAX_CELL_PROBLEMS} more cells with undefined tile ids`);
}

function inRanges(gid: number, ranges: GidRange[]): boolean {
  for (const r of ranges) if (gid >= r.first && gid < r.end) return true;
  return false;
}

function checkObjectLayer(layer: Record<string, unknown>, where: string, problems: string[]): void {
  if (!Array.isArray(layer.objects)) {
    problems.push(`${where}: objects must be an array, found ${describe(layer.objects)}`);
  } else if (layer.objects.length > MAP_LIMITS.maxObjectsPerLayer) {
    problems.push(`${where}: too many objects (${layer.objects.length}; at most ${MAP_LIMITS.maxObjectsPerLayer})`);
  }
}
