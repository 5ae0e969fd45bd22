/** Small builders so the layout reads as "a pod of desks here", "a rug there". */
import type { Rect } from "./grid";
import type { Area, DeskSpec, Facing, FloorPatch, Placement } from "./layoutTypes";

const T = 32;

/** Where a seated avatar's feet go for a chair in tile (x, y); `between` = centred on x+1's left edge. */
export function seat(x: number, y: number, between = false): { px: number; py: number } {
  return { px: between ? (x + 1) * T : x * T + T / 2, py: y * T + 24 };
}

/**
 * Four desks back to back, 4×4 tiles from (x, y): chairs, desks facing north, desks facing
 * south, chairs. Ids are `${prefix}1..4` (north pair left→right, then south pair).
 */
export function deskPod(x: number, y: number, prefix: string): Area {
  const furniture: Placement[] = [
    { name: "deskchair-down", x, y },
    { name: "deskchair-down", x: x + 2, y },
    { name: "desk-n", x, y: y + 1 },
    { name: "desk-n2", x: x + 2, y: y + 1 },
    { name: "desk-s", x, y: y + 2 },
    { name: "desk-s2", x: x + 2, y: y + 2 },
    { name: "deskchair-up", x, y: y + 3 },
    { name: "deskchair-up", x: x + 2, y: y + 3 },
  ];
  const desks: DeskSpec[] = [
    { id: `${prefix}1`, kind: "assignable", ...seat(x, y, true), facing: "down" },
    { id: `${prefix}2`, kind: "assignable", ...seat(x + 2, y, true), facing: "down" },
    { id: `${prefix}3`, kind: "assignable", ...seat(x, y + 3, true), facing: "up" },
    { id: `${prefix}4`, kind: "assignable", ...seat(x + 2, y + 3, true), facing: "up" },
  ];
  return { furniture, desks };
}

/** A single desk with its chair south of it, the sitter facing up. */
export function soloDesk(x: number, y: number, id: string, kind: DeskSpec["kind"], desk = "desk-focus"): Area {
  return {
    furniture: [
      { name: desk, x, y },
      { name: "deskchair-up", x, y: y + 1 },
    ],
    desks: [{ id, kind, ...seat(x, y + 1, true), facing: "up" }],
  };
}

/** A 9-slice rug over `r` (at least 2×2). */
export function rug(style: string, r: Rect): FloorPatch[] {
  const out: FloorPatch[] = [];
  for (let y = r.y; y < r.y + r.h; y++) {
    for (let x = r.x; x < r.x + r.w; x++) {
      const v = y === r.y ? "n" : y === r.y + r.h - 1 ? "s" : "";
      const h = x === r.x ? "w" : x === r.x + r.w - 1 ? "e" : "";
      out.push({ tile: `rug-${style}-${v + h || "c"}`, x, y });
    }
  }
  return out;
}

/** The raised platform: top boards over `r` minus its last row, which is the front riser with steps. */
export function platform(r: Rect, stepXs: number[]): FloorPatch[] {
  const out: FloorPatch[] = [];
  const last = r.y + r.h - 1;
  for (let y = r.y; y <= last; y++) {
    for (let x = r.x; x < r.x + r.w; x++) {
      const edge = x === r.x ? "-w" : x === r.x + r.w - 1 ? "-e" : "";
      let tile: string;
      if (y === last) tile = stepXs.includes(x) ? "stage-steps" : `stage-front${edge}`;
      else tile = edge ? `stage-top${edge}` : `stage-top-${(x + y) % 2}`;
      out.push({ tile, x, y });
    }
  }
  return out;
}

/** The same single-tile item along a row. */
export function row(name: string, xs: number[], y: number): Placement[] {
  return xs.map((x) => ({ name, x, y }));
}

export function range(from: number, to: number, step = 1): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i += step) out.push(i);
  return out;
}

/** Chairs around a table: `facing` is the sitter's direction. */
export function chairs(name: string, cells: [number, number][], facing: Facing): Placement[] {
  return cells.map(([x, y]) => ({ name: `${name}-${facing}`, x, y }));
}

export function merge(...areas: Area[]): Required<Area> {
  const out: Required<Area> = { rooms: [], patches: [], furniture: [], desks: [], zones: [], spawns: [] };
  for (const a of areas) {
    out.rooms.push(...(a.rooms ?? []));
    out.patches.push(...(a.patches ?? []));
    out.furniture.push(...(a.furniture ?? []));
    out.desks.push(...(a.desks ?? []));
    out.zones.push(...(a.zones ?? []));
    out.spawns.push(...(a.spawns ?? []));
  }
  return out;
}
