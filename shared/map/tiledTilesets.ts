import type { TiledFrame, TiledProperty, TiledTile, TiledTileset } from "./tiledTypes";
import type { ImportContext } from "./importContext";
import { MAP_LIMITS } from "./mapLimits";
import { rebaseRelative, resolveBundlePath } from "./bundlePaths";
import { readExternalTileset } from "./tsxTileset";
import { describe, isFiniteNumber, isInt, isRecord } from "./tiledValues";

/** The gids a tileset can draw: [first, end), `end` capped at the tiles its image really holds. */
export interface GidRange {
  first: number;
  end: number;
  tileset: TiledTileset;
}

/** How many whole tiles fit along one side of an image, Tiled's way (margin around, spacing between). */
export function tilesAlong(imagePx: number, tilePx: number, margin: number, spacing: number): number {
  return Math.max(0, Math.floor((imagePx - 2 * margin + spacing) / (tilePx + spacing)));
}

/**
 * Every tileset embedded and checked: an external one (`source`) is read from
 * the bundle, a .tsx or .json file next to the map. A tileset whose geometry
 * does not add up (columns, tile count, image size) is refused, because a tile
 * id beyond what the image holds breaks drawing for every visitor.
 */
export function readTilesets(raw: unknown, ctx: ImportContext): GidRange[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    ctx.problems.push(`map: tilesets must be a non-empty array, found ${describe(raw)}`);
    return [];
  }
  if (raw.length > MAP_LIMITS.maxTilesets) {
    ctx.problems.push(`map: too many tilesets (${raw.length}; at most ${MAP_LIMITS.maxTilesets})`);
    return [];
  }
  const ranges: GidRange[] = [];
  raw.forEach((entry, i) => {
    const ts = readOne(entry, i, ctx);
    if (ts) ranges.push({ first: ts.firstgid, end: ts.firstgid + ts.tilecount, tileset: ts });
  });
  ranges.sort((a, b) => a.first - b.first);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].first < ranges[i - 1].end) {
      ctx.problems.push(`tilesets: gid ranges overlap (a tileset starting at ${ranges[i].first} overlaps one ending at ${ranges[i - 1].end - 1})`);
    }
  }
  return ranges;
}

function readOne(entry: unknown, i: number, ctx: ImportContext): TiledTileset | null {
  if (!isRecord(entry)) {
    ctx.problems.push(`tileset ${i}: must be an object, found ${describe(entry)}`);
    return null;
  }
  let ts: Record<string, unknown> = entry;
  if (entry.source !== undefined) {
    const source = typeof entry.source === "string" ? resolveBundlePath(ctx.mapPath, entry.source) : null;
    const text = source ? ctx.readFile(source) : undefined;
    if (!source || text === undefined) {
      ctx.problems.push(
        `tileset ${i}: external tileset ${describe(entry.source)} is not in the upload; add the file to the upload (or a .zip of the map's folder), or embed it in Tiled (Map > Embed Tilesets)`,
      );
      return null;
    }
    const read = readExternalTileset(source, text);
    if (typeof read === "string") {
      ctx.problems.push(`tileset ${i}: external tileset "${source}" cannot be read: ${read}`);
      return null;
    }
    // The tileset's image is relative to the tileset file; the map keeps paths relative to itself.
    const image = typeof read.image === "string" ? rebaseRelative(entry.source as string, read.image) : read.image;
    ts = { ...read, image, firstgid: entry.firstgid };
  }
  const where = `tileset ${i}${typeof ts.name === "string" && ts.name ? ` "${ts.name}"` : ""}`;
  const before = ctx.problems.length;
  const need = (cond: boolean, msg: string) => {
    if (!cond) ctx.problems.push(`${where}: ${msg}`);
  };
  const whole = (key: string, min: number) => {
    const v = ts[key] ?? (key === "margin" || key === "spacing" ? 0 : undefined);
    need(isInt(v) && v >= min, `${key} must be a whole number >= ${min}, found ${describe(v)}`);
    return v as number;
  };
  const firstgid = whole("firstgid", 1);
  const tilecount = whole("tilecount", 1);
  const columns = whole("columns", 0);
  const tilewidth = whole("tilewidth", 1);
  const tileheight = whole("tileheight", 1);
  const margin = whole("margin", 0);
  const spacing = whole("spacing", 0);
  if (ts.image === undefined && Array.isArray(ts.tiles)) {
    ctx.problems.push(`${where}: image collection tilesets (one image per tile) are not supported; combine the images into one tileset image`);
    return null;
  }
  need(typeof ts.image === "string" && ts.image.length > 0 && ts.image.length <= 512, `image must be a non-empty path, found ${describe(ts.image)}`);
  const imagewidth = whole("imagewidth", 1);
  const imageheight = whole("imageheight", 1);
  if (ctx.problems.length !== before) return null;
  const image = ts.image as string;
  const fitCols = tilesAlong(imagewidth, tilewidth, margin, spacing);
  const fitRows = tilesAlong(imageheight, tileheight, margin, spacing);
  if (columns !== fitCols) {
    ctx.problems.push(`${where}: columns is ${columns}, but a ${imagewidth} px wide image holds ${fitCols} columns of ${tilewidth} px tiles`);
    return null;
  }
  if (tilecount > fitCols * fitRows) {
    ctx.problems.push(`${where}: tilecount is ${tilecount}, but its ${imagewidth}x${imageheight} px image holds only ${fitCols * fitRows} tiles`);
    return null;
  }
  const out: TiledTileset = {
    firstgid, name: typeof ts.name === "string" ? ts.name.slice(0, 80) : `tileset ${i}`, tilecount, columns,
    image, tilewidth, tileheight, imagewidth, imageheight, margin, spacing,
  };
  const offset = readOffset(ts.tileoffset, where, ctx);
  if (offset) out.tileoffset = offset;
  const props = copyProperties(ts.properties);
  if (props) out.properties = props;
  const tiles = readTiles(ts.tiles, tilecount, where, ctx);
  if (tiles.length > 0) out.tiles = tiles;
  if (ts.grid !== undefined && isRecord(ts.grid) && ts.grid.orientation === "isometric") ctx.warnings.push(`${where}: isometric tile grid is drawn orthogonally`);
  return out;
}

function readOffset(raw: unknown, where: string, ctx: ImportContext): { x: number; y: number } | null {
  if (raw === undefined) return null;
  if (!isRecord(raw) || !isInt(raw.x) || !isInt(raw.y) || Math.abs(raw.x) > 1024 || Math.abs(raw.y) > 1024) {
    ctx.problems.push(`${where}: tileoffset must be whole numbers x, y within 1024 px`);
    return null;
  }
  return raw.x === 0 && raw.y === 0 ? null : { x: raw.x, y: raw.y };
}

function readTiles(raw: unknown, tilecount: number, where: string, ctx: ImportContext): TiledTile[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    ctx.problems.push(`${where}: tiles must be an array, found ${describe(raw)}`);
    return [];
  }
  const out: TiledTile[] = [];
  let shapes = false;
  raw.forEach((tile, j) => {
    if (!isRecord(tile) || !isInt(tile.id) || tile.id < 0 || tile.id >= tilecount) {
      ctx.problems.push(`${where}: tiles[${j}] must have an id from 0 to ${tilecount - 1}, found ${describe(isRecord(tile) ? tile.id : tile)}`);
      return;
    }
    if (tile.properties !== undefined && !Array.isArray(tile.properties)) {
      ctx.problems.push(`${where}: tile ${tile.id} properties must be an array`);
      return;
    }
    const entry: TiledTile = { id: tile.id };
    const props = copyProperties(tile.properties);
    if (props) entry.properties = props;
    const animation = readAnimation(tile.animation, tilecount, `${where} tile ${tile.id}`, ctx);
    if (animation) entry.animation = animation;
    if (isRecord(tile.objectgroup) && Array.isArray(tile.objectgroup.objects) && tile.objectgroup.objects.length > 0) shapes = true;
    if (entry.properties || entry.animation) out.push(entry);
  });
  if (shapes) {
    ctx.warnings.push(`${where}: per-tile collision shapes are not used; a tile blocks as a whole when it has the bool property "collides"`);
  }
  return out;
}

function readAnimation(raw: unknown, tilecount: number, where: string, ctx: ImportContext): TiledFrame[] | null {
  if (raw === undefined) return null;
  const ok =
    Array.isArray(raw) &&
    raw.length > 0 &&
    raw.length <= 256 &&
    raw.every((f) => isRecord(f) && isInt(f.tileid) && f.tileid >= 0 && f.tileid < tilecount && isFiniteNumber(f.duration) && f.duration > 0);
  if (!ok) {
    ctx.problems.push(`${where}: animation must be 1 to 256 frames, each a tileid in the tileset and a positive duration`);
    return null;
  }
  return (raw as TiledFrame[]).map((f) => ({ tileid: f.tileid, duration: Math.max(16, Math.round(f.duration)) }));
}

/** Properties copied field by field, so no other key rides along. */
export function copyProperties(raw: unknown): TiledProperty[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  const out: TiledProperty[] = [];
  for (const p of raw.slice(0, 200)) {
    if (!isRecord(p) || typeof p.name !== "string") continue;
    const v = p.value;
    const value = typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
    out.push({ name: p.name.slice(0, 200), type: typeof p.type === "string" ? p.type : "string", value: typeof value === "string" ? value.slice(0, 2000) : value });
  }
  return out.length > 0 ? out : undefined;
}
