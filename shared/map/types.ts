/**
 * The validated, engine-neutral model of an office map, produced by `parseMap`
 * from Tiled JSON and used alike by the server (collision, zones, desks) and
 * the client (rendering reads the raw Tiled layers; rules read this model).
 */

export type ZoneType = "meeting" | "stage" | "quiet" | "private";
export type DeskKind = "focus" | "assignable";
export type Direction = "up" | "down" | "left" | "right";

export interface Point {
  x: number;
  y: number;
}

/** A map zone; `polygon` holds absolute pixel vertices (a rectangle becomes 4). */
export interface Zone {
  id: number;
  name: string;
  type: ZoneType;
  polygon: Point[];
  /** Axis-aligned bounds of `polygon`, for cheap rejection before the exact test. */
  bounds: { x: number; y: number; width: number; height: number };
  /** For a `stage` zone object marked `platform: true`: the speaking platform. */
  platform: boolean;
}

export interface Desk {
  id: string;
  kind: DeskKind;
  /** Seat position in pixels (where a seated avatar's feet go). */
  x: number;
  y: number;
  /** The direction a seated avatar faces (towards the desk). */
  facing: Direction;
}

export interface OfficeMap {
  /** Size in tiles. */
  width: number;
  height: number;
  /** Tile size in pixels (square). */
  tileSize: number;
  /** 1 where an avatar may not stand (walls, furniture); row-major, width × height. */
  collision: Uint8Array;
  /** 1 where sound and sight do not pass (walls only, not furniture); row-major. */
  walls: Uint8Array;
  spawns: Point[];
  zones: Zone[];
  desks: Desk[];
}
