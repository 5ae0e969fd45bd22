import type { TiledMap } from "../../shared/map/tiledTypes";
import { drawnLayers } from "../../shared/map/layerRoles";
import { TileLookup, cellOrigin, flipTransform } from "../../shared/map/tileGeometry";

/** RGBA pixels, row-major, 4 bytes each (straight alpha, as PNG stores them). */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface RenderOptions {
  /** Output pixels per map pixel (at most 1: previews shrink, never grow). */
  scale: number;
  /** The part of the map to draw, in map pixels; the whole map by default. */
  region?: { x: number; y: number; width: number; height: number };
  /** Background, RGBA; transparent by default. */
  background?: [number, number, number, number];
}

/** Stands in for an image that could not be decoded (JPEG/WebP in the preview): mid grey. */
const MISSING: Raster = { width: 1, height: 1, data: new Uint8Array([128, 128, 128, 255]) };

/**
 * Draws a normalised map as Tiled does, in Node, for the upload preview and
 * for tests that compare the browser's picture with the Tiled data: every
 * drawn layer in order (no avatars), tiles anchored bottom-left with layer
 * offsets, tileoffset and flips, tile objects, image layers, each layer's
 * opacity. Animated tiles show their first frame. Sampling is nearest-pixel.
 */
export function renderMap(tiled: TiledMap, images: ReadonlyMap<string, Raster | null>, options: RenderOptions): Raster {
  const scale = Math.min(1, options.scale);
  const region = options.region ?? { x: 0, y: 0, width: tiled.width * tiled.tilewidth, height: tiled.height * tiled.tileheight };
  const out: Raster = { width: Math.max(1, Math.round(region.width * scale)), height: Math.max(1, Math.round(region.height * scale)), data: new Uint8Array(0) };
  out.data = new Uint8Array(out.width * out.height * 4);
  if (options.background) for (let i = 0; i < out.data.length; i += 4) out.data.set(options.background, i);
  const lookup = new TileLookup(tiled);
  const image = (path: string) => images.get(path) ?? MISSING;
  const blit = (src: Raster, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number, gid: number, alpha: number) =>
    drawScaled(out, src, sx, sy, sw, sh, (dx - region.x) * scale, (dy - region.y) * scale, dw * scale, dh * scale, gid, alpha);

  for (const { layer } of drawnLayers(tiled)) {
    if (layer.type === "tilelayer") {
      for (let i = 0; i < layer.data.length; i++) {
        const gid = layer.data[i];
        const tile = lookup.source(gid);
        if (!tile) continue;
        const shown = tile.frames ? lookup.at(tile.tileset, tile.frames[0].tileid) : tile;
        const ts = tile.tileset;
        const at = cellOrigin(tiled, ts, i % tiled.width, Math.floor(i / tiled.width), layer.offsetx, layer.offsety);
        blit(image(ts.image), shown.sx, shown.sy, ts.tilewidth, ts.tileheight, at.x, at.y, ts.tilewidth, ts.tileheight, gid, layer.opacity);
      }
    } else if (layer.type === "objectgroup") {
      for (const obj of layer.objects) {
        if (obj.gid === undefined || obj.visible === false) continue;
        const tile = lookup.source(obj.gid);
        if (!tile) continue;
        const shown = tile.frames ? lookup.at(tile.tileset, tile.frames[0].tileid) : tile;
        const ts = tile.tileset;
        const w = obj.width || ts.tilewidth;
        const h = obj.height || ts.tileheight;
        const off = ts.tileoffset ?? { x: 0, y: 0 };
        blit(image(ts.image), shown.sx, shown.sy, ts.tilewidth, ts.tileheight, obj.x + layer.offsetx + off.x, obj.y - h + layer.offsety + off.y, w, h, obj.gid, layer.opacity);
      }
    } else {
      const img = images.get(layer.image);
      if (!img) continue;
      blit(img, 0, 0, img.width, img.height, layer.offsetx, layer.offsety, img.width, img.height, 0, layer.opacity);
    }
  }
  return out;
}

/** Nearest-pixel copy of a source rectangle into a destination rectangle, flipped as the gid says, blended source-over. */
function drawScaled(
  out: Raster, src: Raster, sx: number, sy: number, sw: number, sh: number,
  dx: number, dy: number, dw: number, dh: number, gid: number, alpha: number,
): void {
  const x0 = Math.max(0, Math.round(dx));
  const y0 = Math.max(0, Math.round(dy));
  const x1 = Math.min(out.width, Math.round(dx + dw));
  const y1 = Math.min(out.height, Math.round(dy + dh));
  if (x0 >= x1 || y0 >= y1) return;
  const flip = flipTransform(gid, 1, 1);
  const missing = src === MISSING;
  const sData = src.data;
  const oData = out.data;
  // Source column and row for each destination column and row, at pixel centres (0..1 inside the box).
  const us = new Float64Array(x1 - x0);
  for (let x = x0; x < x1; x++) us[x - x0] = (x + 0.5 - dx) / dw;
  for (let y = y0; y < y1; y++) {
    const v = (y + 0.5 - dy) / dh;
    let o = (y * out.width + x0) * 4;
    for (let i = 0; i < us.length; i++, o += 4) {
      let su = us[i];
      let sv = v;
      if (flip) {
        // The flip maps source to destination with an orthogonal matrix; its inverse is the transpose.
        const [a, b, c, d, e, f] = flip;
        su = a * (us[i] - e) + b * (v - f);
        sv = c * (us[i] - e) + d * (v - f);
      }
      let s = 0;
      if (!missing) {
        const px = Math.min(src.width - 1, sx + Math.floor(su * sw));
        const py = Math.min(src.height - 1, sy + Math.floor(sv * sh));
        s = (py * src.width + px) * 4;
      }
      const srcA = sData[s + 3];
      if (srcA === 0) continue;
      if (srcA === 255 && alpha >= 1) {
        oData[o] = sData[s];
        oData[o + 1] = sData[s + 1];
        oData[o + 2] = sData[s + 2];
        oData[o + 3] = 255;
        continue;
      }
      const sa = (srcA / 255) * alpha;
      const da = oData[o + 3] / 255;
      const oa = sa + da * (1 - sa);
      for (let k = 0; k < 3; k++) oData[o + k] = Math.round((sData[s + k] * sa + oData[o + k] * da * (1 - sa)) / oa);
      oData[o + 3] = Math.round(oa * 255);
    }
  }
}
