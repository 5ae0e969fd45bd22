/**
 * Paths inside an uploaded bundle: the map and everything it points to, with
 * forward slashes, relative to the bundle's root. Tiled saves image and
 * tileset paths relative to the file that names them.
 */

/** `relative` resolved against the folder of `fromFile`; null when it leaves the bundle or is absolute/a URL. */
export function resolveBundlePath(fromFile: string, relative: string): string | null {
  const rel = relative.replace(/\\/g, "/");
  if (/^[a-z][a-z0-9+.-]*:/i.test(rel) || rel.startsWith("/")) return null;
  const parts = fromFile.replace(/\\/g, "/").split("/").slice(0, -1);
  for (const part of rel.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.length > 0 ? parts.join("/") : null;
}

/** A bundle entry's path in canonical form (no leading "./" or "/", forward slashes). */
export function cleanBundlePath(path: string): string | null {
  return resolveBundlePath("x", path);
}

/**
 * A path written in `file` (relative to it) rewritten relative to the map, for
 * an external tileset's image: "../sets/a.tsx" naming "img/a.png" gives
 * "../sets/img/a.png". Leading ".." segments are kept.
 */
export function rebaseRelative(file: string, relative: string): string {
  const rel = relative.replace(/\\/g, "/");
  if (/^[a-z][a-z0-9+.-]*:/i.test(rel) || rel.startsWith("/")) return rel;
  const out: string[] = [];
  for (const part of [...file.replace(/\\/g, "/").split("/").slice(0, -1), ...rel.split("/")]) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
