import type { EditDesk, EditZone, MapEdits } from "../../../shared/map/mapEdits";

/**
 * The editor's changes as pure functions from one MapEdits to the next, so
 * undo is keeping the previous value and every change is testable without a page.
 */

export type ObjectKind = "zone" | "desk" | "spawn";
export interface Selection {
  kind: ObjectKind;
  index: number;
}

const LIST = { zone: "zones", desk: "desks", spawn: "spawns" } as const;

export function objectsOf(edits: MapEdits, kind: ObjectKind): ReadonlyArray<{ x: number; y: number }> {
  return edits[LIST[kind]];
}

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((v, i) => (i === index ? value : v));
}

export function addZone(edits: MapEdits, zone: EditZone): MapEdits {
  return { ...edits, zones: [...edits.zones, zone] };
}
export function addDesk(edits: MapEdits, desk: EditDesk): MapEdits {
  return { ...edits, desks: [...edits.desks, desk] };
}
export function addSpawn(edits: MapEdits, x: number, y: number): MapEdits {
  return { ...edits, spawns: [...edits.spawns, { x, y }] };
}

export function removeObject(edits: MapEdits, sel: Selection): MapEdits {
  const key = LIST[sel.kind];
  return { ...edits, [key]: (edits[key] as unknown[]).filter((_, i) => i !== sel.index) };
}

/** Moves an object by (dx, dy) px, keeping desks and spawns on whole pixels. */
export function moveObject(edits: MapEdits, sel: Selection, dx: number, dy: number): MapEdits {
  const key = LIST[sel.kind];
  const list = edits[key] as Array<{ x: number; y: number }>;
  const o = list[sel.index];
  if (!o) return edits;
  return { ...edits, [key]: replaceAt(list, sel.index, { ...o, x: Math.round(o.x + dx), y: Math.round(o.y + dy) }) };
}

/** Changes fields of a zone or desk (name, kind, size, …). */
export function updateZone(edits: MapEdits, index: number, patch: Partial<EditZone>): MapEdits {
  const z = edits.zones[index];
  if (!z) return edits;
  const next = { ...z, ...patch };
  if (next.kind !== "stage") delete next.platform;
  return { ...edits, zones: replaceAt(edits.zones, index, next) };
}
export function updateDesk(edits: MapEdits, index: number, patch: Partial<EditDesk>): MapEdits {
  const d = edits.desks[index];
  return d ? { ...edits, desks: replaceAt(edits.desks, index, { ...d, ...patch }) } : edits;
}

/**
 * A rectangle from two corners in px, snapped outwards to whole tiles and
 * clipped to the map, or null when it is empty.
 */
export function tileRect(a: { x: number; y: number }, b: { x: number; y: number }, tile: number, mapW: number, mapH: number) {
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) / tile) * tile);
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) / tile) * tile);
  const x1 = Math.min(mapW, Math.ceil(Math.max(a.x, b.x) / tile) * tile);
  const y1 = Math.min(mapH, Math.ceil(Math.max(a.y, b.y) / tile) * tile);
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Where feet stand on the tile under a point: its centre, three quarters down (as the map generator places them). */
export function feetOnTile(p: { x: number; y: number }, tile: number) {
  return { x: Math.floor(p.x / tile) * tile + tile / 2, y: Math.floor(p.y / tile) * tile + (tile * 3) / 4 };
}

/** A desk id not yet used: desk-1, desk-2, … */
export function freshDeskId(edits: MapEdits): string {
  const used = new Set(edits.desks.map((d) => d.id));
  let n = edits.desks.length + 1;
  while (used.has(`desk-${n}`)) n++;
  return `desk-${n}`;
}

/** The painted collision cells with `cells` added (block) or taken out (unblock), sorted. */
export function paintCells(edits: MapEdits, cells: Iterable<number>, block: boolean): MapEdits {
  const painted = new Set(edits.painted ?? []);
  for (const c of cells) block ? painted.add(c) : painted.delete(c);
  return { ...edits, painted: [...painted].sort((a, b) => a - b) };
}
