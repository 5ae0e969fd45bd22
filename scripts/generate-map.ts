/**
 * Builds maps/office.json (Tiled 1.10 JSON) from the layout in scripts/map/layout and the
 * tileset index written by `npm run art`. Fails loudly if anything walkable is unreachable.
 * `npm run map -- --preview /tmp/office.png [scale]` also renders a picture of the result.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { AVATAR_IDS, FACINGS } from "../shared/avatars";
import { buildLayers } from "./map/build";
import { checkPoints, checkReachable } from "./map/checks";
import { office } from "./map/layout";
import { renderPreview } from "./map/renderPreview";
import { TileIndex } from "./map/tileIndex";
import { spawnPoints, toTiledMap } from "./map/tiled";

const root = join(__dirname, "..");

function main(): void {
  const tiles = TileIndex.load(join(root, "assets", "tiles", "office-tiles.json"));
  const layers = buildLayers(office, tiles);
  const spawns = spawnPoints(office);
  checkPoints(layers.collision, spawns, office.desks);
  const reached = checkReachable(layers.collision, spawns);
  const map = toTiledMap(office, layers, tiles, "../assets/tiles/office.png");
  writeFileSync(join(root, "maps", "office.json"), JSON.stringify(map) + "\n");
  console.log(
    `office: ${office.shell.width}x${office.shell.height} tiles, ${reached} walkable, ${spawns.length} spawns, ` +
      `${office.desks.length} desks, ${office.zones.length} zones`,
  );

  const at = process.argv.indexOf("--preview");
  if (at >= 0) {
    const out = process.argv[at + 1] ?? "/tmp/office-preview.png";
    const scale = Number(process.argv[at + 2] ?? "0.5");
    const avatar = (i: number) => join(root, "assets", "avatars", `${AVATAR_IDS[i % AVATAR_IDS.length]}.png`);
    const actors = [
      ...spawns.slice(0, 8).map((p, i) => ({ sheet: avatar(i), ...p, row: i % 4 })),
      ...office.desks.filter((_, i) => i % 3 === 0).map((d, i) => ({ sheet: avatar(i + 3), x: d.px, y: d.py, row: FACINGS.indexOf(d.facing) })),
    ];
    renderPreview(layers, tiles, join(root, "assets", "tiles", "office.png"), actors, scale, out);
    console.log(`preview: ${out}`);
  }
}

main();
