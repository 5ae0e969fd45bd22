/**
 * Builds the five tile layers from the layout: floor, walls, furniture, furniture-above
 * and collision. Catches layout mistakes (overlaps, furniture inside walls) with clear errors.
 */
import { eachCell, Grid } from "./grid";
import type { OfficeLayout } from "./layout";
import type { TileIndex, TileLayer } from "./tileIndex";
import { paintWalls } from "./walls";

export interface Layers {
  floor: Grid;
  walls: Grid;
  furniture: Grid;
  above: Grid;
  collision: Grid;
  /** 1 where walls are (before furniture), for checks. */
  wallMask: Grid;
}

export function buildLayers(layout: OfficeLayout, tiles: TileIndex): Layers {
  const { width, height } = layout.shell;
  const g = () => new Grid(width, height);
  const layers: Layers = { floor: g(), walls: g(), furniture: g(), above: g(), collision: g(), wallMask: g() };

  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) layers.floor.set(x, y, tiles.floorGid(layout.shell.baseFloor, x, y));
  for (const room of layout.rooms) eachCell(room.rect, (x, y) => layers.floor.set(x, y, tiles.floorGid(room.floor, x, y)));
  for (const p of layout.patches) {
    if (tiles.tile(p.tile).layer !== "floor") throw new Error(`floor patch "${p.tile}" at ${p.x},${p.y} is not a floor tile`);
    layers.floor.set(p.x, p.y, tiles.gid(p.tile));
  }

  for (const r of layout.shell.walls) eachCell(r, (x, y) => layers.wallMask.set(x, y, 1));
  for (const r of layout.shell.doors) eachCell(r, (x, y) => layers.wallMask.set(x, y, 0));
  // Doorways get a threshold strip: across the lower row of a gap in a horizontal wall, along one in a vertical wall.
  for (const d of layout.shell.doors) {
    const inHorizontalWall = layers.wallMask.get(d.x - 1, d.y) === 1 && layers.wallMask.get(d.x + d.w, d.y) === 1;
    eachCell(d, (x, y) => {
      const tile = !inHorizontalWall ? "threshold-v" : y === d.y + d.h - 1 ? "threshold-h" : null;
      layers.floor.set(x, y, tile ? tiles.gid(tile) : tiles.floorGid("corridor", x, y));
    });
  }
  const special = new Map(layout.shell.wallTiles.map((w) => [`${w.x},${w.y}`, w.tile]));
  paintWalls(layers.walls, (x, y) => layers.wallMask.get(x, y) === 1, tiles, (x, y) => special.get(`${x},${y}`));

  // Floors right below a wall get the shaded variant, which makes the walls stand up.
  for (let y = 1; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (layers.wallMask.get(x, y) || !layers.wallMask.get(x, y - 1)) continue;
      const m = /^floor-(\w+)-\d+$/.exec(tiles.nameByGid(layers.floor.get(x, y)) ?? "");
      if (m) layers.floor.set(x, y, tiles.gid(`floor-${m[1]}-shadow`));
    }
  }

  const target: Partial<Record<TileLayer, Grid>> = { furniture: layers.furniture, above: layers.above, floor: layers.floor };
  for (const p of layout.furniture) {
    const cells = tiles.raw.objects[p.name]?.cells ?? [[p.name]];
    cells.forEach((line, dy) =>
      line.forEach((name, dx) => {
        if (!name) return;
        const x = p.x + dx;
        const y = p.y + dy;
        const info = tiles.tile(name);
        const grid = target[info.layer];
        if (!grid) throw new Error(`"${p.name}" uses tile "${name}" meant for the ${info.layer} layer`);
        if (!grid.inside(x, y)) throw new Error(`"${p.name}" at ${p.x},${p.y} runs off the map`);
        if (info.layer !== "floor" && grid.get(x, y) !== 0) throw new Error(`"${p.name}" at ${p.x},${p.y} overlaps something at ${x},${y}`);
        if (info.collides && layers.wallMask.get(x, y)) throw new Error(`"${p.name}" at ${p.x},${p.y} puts a solid part inside a wall at ${x},${y}`);
        grid.set(x, y, tiles.gid(name));
      }),
    );
  }

  const blocker = tiles.gid("collision");
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const blocked = [layers.walls, layers.furniture, layers.above].some((l) => tiles.infoByGid(l.get(x, y))?.collides);
      if (blocked) layers.collision.set(x, y, blocker);
    }
  }
  return layers;
}
