/** Where the browser loads a map's images from. */

/** Uploaded images are served by content hash: `/api/map-assets/<sha256>.<ext>`. */
export const MAP_ASSET_PATH = "/api/map-assets/";
const ASSET_URL = /^\/api\/map-assets\/[0-9a-f]{64}\.(png|jpg|webp)$/;

export function mapAssetUrl(id: string, ext: string): string {
  return `${MAP_ASSET_PATH}${id}.${ext}`;
}

/**
 * The URL to load a map image from: an uploaded image's asset URL as it is,
 * or one of the server's own images named the way Tiled saved the shipped
 * maps (e.g. "../assets/tiles/office.png" → "/assets/tiles/office.png").
 * Null for anything else, which the server refuses at upload.
 */
export function mapImageUrl(image: string): string | null {
  if (ASSET_URL.test(image)) return image;
  const parts = image.replace(/\\/g, "/").split("/").filter((p) => p !== "" && p !== ".");
  while (parts[0] === "..") parts.shift();
  if (parts.includes("..") || parts[0] !== "assets" || parts.length < 2) return null;
  return `/${parts.map(encodeURIComponent).join("/")}`;
}
