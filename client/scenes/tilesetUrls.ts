/**
 * Tiled stores tileset images relative to the map file (e.g.
 * "../assets/tiles/office.png"); the server serves assets from /assets/.
 * Returns the URL to load, or null for anything outside /assets.
 */
export function tilesetImageUrl(image: string): string | null {
  const parts = image.replace(/\\/g, "/").split("/").filter((p) => p !== "" && p !== ".");
  while (parts[0] === "..") parts.shift();
  if (parts.includes("..") || parts[0] !== "assets" || parts.length < 2) return null;
  return `/${parts.map(encodeURIComponent).join("/")}`;
}
