import { inMap, isBlocked, tileFeet, tileOf } from "../../../shared/map/grid";
import { zoneAt } from "../../../shared/map/zones";
import type { OfficeMap, Point, ZoneType } from "../../../shared/map/types";

/**
 * "Try walking" in the editor: a person stepping tile by tile over the map as
 * the edits would make it (importMap of the edited Tiled JSON, so the same
 * collision and zones the room would use), saying where they are. Pure, so
 * the rules are tested without a page.
 */

const KIND: Record<ZoneType, string> = {
  meeting: "a meeting room: everyone inside talks together",
  stage: "a stage: speakers reach the audience",
  quiet: "a quiet zone: no calls",
  private: "a private office: people inside may lock it",
};

/** Where the walker starts: the first spawn, else the first free tile. */
export function startOf(map: OfficeMap): Point | null {
  if (map.spawns.length > 0) return map.spawns[0];
  for (let ty = 0; ty < map.height; ty++) {
    for (let tx = 0; tx < map.width; tx++) if (!isBlocked(map, tx, ty)) return tileFeet(map, tx, ty);
  }
  return null;
}

export interface Step {
  at: Point;
  /** Why the walker did not move, or null when it did. */
  blocked: string | null;
}

/** One tile towards (dx, dy) from `at`, unless that tile is a wall, furniture, painted blocked or off the map. */
export function step(map: OfficeMap, at: Point, dx: number, dy: number): Step {
  const { tx, ty } = tileOf(map, at);
  const nx = tx + Math.sign(dx);
  const ny = ty + Math.sign(dy);
  if (!inMap(map, nx, ny)) return { at, blocked: "the edge of the map" };
  if (isBlocked(map, nx, ny)) return { at, blocked: "a blocked tile" };
  return { at: tileFeet(map, nx, ny), blocked: null };
}

/** Puts the walker on the tile under `point` when one may stand there. */
export function placeAt(map: OfficeMap, point: Point): Step {
  const { tx, ty } = tileOf(map, point);
  if (isBlocked(map, tx, ty)) return { at: point, blocked: "a blocked tile" };
  return { at: tileFeet(map, tx, ty), blocked: null };
}

/** What a person standing at `at` would experience, in a sentence. */
export function describePlace(map: OfficeMap, at: Point): string {
  const zone = zoneAt(map, at.x, at.y);
  const desk = map.desks.find((d) => tileOf(map, d.x) === tileOf(map, at.x) && tileOf(map, d.y) === tileOf(map, at.y));
  const where = zone ? `In “${zone.name}”, ${KIND[zone.type]}` : "On the open floor: people talk when they stand close";
  return desk ? `${where}; at ${desk.kind === "focus" ? "a focus desk" : "an assignable desk"}` : where;
}
