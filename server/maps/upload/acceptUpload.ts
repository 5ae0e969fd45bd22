import type { Types } from "mongoose";
import { MapError } from "../../../shared/map/MapError";
import { mapAssetUrl, mapImageUrl } from "../../../shared/map/imageUrls";
import type { Repositories } from "../../db/repositories";
import type { MapDoc } from "../../db/models/Map";
import { renderPreview, type ImageBytes } from "../mapPreview";
import { IMAGE_EXTENSIONS } from "./imageInfo";
import { prepareUpload } from "./prepareUpload";
import { readBundle } from "./uploadBundle";

export interface UploadInput {
  body: Buffer;
  contentType: string;
  /** For a .zip with several maps: which one. */
  mapChoice?: string;
  space: Types.ObjectId;
  name: string;
  uploadedBy: Types.ObjectId;
  maxMapBytes: number;
  maxBundleBytes: number;
  /** Bytes of one of the server's own images (assets/), for the preview; null when absent. */
  serverImage: (url: string) => Promise<Buffer | null>;
}

export interface AcceptedUpload {
  doc: MapDoc;
  warnings: string[];
  moreWarnings: number;
}

/**
 * Turns an upload into a stored map version: reads the bundle, imports and
 * checks the map and its images (MapError with every problem), stores each
 * image once by its hash, points the map at those URLs, renders the preview
 * and adds the version. Activation is the caller's business.
 */
export async function acceptUpload(repos: Repositories, input: UploadInput): Promise<AcceptedUpload> {
  const bundle = readBundle(input.body, input.contentType, input.mapChoice, input.maxBundleBytes);
  if (typeof bundle === "string") throw new MapError([bundle]);
  const prepared = prepareUpload(bundle, { maxMapBytes: input.maxMapBytes, isServerImage: (p) => mapImageUrl(p) !== null });
  const { tiled, map, images } = prepared;

  const urls = new Map<string, string>();
  const assets: MapDoc["assets"] = [];
  for (const img of images) {
    const id = await repos.mapAssets.put({ contentType: img.type, bytes: img.bytes, width: img.width, height: img.height });
    urls.set(img.path, mapAssetUrl(id, IMAGE_EXTENSIONS[img.type]));
    assets.push({ path: img.path, id });
  }
  // The preview reads images by the paths the map names; uploaded ones first, then the server's own.
  const forPreview: ImageBytes[] = images.map((i) => ({ path: i.path, type: i.type, bytes: i.bytes }));
  const named = [...tiled.tilesets.map((t) => t.image), ...tiled.layers.flatMap((l) => (l.type === "imagelayer" ? [l.image] : []))];
  for (const path of new Set(named)) {
    const url = mapImageUrl(path);
    if (urls.has(path) || !url) continue;
    const bytes = await input.serverImage(url);
    if (bytes) forPreview.push({ path, type: "image/png", bytes });
  }
  const preview = renderPreview(tiled, forPreview);
  const warnings = [...prepared.warnings];
  if (preview.note) warnings.push(preview.note);
  const previewId = await repos.mapAssets.put({ contentType: "image/png", bytes: preview.png, width: preview.width, height: preview.height });

  for (const ts of tiled.tilesets) ts.image = urls.get(ts.image) ?? ts.image;
  for (const layer of tiled.layers) if (layer.type === "imagelayer") layer.image = urls.get(layer.image) ?? layer.image;
  const doc = await repos.maps.addVersion({
    space: input.space,
    name: input.name,
    tiled: tiled as unknown as Record<string, unknown>,
    width: map.width,
    height: map.height,
    uploadedBy: input.uploadedBy,
    assets,
    preview: previewId,
    warnings,
  });
  return { doc, warnings, moreWarnings: prepared.moreWarnings };
}
