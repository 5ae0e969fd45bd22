import { PNG } from "pngjs";
import type { TiledMap } from "../../shared/map/tiledTypes";
import { renderMap, type Raster } from "./renderMap";

/**
 * Longest side of a preview, px: enough to recognise the rooms, small enough
 * to render on upload (synchronously, tens of milliseconds on an idle core).
 */
export const PREVIEW_MAX_SIDE = 768;

export interface ImageBytes {
  path: string;
  type: string;
  bytes: Buffer;
}

/** Decodes the PNGs among a map's images; JPEG and WebP have no decoder on the server and stay undecoded (null). */
export function decodeImages(images: readonly ImageBytes[]): Map<string, Raster | null> {
  const out = new Map<string, Raster | null>();
  for (const img of images) {
    if (img.type !== "image/png") {
      out.set(img.path, null);
      continue;
    }
    const png = PNG.sync.read(img.bytes);
    out.set(img.path, { width: png.width, height: png.height, data: png.data });
  }
  return out;
}

/**
 * The upload preview: the whole map drawn without avatars, scaled down to at
 * most PREVIEW_MAX_SIDE px, as a PNG. Tileset images that are JPEG or WebP are
 * drawn grey, and the returned note says so.
 */
export function renderPreview(tiled: TiledMap, images: readonly ImageBytes[]): { png: Buffer; width: number; height: number; note: string | null } {
  const decoded = decodeImages(images);
  const widthPx = tiled.width * tiled.tilewidth;
  const heightPx = tiled.height * tiled.tileheight;
  const scale = Math.min(1, PREVIEW_MAX_SIDE / Math.max(widthPx, heightPx));
  const raster = renderMap(tiled, decoded, { scale, background: [11, 16, 32, 255] });
  const png = new PNG({ width: raster.width, height: raster.height });
  png.data = Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength);
  const grey = [...decoded.values()].some((r) => r === null);
  return {
    // Fast deflate: a preview is looked at once, and a slow encode would hold up the server's event loop.
    png: PNG.sync.write(png, { deflateLevel: 1, filterType: 0 }),
    width: raster.width,
    height: raster.height,
    note: grey ? "the preview draws JPEG and WebP images grey (the office itself shows them)" : null,
  };
}
