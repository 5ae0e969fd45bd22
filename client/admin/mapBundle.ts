import { rebaseRelative, resolveBundlePath } from "../../shared/map/bundlePaths";
import { readExternalTileset } from "../../shared/map/tsxTileset";

/**
 * The files an author picked for an upload, turned into what the map upload
 * route reads (docs/maps.md): a .zip of the Tiled folder goes as it is; a map
 * JSON with its tileset images (and .tsx/.tsj tilesets) goes as a multipart
 * form whose file names are the paths the map names them by. A file picker
 * hands over bare file names ("office.png") while the map says
 * "../tilesets/office.png", so each picked file is placed at the path the map
 * (or its external tileset) names with that file name. Problems with the
 * files themselves (a missing image, a wrong size) are the server's to word.
 */

/** What this needs of a picked File (a File is one). */
export interface PickedFile {
  name: string;
  text(): Promise<string>;
}

export type PlannedUpload<F extends PickedFile> =
  | { kind: "zip"; file: F }
  | { kind: "parts"; map: { file: F; path: string }; files: Array<{ file: F; path: string }> }
  | { kind: "refused"; reason: string };

const MAP_NAME = /\.(json|tmj)$/i;
const TILESET_NAME = /\.(tsx|tsj|json)$/i;

export async function planUpload<F extends PickedFile>(picked: readonly F[]): Promise<PlannedUpload<F>> {
  if (picked.length === 0) return { kind: "refused", reason: "Choose the map's .json file and its images, or a .zip of its folder" };
  const zips = picked.filter((f) => /\.zip$/i.test(f.name));
  if (zips.length > 0) {
    if (picked.length > 1) return { kind: "refused", reason: "Choose either one .zip of the map's folder, or the map and its images, not both" };
    return { kind: "zip", file: zips[0] };
  }
  const texts = new Map<F, string>();
  const maps: Array<{ file: F; tiled: Record<string, unknown> }> = [];
  for (const file of picked) {
    if (!MAP_NAME.test(file.name)) continue;
    const text = await file.text();
    texts.set(file, text);
    const parsed = parseObject(text);
    if (parsed?.type === "map") maps.push({ file, tiled: parsed });
  }
  if (maps.length === 0) return { kind: "refused", reason: 'None of the chosen files is a Tiled JSON map (a .json or .tmj file with "type": "map"); in Tiled use File > Export As, JSON' };
  if (maps.length > 1) return { kind: "refused", reason: `Choose one map at a time (${maps.map((m) => m.file.name).join(", ")} are all maps)` };
  const { file: mapFile, tiled } = maps[0];

  // Paths relative to the map's folder, leading ".." kept (Tiled often keeps tilesets beside the maps folder).
  const byName = new Map<string, F>();
  for (const file of picked) if (file !== mapFile && !byName.has(file.name)) byName.set(file.name, file);
  const wanted: string[] = [];
  const externalTilesets: string[] = [];
  for (const ts of arrayOf(tiled.tilesets)) {
    if (typeof ts.source === "string") externalTilesets.push(rebaseRelative(mapFile.name, ts.source));
    if (typeof ts.image === "string") wanted.push(rebaseRelative(mapFile.name, ts.image));
  }
  for (const image of layerImages(arrayOf(tiled.layers))) wanted.push(rebaseRelative(mapFile.name, image));
  for (const path of externalTilesets) {
    wanted.push(path);
    const file = byName.get(baseName(path));
    if (!file || !TILESET_NAME.test(file.name)) continue;
    const text = texts.get(file) ?? (await file.text());
    const read = readExternalTileset(path, text);
    if (typeof read !== "string" && typeof read.image === "string") wanted.push(rebaseRelative(path, read.image));
  }

  // The map sits as deep in a made-up folder as its paths climb out, so "../x.png" still lands inside the upload.
  const depth = Math.max(0, ...wanted.map((p) => p.split("/").filter((s) => s === "..").length));
  const mapPath = `${"in/".repeat(depth)}${mapFile.name}`;
  const placed = new Map<F, string>();
  for (const rel of wanted) {
    const file = byName.get(baseName(rel));
    const path = resolveBundlePath(mapPath, rel);
    if (file && path && !placed.has(file)) placed.set(file, path);
  }
  // Files the map does not name go under their own names: the server says what it made of them.
  const files = [...byName.values()].map((file) => ({ file, path: placed.get(file) ?? `${"in/".repeat(depth)}${file.name}` }));
  return { kind: "parts", map: { file: mapFile, path: mapPath }, files };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function arrayOf(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null) : [];
}

/** Image-layer pictures, inside group layers too. */
function layerImages(layers: Array<Record<string, unknown>>): string[] {
  return layers.flatMap((l) => (l.type === "group" ? layerImages(arrayOf(l.layers)) : l.type === "imagelayer" && typeof l.image === "string" ? [l.image] : []));
}

function baseName(path: string): string {
  return path.split("/").pop() ?? path;
}
