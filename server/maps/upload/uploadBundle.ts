import { unzipSync } from "fflate";
import { cleanBundlePath } from "../../../shared/map/bundlePaths";
import { parseMultipart } from "./multipart";
import { UPLOAD_LIMITS } from "./uploadLimits";

/** A map and the files next to it, by their path relative to the bundle's root. */
export interface Bundle {
  mapPath: string;
  mapText: string;
  files: Map<string, Buffer>;
}

const MAP_FILE = /\.(json|tmj)$/i;

/**
 * The map and its files from an upload body, whatever the form: the Tiled
 * JSON alone, a multipart form (field "map" holds the map; every other file
 * is sent with its path relative to the map as its file name), or a .zip of
 * the folder Tiled saved. Returns a sentence when the body is none of these.
 */
export function readBundle(body: Buffer, contentType: string, mapChoice: string | undefined, maxBytes: number): Bundle | string {
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type === "multipart/form-data") return fromMultipart(body, contentType);
  if (type === "application/zip" || type === "application/x-zip-compressed" || body.subarray(0, 4).toString("latin1") === "PK\x03\x04") {
    return fromZip(body, mapChoice, maxBytes);
  }
  return { mapPath: "map.json", mapText: body.toString("utf8"), files: new Map() };
}

function fromMultipart(body: Buffer, contentType: string): Bundle | string {
  const parts = parseMultipart(body, contentType, UPLOAD_LIMITS.maxFiles);
  if (typeof parts === "string") return parts;
  const map = parts.find((p) => p.name === "map");
  if (!map) return 'a multipart upload needs the map in a field named "map"';
  const mapPath = (map.filename && cleanBundlePath(map.filename)) || "map.json";
  const files = new Map<string, Buffer>();
  for (const part of parts) {
    if (part === map || !part.filename) continue;
    const path = cleanBundlePath(part.filename);
    if (!path) return `file name ${JSON.stringify(part.filename.slice(0, 80))} is not a relative path`;
    files.set(path, part.data);
  }
  return { mapPath, mapText: map.data.toString("utf8"), files };
}

function fromZip(body: Buffer, mapChoice: string | undefined, maxBytes: number): Bundle | string {
  let total = 0;
  let tooBig: string | null = null;
  let count = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(body, {
      // Sizes come from the archive's directory; fflate inflates each entry into a buffer of that size, no larger.
      filter: (file) => {
        if (file.name.endsWith("/") || file.name.startsWith("__MACOSX/") || /(^|\/)\./.test(file.name)) return false;
        count++;
        total += file.originalSize;
        if (count > UPLOAD_LIMITS.maxFiles) tooBig = `the .zip holds more than ${UPLOAD_LIMITS.maxFiles} files`;
        else if (total > maxBytes) tooBig = `the .zip unpacks to more than ${maxBytes} bytes`;
        return tooBig === null;
      },
    });
  } catch (err) {
    return `the .zip cannot be read (${(err as Error).message})`;
  }
  if (tooBig) return tooBig;
  const files = new Map<string, Buffer>();
  for (const [name, data] of Object.entries(entries)) {
    const path = cleanBundlePath(name);
    if (path) files.set(path, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
  const candidates = [...files.keys()].filter((p) => MAP_FILE.test(p) && looksLikeMap(files.get(p)!));
  let mapPath: string | undefined;
  if (mapChoice) {
    mapPath = cleanBundlePath(mapChoice) ?? undefined;
    if (!mapPath || !files.has(mapPath)) return `the .zip has no file "${mapChoice.slice(0, 80)}"`;
  } else if (candidates.length === 1) {
    mapPath = candidates[0];
  } else if (candidates.length === 0) {
    const tmx = [...files.keys()].find((p) => /\.tmx$/i.test(p));
    return tmx
      ? `the .zip holds a TMX (XML) map "${tmx}"; Deskmap reads Tiled's JSON format: in Tiled use File > Export As and choose "JSON map files (*.tmj *.json)"`
      : "the .zip holds no Tiled JSON map (.json or .tmj)";
  } else {
    return `the .zip holds several maps (${candidates.slice(0, 5).join(", ")}); choose one with ?map=<path>`;
  }
  const text = files.get(mapPath)!.toString("utf8");
  files.delete(mapPath);
  return { mapPath, mapText: text, files };
}

function looksLikeMap(bytes: Buffer): boolean {
  return /"type"\s*:\s*"map"/.test(bytes.toString("utf8"));
}
