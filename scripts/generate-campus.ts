/**
 * Builds maps/campus.json: the office (maps/office.json) repeated on a grid of
 * blocks, with doors cut through the walls between neighbouring blocks, for
 * spaces of hundreds of people (and the room load benchmark). Zones, desks
 * and spawns are copied into every block with names that stay unique.
 * `npm run map:campus -- --columns 2 --rows 4` (the default; at most 200 tiles each way).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseMap } from "../shared/map/parseMap";
import { MAP_LIMITS } from "../shared/map/mapLimits";

interface TileLayer {
  name: string;
  type: "tilelayer";
  width: number;
  height: number;
  data: number[];
}
interface TiledObject {
  id: number;
  name: string;
  x: number;
  y: number;
  properties?: Array<{ name: string; type: string; value: unknown }>;
}
interface ObjectLayer {
  name: string;
  type: "objectgroup";
  objects: TiledObject[];
}
interface TiledMap {
  width: number;
  height: number;
  tilewidth: number;
  nextobjectid: number;
  layers: Array<TileLayer | ObjectLayer>;
}

const root = join(__dirname, "..");
const { values } = parseArgs({ options: { columns: { type: "string", default: "2" }, rows: { type: "string", default: "4" } } });
const columns = Number(values.columns);
const rows = Number(values.rows);
/** Widest door cut through one stretch of shared wall. */
const DOOR = 3;

function main(): void {
  const office = JSON.parse(readFileSync(join(root, "maps", "office.json"), "utf8")) as TiledMap;
  const { width: w, height: h, tilewidth: tile } = office;
  const W = w * columns;
  const H = h * rows;
  if (W > MAP_LIMITS.maxTiles || H > MAP_LIMITS.maxTiles) throw new Error(`${W}×${H} tiles is more than ${MAP_LIMITS.maxTiles} each way`);

  const campus: TiledMap = { ...office, width: W, height: H, layers: [] };
  let nextId = 1;
  for (const layer of office.layers) {
    if (layer.type === "tilelayer") {
      const data = new Array<number>(W * H).fill(0);
      for (let by = 0; by < rows; by++)
        for (let bx = 0; bx < columns; bx++)
          for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[(by * h + y) * W + bx * w + x] = layer.data[y * w + x];
      campus.layers.push({ ...layer, width: W, height: H, data });
    } else {
      const objects: TiledObject[] = [];
      for (let by = 0; by < rows; by++)
        for (let bx = 0; bx < columns; bx++) {
          const block = by * columns + bx;
          for (const object of layer.objects) objects.push(copyObject(object, block, bx * w * tile, by * h * tile, nextId++));
        }
      campus.layers.push({ ...layer, objects });
    }
  }
  campus.nextobjectid = nextId;
  const doors = cutDoors(campus, w, h);
  const parsed = parseMap(campus);
  writeFileSync(join(root, "maps", "campus.json"), JSON.stringify(campus) + "\n");
  console.log(
    `campus: ${columns}×${rows} offices, ${W}×${H} tiles, ${doors} doors, ${parsed.spawns.length} spawns, ` +
      `${parsed.desks.length} desks, ${parsed.zones.length} zones → maps/campus.json`,
  );
}

/** Block 0 keeps the office's names; the others get a suffix (desk ids must stay unique). */
function copyObject(object: TiledObject, block: number, dx: number, dy: number, id: number): TiledObject {
  const suffix = block === 0 ? "" : ` ${block + 1}`;
  const idSuffix = block === 0 ? "" : `-b${block + 1}`;
  return {
    ...object,
    id,
    x: object.x + dx,
    y: object.y + dy,
    name: object.name && `${object.name}${object.name.startsWith("desk-") || object.name.startsWith("spawn-") ? idSuffix : suffix}`,
    properties: object.properties?.map((p) => (p.name === "id" && typeof p.value === "string" ? { ...p, value: p.value + idSuffix } : p)),
  };
}

/**
 * Where two blocks meet, their outer walls stand side by side. Cuts doors (up
 * to DOOR tiles wide, in the middle of each stretch where both sides are
 * open floor) through them; returns how many.
 */
function cutDoors(map: TiledMap, w: number, h: number): number {
  const layer = (name: string) => map.layers.find((l): l is TileLayer => l.type === "tilelayer" && l.name === name)!;
  const collision = layer("collision").data;
  const floor = layer("floor").data;
  const clearable = map.layers.filter((l): l is TileLayer => l.type === "tilelayer" && l.name !== "floor");
  const W = map.width;
  const open = (x: number, y: number) => collision[y * W + x] === 0;
  const clear = (x: number, y: number, floorFrom: number) => {
    for (const l of clearable) l.data[y * W + x] = 0;
    floor[y * W + x] = floor[floorFrom];
  };
  let doors = 0;
  // Between left and right neighbours: the left block's last column and the right one's first.
  for (let bx = 1; bx < columns; bx++) {
    const seam = bx * w;
    for (const run of openRuns(map.height, (y) => open(seam - 2, y) && open(seam + 1, y))) {
      for (const y of middle(run)) {
        clear(seam - 1, y, y * W + seam - 2);
        clear(seam, y, y * W + seam + 1);
      }
      doors++;
    }
  }
  // Between upper and lower neighbours: the upper block's last row and the lower one's first two.
  for (let by = 1; by < rows; by++) {
    const seam = by * h;
    for (const run of openRuns(W, (x) => open(x, seam - 2) && open(x, seam + 2))) {
      for (const x of middle(run)) {
        clear(x, seam - 1, (seam - 2) * W + x);
        clear(x, seam, (seam + 2) * W + x);
        clear(x, seam + 1, (seam + 2) * W + x);
      }
      doors++;
    }
  }
  return doors;
}

/** Stretches [from, to) where `isOpen` holds, at least DOOR long. */
function openRuns(length: number, isOpen: (i: number) => boolean): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const here = i < length && isOpen(i);
    if (here && start < 0) start = i;
    if (!here && start >= 0) {
      if (i - start >= DOOR) runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

function middle([from, to]: [number, number]): number[] {
  const start = from + Math.floor((to - from - DOOR) / 2);
  return Array.from({ length: DOOR }, (_, i) => start + i);
}

main();
