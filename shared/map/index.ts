/** The office map model: parse and validate Tiled JSON, then query tiles, zones and routes. */
export type { OfficeMap, Zone, ZoneType, Desk, DeskKind, Direction, Point } from "./types";
export type { TiledMap } from "./tiledTypes";
export { MapError } from "./MapError";
export { parseMap } from "./parseMap";
export { TILE_SIZE, MAP_LIMITS } from "./mapLimits";
export { isBlocked, isWall, inMap, tileOf, tileCentre, tileFeet } from "./grid";
export { pointInZone, zonesAt, zoneAt, zoneArea } from "./zones";
export { findPath, PATH_DEFAULTS, type FindPathOptions } from "./findPath";
export { hasLineOfSight } from "./lineOfSight";
