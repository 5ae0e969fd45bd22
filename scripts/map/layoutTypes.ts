/** The readable description the office is built from; all coordinates are in tiles unless named px. */
import type { Rect } from "./grid";

export type ZoneType = "meeting" | "stage" | "quiet" | "private";
export type Facing = "up" | "down" | "left" | "right";

export interface Room {
  name: string;
  /** Floor kind, e.g. "wood" → tiles floor-wood-<variant>. */
  floor: string;
  rect: Rect;
}

/** An object (or single tile) from the tileset index, top-left at (x, y). */
export interface Placement {
  name: string;
  x: number;
  y: number;
}

/** A named floor tile laid over a room's floor (rugs, the stage). */
export interface FloorPatch {
  tile: string;
  x: number;
  y: number;
}

export interface ZoneSpec {
  name: string;
  type: ZoneType;
  /** Either a rectangle or polygon vertices, in tiles. */
  rect?: Rect;
  polygon?: [number, number][];
  platform?: boolean;
}

export interface DeskSpec {
  id: string;
  kind: "focus" | "assignable";
  /** Seat position in px: where the seated avatar's feet go. */
  px: number;
  py: number;
  facing: Facing;
}

/** What one part of the office contributes. */
export interface Area {
  rooms?: Room[];
  patches?: FloorPatch[];
  furniture?: Placement[];
  desks?: DeskSpec[];
  zones?: ZoneSpec[];
  /** Spawn tiles; the point goes at the tile's centre x and 24 px down. */
  spawns?: [number, number][];
}

export interface Shell {
  width: number;
  height: number;
  baseFloor: string;
  walls: Rect[];
  doors: Rect[];
  /** Wall cells drawn with a specific tile (windows, the entrance). */
  wallTiles: { x: number; y: number; tile: string }[];
}
