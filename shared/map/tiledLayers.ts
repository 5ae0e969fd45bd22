import type { TiledImageLayer, TiledLayer, TiledObject, TiledObjectGroup, TiledTileLayer } from "./tiledTypes";
import type { ImportContext } from "./importContext";
import type { GidRange } from "./tiledTilesets";
import { copyProperties } from "./tiledTilesets";
import { decodeLayerData } from "./layerData";
import { GID_FLAGS_MASK, MAP_LIMITS } from "./mapLimits";
import { describe, isFiniteNumber, isInt, isRecord } from "./tiledValues";

/** How many bad cells one layer reports before summarising, so one broken layer cannot flood the message. */
const MAX_CELL_PROBLEMS = 5;

interface Inherited {
  offsetx: number;
  offsety: number;
  opacity: number;
  visible: boolean;
  path: string;
  depth: number;
}

interface Walk {
  ctx: ImportContext;
  width: number;
  height: number;
  ranges: GidRange[];
  out: TiledLayer[];
  cells: number;
}

/**
 * The map's layers in Tiled's draw order with group layers flattened: each
 * child carries its groups' offsets added, opacity multiplied and visibility
 * combined, which is how Tiled draws it. Tile data comes out as plain gids.
 */
export function flattenLayers(raw: unknown, width: number, height: number, ranges: GidRange[], ctx: ImportContext): TiledLayer[] {
  if (!Array.isArray(raw)) {
    ctx.problems.push(`map: layers must be an array, found ${describe(raw)}`);
    return [];
  }
  const count = countLayers(raw, 0);
  if (count > MAP_LIMITS.maxLayers) {
    ctx.problems.push(`map: too many layers (${count} after flattening groups; at most ${MAP_LIMITS.maxLayers})`);
    return [];
  }
  const walk: Walk = { ctx, width, height, ranges, out: [], cells: 0 };
  visit(raw, { offsetx: 0, offsety: 0, opacity: 1, visible: true, path: "", depth: 0 }, walk);
  return walk.out;
}

/** Leaf layers, groups looked into up to the depth limit (deeper ones are reported while flattening). */
function countLayers(layers: unknown[], depth: number): number {
  let n = 0;
  for (const l of layers) {
    if (isRecord(l) && l.type === "group" && Array.isArray(l.layers)) n += depth < MAP_LIMITS.maxGroupDepth ? countLayers(l.layers, depth + 1) : 0;
    else n++;
    if (n > MAP_LIMITS.maxLayers * 4) break;
  }
  return n;
}

function visit(layers: unknown[], parent: Inherited, walk: Walk): void {
  const { ctx } = walk;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i];
    if (!isRecord(layer) || typeof layer.name !== "string") {
      ctx.problems.push(`layer ${parent.path}${i}: must be an object with a string name`);
      continue;
    }
    const where = `layer "${parent.path}${layer.name.slice(0, 80)}"`;
    const own = inherit(layer, parent, where, ctx);
    if (!own) continue;
    if (layer.type === "group") {
      if (parent.depth >= MAP_LIMITS.maxGroupDepth) {
        ctx.problems.push(`${where}: groups nested more than ${MAP_LIMITS.maxGroupDepth} deep`);
      } else if (!Array.isArray(layer.layers)) {
        ctx.problems.push(`${where}: a group's layers must be an array, found ${describe(layer.layers)}`);
      } else {
        visit(layer.layers, { ...own, path: `${own.path}${layer.name.slice(0, 80)}/`, depth: parent.depth + 1 }, walk);
      }
      continue;
    }
    const base = {
      name: layer.name.slice(0, 80),
      visible: own.visible,
      opacity: own.opacity,
      offsetx: own.offsetx + num(layer.offsetx),
      offsety: own.offsety + num(layer.offsety),
      ...(isInt(layer.id) ? { id: layer.id } : {}),
      ...(copyProperties(layer.properties) ? { properties: copyProperties(layer.properties) } : {}),
    };
    if (layer.properties !== undefined && !Array.isArray(layer.properties)) ctx.problems.push(`${where}: properties must be an array`);
    if (layer.type === "tilelayer") {
      const tiles = tileLayer(layer, where, walk);
      if (tiles) walk.out.push({ type: "tilelayer", ...base, width: walk.width, height: walk.height, data: tiles });
    } else if (layer.type === "objectgroup") {
      const objects = objectLayer(layer, where, walk);
      if (objects) walk.out.push({ type: "objectgroup", ...base, objects } satisfies TiledObjectGroup);
    } else if (layer.type === "imagelayer") {
      const image = imageLayer(layer, where, ctx);
      if (image) walk.out.push({ type: "imagelayer", ...base, ...image } satisfies TiledImageLayer);
    } else {
      ctx.problems.push(`${where}: unknown layer type ${describe(layer.type)}`);
    }
  }
}

function num(v: unknown): number {
  return isFiniteNumber(v) ? v : 0;
}

/** This layer's offsets, opacity and visibility combined with its groups'; null if they are malformed. */
function inherit(layer: Record<string, unknown>, parent: Inherited, where: string, ctx: ImportContext): Inherited | null {
  for (const key of ["offsetx", "offsety", "opacity"] as const) {
    const v = layer[key];
    if (v !== undefined && (!isFiniteNumber(v) || Math.abs(v) > 100_000)) {
      ctx.problems.push(`${where}: ${key} must be a number, found ${describe(v)}`);
      return null;
    }
  }
  for (const key of ["parallaxx", "parallaxy"] as const) {
    if (layer[key] !== undefined && layer[key] !== 1) ctx.warnings.push(`${where}: parallax scrolling is not supported; drawn without it`);
  }
  if (typeof layer.tintcolor === "string") ctx.warnings.push(`${where}: tint colour is not supported; drawn untinted`);
  const opacity = layer.opacity === undefined ? 1 : Math.min(1, Math.max(0, layer.opacity as number));
  const isGroup = layer.type === "group";
  return {
    // A group passes its own offset down; a leaf layer's own offset is added by the caller.
    offsetx: parent.offsetx + (isGroup ? num(layer.offsetx) : 0),
    offsety: parent.offsety + (isGroup ? num(layer.offsety) : 0),
    opacity: parent.opacity * opacity,
    visible: parent.visible && layer.visible !== false,
    path: parent.path,
    depth: parent.depth,
  };
}

function tileLayer(layer: Record<string, unknown>, where: string, walk: Walk): number[] | null {
  const { ctx, width, height } = walk;
  if (layer.chunks !== undefined) {
    ctx.problems.push(`${where}: holds chunks of an infinite map; see the map-level problem`);
    return null;
  }
  if (layer.width !== width || layer.height !== height) {
    ctx.problems.push(`${where}: size ${describe(layer.width)}x${describe(layer.height)} must equal the map's ${width}x${height}`);
    return null;
  }
  const cells = width * height;
  walk.cells += cells;
  if (walk.cells > MAP_LIMITS.maxTileCells) {
    ctx.problems.push(`${where}: the tile layers hold more than ${MAP_LIMITS.maxTileCells} cells in all`);
    return null;
  }
  const decoded = decodeLayerData(layer.data, layer.encoding, layer.compression, cells);
  if ("problem" in decoded) {
    ctx.problems.push(`${where}: ${decoded.problem}`);
    return null;
  }
  const data = decoded.gids;
  if (data.length !== cells) {
    ctx.problems.push(`${where}: data length ${data.length} must equal width*height = ${cells}`);
    return null;
  }
  let bad = 0;
  for (let i = 0; i < data.length; i++) {
    const raw = data[i];
    if (raw === 0) continue;
    if (isInt(raw) && raw > 0 && raw <= 0xffffffff && inRanges(raw & GID_FLAGS_MASK, walk.ranges)) continue;
    if (++bad <= MAX_CELL_PROBLEMS) {
      ctx.problems.push(`${where}: cell (${i % width},${Math.floor(i / width)}) has tile id ${describe(raw)}, which no tileset image holds`);
    }
  }
  if (bad > MAX_CELL_PROBLEMS) ctx.problems.push(`${where}: …and ${bad - MAX_CELL_PROBLEMS} more cells with tile ids no tileset image holds`);
  return bad === 0 ? data.slice() : null;
}

export function inRanges(gid: number, ranges: readonly GidRange[]): boolean {
  for (const r of ranges) if (gid >= r.first && gid < r.end) return true;
  return false;
}

function objectLayer(layer: Record<string, unknown>, where: string, walk: Walk): TiledObject[] | null {
  const { ctx } = walk;
  if (!Array.isArray(layer.objects)) {
    ctx.problems.push(`${where}: objects must be an array, found ${describe(layer.objects)}`);
    return null;
  }
  if (layer.objects.length > MAP_LIMITS.maxObjectsPerLayer) {
    ctx.problems.push(`${where}: too many objects (${layer.objects.length}; at most ${MAP_LIMITS.maxObjectsPerLayer})`);
    return null;
  }
  const out: TiledObject[] = [];
  let templates = 0;
  let texts = 0;
  layer.objects.forEach((obj, i) => {
    if (!isRecord(obj)) {
      // Kept so the layer's reader can name it; it holds nothing else.
      out.push(obj as unknown as TiledObject);
      return;
    }
    if (obj.template !== undefined) {
      templates++;
      return;
    }
    if (obj.text !== undefined) texts++;
    const copy = copyObject(obj);
    if (copy.gid !== undefined) {
      const gid = copy.gid;
      if (!isInt(gid) || gid <= 0 || gid > 0xffffffff || !inRanges(gid & GID_FLAGS_MASK, walk.ranges)) {
        ctx.problems.push(`${where} object ${i}: tile object has tile id ${describe(gid)}, which no tileset image holds`);
        return;
      }
    }
    out.push(copy);
  });
  if (templates > 0) {
    ctx.warnings.push(`${where}: ${templates} object${templates === 1 ? "" : "s"} made from templates (.tx) left out; in Tiled use Detach Template before saving`);
  }
  if (texts > 0) ctx.warnings.push(`${where}: ${texts} text object${texts === 1 ? " is" : "s are"} not drawn`);
  return out;
}

const OBJECT_NUMBERS = ["id", "x", "y", "width", "height", "rotation", "gid"] as const;

/** An object with only the fields Deskmap reads; Tiled 1.9's `class` is read as `type`. */
function copyObject(obj: Record<string, unknown>): TiledObject {
  const out: Record<string, unknown> = {};
  for (const key of OBJECT_NUMBERS) if (obj[key] !== undefined) out[key] = obj[key];
  if (typeof obj.name === "string") out.name = obj.name.slice(0, 200);
  const type = typeof obj.type === "string" && obj.type ? obj.type : obj.class;
  if (typeof type === "string") out.type = type.slice(0, 80);
  for (const key of ["point", "ellipse", "visible"] as const) if (typeof obj[key] === "boolean") out[key] = obj[key];
  for (const key of ["polygon", "polyline"] as const) {
    if (obj[key] !== undefined) {
      const pts = obj[key];
      out[key] = Array.isArray(pts) ? pts.slice(0, 1000).map((p) => (isRecord(p) ? { x: p.x, y: p.y } : p)) : pts;
    }
  }
  if (obj.text !== undefined) out.text = true;
  const props = copyProperties(obj.properties);
  if (props) out.properties = props;
  else if (obj.properties !== undefined && !Array.isArray(obj.properties)) out.properties = obj.properties;
  return out as unknown as TiledObject;
}

function imageLayer(layer: Record<string, unknown>, where: string, ctx: ImportContext): Pick<TiledImageLayer, "image" | "imagewidth" | "imageheight"> | null {
  if (typeof layer.image !== "string" || layer.image.length > 512) {
    ctx.problems.push(`${where}: image must be a path, found ${describe(layer.image)}`);
    return null;
  }
  if (layer.image === "") return null; // an image layer with no image draws nothing in Tiled either
  if (layer.repeatx === true || layer.repeaty === true) ctx.warnings.push(`${where}: repeated image layers are drawn once`);
  const out: Pick<TiledImageLayer, "image" | "imagewidth" | "imageheight"> = { image: layer.image };
  if (isInt(layer.imagewidth) && isInt(layer.imageheight)) {
    out.imagewidth = layer.imagewidth;
    out.imageheight = layer.imageheight;
  }
  return out;
}
