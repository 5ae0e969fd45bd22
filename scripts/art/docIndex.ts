/**
 * Keeps the tile index table in docs/art.md in step with the tileset: the table between
 * the two markers is rewritten on every `npm run art`, so the doc cannot go stale.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { ObjectInfo, TileInfo } from "./tileset";

const START = "<!-- tile-index:start -->";
const END = "<!-- tile-index:end -->";

function table(tiles: Record<string, TileInfo>, objects: Record<string, ObjectInfo>): string {
  const lines = ["| tile | index (gid = index + 1) | layer | collides |", "| --- | --- | --- | --- |"];
  // Multi-tile objects are listed once with their index range; single tiles individually.
  const seen = new Set<string>();
  for (const [name, info] of Object.entries(tiles)) {
    const obj = name.includes("@") ? name.slice(0, name.indexOf("@")) : null;
    if (obj) {
      if (seen.has(obj)) continue;
      seen.add(obj);
      const o = objects[obj];
      const parts = o.cells.flat().filter((n): n is string => n !== null).map((n) => tiles[n]);
      const idx = parts.map((p) => p.index);
      const layers = [...new Set(parts.map((p) => p.layer))].join(" + ");
      const coll = parts.some((p) => p.collides) ? (parts.every((p) => p.collides) ? "yes" : "base only") : "no";
      lines.push(`| \`${obj}\` (${o.width}×${o.height}) | ${Math.min(...idx)}–${Math.max(...idx)} | ${layers} | ${coll} |`);
    } else {
      lines.push(`| \`${name}\` | ${info.index} | ${info.layer} | ${info.collides ? "yes" : "no"} |`);
    }
  }
  return lines.join("\n");
}

export function updateDocIndex(path: string, tiles: Record<string, TileInfo>, objects: Record<string, ObjectInfo>): void {
  if (!existsSync(path)) return;
  const text = readFileSync(path, "utf8");
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${path} lacks the ${START} … ${END} markers`);
  const next = `${text.slice(0, a + START.length)}\n${table(tiles, objects)}\n${text.slice(b)}`;
  if (next !== text) writeFileSync(path, next);
}
