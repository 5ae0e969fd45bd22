import { importMap, type ImportedMap } from "../../../shared/map/parseMap";
import { MapError, capList } from "../../../shared/map/MapError";
import { resolveBundlePath } from "../../../shared/map/bundlePaths";
import type { TiledMap } from "../../../shared/map/tiledTypes";
import type { Bundle } from "./uploadBundle";
import { imageInfo, type ImageInfo } from "./imageInfo";
import { jsonDepthExceeds } from "../../http/jsonDepth";
import { UPLOAD_LIMITS } from "./uploadLimits";

export interface PreparedImage extends ImageInfo {
  /** Path in the bundle. */
  path: string;
  bytes: Buffer;
}

export interface PreparedMap extends ImportedMap {
  /** Every image the map draws from the upload, once each. */
  images: PreparedImage[];
}

export interface PrepareOptions {
  /** Largest map JSON, in bytes. */
  maxMapBytes: number;
  /** Whether a path the map names is one of the server's own images (assets/), which need not be uploaded. */
  isServerImage: (path: string) => boolean;
}

/**
 * Everything the import checks for one upload: the map JSON (size and nesting
 * bounded before it is parsed), its tilesets, and each image it names — in
 * the bundle, a PNG, JPEG or WebP by its bytes, within the size and pixel
 * limits, and as large as the tileset says (or the tiles would not line up).
 * Throws MapError with every problem; image paths in the returned map are
 * still bundle paths, for the caller to turn into asset URLs.
 */
export function prepareUpload(bundle: Bundle, options: PrepareOptions): PreparedMap {
  const text = bundle.mapText;
  if (Buffer.byteLength(text) > options.maxMapBytes) throw new MapError([`the map JSON is larger than ${options.maxMapBytes} bytes`]);
  if (jsonDepthExceeds(text, UPLOAD_LIMITS.maxJsonDepth)) {
    throw new MapError([`the map JSON nests arrays and objects more than ${UPLOAD_LIMITS.maxJsonDepth} levels deep`]);
  }
  const readFile = (path: string) => {
    const bytes = bundle.files.get(path);
    return bytes && bytes.length <= UPLOAD_LIMITS.maxTilesetBytes ? bytes.toString("utf8") : undefined;
  };
  const imported = importMap(text, { mapPath: bundle.mapPath, readFile });
  const problems: string[] = [];
  const warnings = [...imported.warnings];
  const images = new Map<string, PreparedImage>();
  const used = new Set<string>();
  const check = (where: string, image: string, expect: { width: number; height: number } | null, set: (path: string, info: ImageInfo) => void) => {
    const path = resolveBundlePath(bundle.mapPath, image);
    const bytes = path ? bundle.files.get(path) : undefined;
    if (!path || !bytes) {
      if (!options.isServerImage(image)) {
        problems.push(`${where}: image "${image.slice(0, 120)}" is not in the upload; send the map with its images (a multipart form, or a .zip of the map's folder)`);
      }
      return;
    }
    used.add(path);
    const info = images.get(path) ?? readImage(where, path, bytes, problems);
    if (!info) return;
    images.set(path, info);
    if (expect && (info.width !== expect.width || info.height !== expect.height)) {
      problems.push(`${where}: image "${path}" is ${info.width}x${info.height} px, but the tileset says ${expect.width}x${expect.height}; reopen the tileset in Tiled and save again`);
      return;
    }
    set(path, info);
  };
  const tiled: TiledMap = imported.tiled;
  tiled.tilesets.forEach((ts, i) => {
    check(`tileset ${i} "${ts.name}"`, ts.image, { width: ts.imagewidth, height: ts.imageheight }, (path) => (ts.image = path));
  });
  for (const layer of tiled.layers) {
    if (layer.type !== "imagelayer") continue;
    check(`image layer "${layer.name}"`, layer.image, null, (path, info) => {
      layer.image = path;
      layer.imagewidth = info.width;
      layer.imageheight = info.height;
    });
  }
  if (problems.length > 0) throw new MapError(problems);
  const unused = [...bundle.files.keys()].filter((p) => !used.has(p) && !/\.(tsx|tsj)$/i.test(p));
  if (unused.length > 0) warnings.push(`${unused.length} file(s) in the upload are not used by the map: ${unused.slice(0, 5).join(", ")}${unused.length > 5 ? ", …" : ""}`);
  const { listed, more } = capList(warnings);
  return { ...imported, tiled, warnings: listed, moreWarnings: imported.moreWarnings + more, images: [...images.values()] };
}

function readImage(where: string, path: string, bytes: Buffer, problems: string[]): PreparedImage | null {
  if (bytes.length > UPLOAD_LIMITS.maxImageBytes) {
    problems.push(`${where}: image "${path}" is ${bytes.length} bytes; at most ${UPLOAD_LIMITS.maxImageBytes}`);
    return null;
  }
  const info = imageInfo(bytes);
  if (!info) {
    problems.push(`${where}: "${path}" is not a PNG, JPEG or WebP image`);
    return null;
  }
  const { maxImageSide, maxImagePixels } = UPLOAD_LIMITS;
  if (info.width < 1 || info.height < 1 || info.width > maxImageSide || info.height > maxImageSide || info.width * info.height > maxImagePixels) {
    problems.push(`${where}: image "${path}" is ${info.width}x${info.height} px; at most ${maxImageSide} px a side and ${maxImagePixels} pixels`);
    return null;
  }
  return { ...info, path, bytes };
}
