import { readFileSync } from "node:fs";
import path from "node:path";
import { parseMap } from "../shared/map/parseMap";
import type { OfficeMap, Zone } from "../shared/map/types";
import { pointInZone } from "../shared/map/zones";
import { footBlocked } from "../shared/rules/movement";
import { ROOT } from "./browser";

/**
 * The office map with its spawn points moved, for the media server suites and
 * bench/media.ts: everyone who joins a space with such a map appears where
 * the suite needs them (in a meeting room, on a stage's platform).
 */

type Tiled = { layers: Array<{ name: string; objects?: Array<{ x: number; y: number }> }> };
export type Spot = { x: number; y: number };

/** Free standing spots inside a zone, a tile apart, away from its edges. */
export function spotsIn(office: OfficeMap, zone: Zone, except: Zone[] = []): Spot[] {
  const spots: Spot[] = [];
  for (let y = zone.bounds.y + 48; y < zone.bounds.y + zone.bounds.height - 16; y += 32) {
    for (let x = zone.bounds.x + 48; x < zone.bounds.x + zone.bounds.width - 16; x += 32) {
      if (pointInZone(zone, x, y) && !except.some((z) => pointInZone(z, x, y)) && !footBlocked(office, x, y)) spots.push({ x, y });
    }
  }
  return spots;
}

/** The office map with its spawn points moved: the i-th person to join appears at `spawnAt(i)`. */
export function officeWithSpawns(spawnAt: (office: OfficeMap, i: number) => Spot): { tiled: Record<string, unknown>; map: OfficeMap } {
  const tiled = JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8")) as Tiled;
  const office = parseMap(tiled);
  const spawns = tiled.layers.find((l) => l.name === "spawns")!.objects!;
  spawns.forEach((s, i) => Object.assign(s, spawnAt(office, i)));
  return { tiled: tiled as unknown as Record<string, unknown>, map: parseMap(tiled) };
}
