import { computed, signal } from "@preact/signals";
import { applyEdits, type MapEdits } from "../../../shared/map/mapEdits";
import { importMap } from "../../../shared/map/parseMap";
import type { TiledMap } from "../../../shared/map/tiledTypes";
import type { OfficeMap, Point } from "../../../shared/map/types";
import { change, redo as redoIn, start, undo as undoIn, type History } from "./history";
import { moveObject, objectsOf, removeObject, type ObjectKind, type Selection } from "./editOps";
import { describePlace, placeAt, startOf, step, type Step } from "./walkPreview";

/**
 * The editor's one state: the map being edited, the edits with their undo
 * history, what is selected, the drawing tool, and what the last save made.
 * Every panel renders from these signals and changes them only through the
 * functions here.
 */

export type Tool = "select" | "zone" | "desk" | "spawn" | "block" | "unblock" | "walk";

export interface Loaded {
  slug: string;
  baseVersion: number;
  baseName: string;
  tiled: TiledMap;
}

export const loaded = signal<Loaded | null>(null);
export const history = signal<History<MapEdits>>(start({ zones: [], desks: [], spawns: [] }));
export const edits = computed(() => history.value.present);
export const selection = signal<Selection | null>(null);
export const tool = signal<Tool>("select");
/** The version the last save stored (to activate), or null. */
export const saved = signal<{ version: number; active: boolean } | null>(null);
/** Problems the server named for the last save. */
export const problems = signal<string[]>([]);

/** "Try walking": where the walker stands (feet, map px) and what they would experience there. */
export const walker = signal<Point | null>(null);
export const walkNote = signal("");
/**
 * The map as the edits make it, read as the room would read it (collision, zones, desks); null
 * while the edits do not make a valid map (a desk on a wall), which the walk note then says.
 */
const previewMap = computed<OfficeMap | null>(() => {
  const l = loaded.value;
  if (!l) return null;
  try {
    return importMap(applyEdits(l.tiled, history.value.present)).map;
  } catch {
    return null;
  }
});

export const canUndo = computed(() => history.value.past.length > 0);
export const canRedo = computed(() => history.value.future.length > 0);
export const dirty = computed(() => history.value.past.length > 0 && saved.value === null);

export function load(l: Loaded, initial: MapEdits): void {
  loaded.value = l;
  history.value = start(initial);
  selection.value = null;
  saved.value = null;
  problems.value = [];
}

/** Applies one change (one undo step) and, when given, selects what it made. */
export function apply(next: MapEdits, select?: Selection | null): void {
  history.value = change(history.value, next);
  if (select !== undefined) selection.value = select;
  saved.value = null;
  keepSelectionValid();
}

/** Replaces the present without a new undo step: the moves of one drag after its first. */
export function amend(next: MapEdits): void {
  history.value = { ...history.value, present: next };
}

export function undo(): void {
  history.value = undoIn(history.value);
  saved.value = null;
  keepSelectionValid();
}
export function redo(): void {
  history.value = redoIn(history.value);
  saved.value = null;
  keepSelectionValid();
}

/** Picks a tool; "walk" puts the walker on the first spawn of the edited map. */
export function chooseTool(next: Tool): void {
  tool.value = next;
  if (next !== "walk") {
    walker.value = null;
    walkNote.value = "";
    return;
  }
  const map = previewMap.value;
  const start = map ? startOf(map) : null;
  if (!map || !start) {
    walkNote.value = map ? "Nowhere to stand on this map" : "The edits do not make a valid map yet: save to see the problems";
    return;
  }
  walker.value = start;
  walkNote.value = `At the spawn. ${describePlace(map, start)}`;
  selection.value = null;
}

/** One step of the walker (arrow keys). */
export function walk(dx: number, dy: number): void {
  const map = previewMap.value;
  const at = walker.value;
  if (map && at) show(map, step(map, at, dx, dy));
}

/** The walker jumps to a clicked tile, when one may stand there. */
export function walkTo(point: Point): void {
  const map = previewMap.value;
  if (map && walker.value) show(map, placeAt(map, point));
}

function show(map: OfficeMap, moved: Step): void {
  walker.value = moved.at;
  walkNote.value = moved.blocked ? `Stopped by ${moved.blocked}. ${describePlace(map, moved.at)}` : describePlace(map, moved.at);
}

export function select(kind: ObjectKind, index: number): void {
  selection.value = { kind, index };
}

export function moveSelected(dx: number, dy: number): void {
  const sel = selection.value;
  if (sel) apply(moveObject(edits.value, sel, dx, dy));
}

export function removeSelected(): void {
  const sel = selection.value;
  if (sel) apply(removeObject(edits.value, sel), null);
}

function keepSelectionValid(): void {
  const sel = selection.value;
  if (sel && sel.index >= objectsOf(edits.value, sel.kind).length) selection.value = null;
}

/** Ends a drag that amended the present: the whole drag becomes one undo step back to `before`. */
export function commitDrag(before: MapEdits): void {
  const after = history.value.present;
  if (after === before) return;
  history.value = change({ ...history.value, present: before }, after);
  saved.value = null;
}
