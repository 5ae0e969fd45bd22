/**
 * Draws Deskmap's tileset and avatar sheets from code (no imported art) and writes
 * assets/tiles/office.png, assets/tiles/office-tiles.json and assets/avatars/<id>.png.
 * Deterministic: the same code always produces the same bytes. Run with `npm run art`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AVATAR_IDS } from "../shared/avatars";
import { TilesetBuilder, COLUMNS, TILE } from "./art/tileset";
import { addFloors, FLOOR_VARIANTS } from "./art/tiles/floors";
import { addEntrance, addWalls } from "./art/tiles/walls";
import { addFurniture } from "./art/tiles/furniture";
import { addSeating } from "./art/tiles/seating";
import { addKitchen } from "./art/tiles/kitchen";
import { addDecor } from "./art/tiles/decor";
import { addStage } from "./art/tiles/stage";
import { LOOKS } from "./art/avatars/looks";
import { avatarSheet } from "./art/avatars/sheet";
import { updateDocIndex } from "./art/docIndex";

const root = join(__dirname, "..");
const tilesDir = join(root, "assets", "tiles");
const avatarsDir = join(root, "assets", "avatars");

function main(): void {
  const b = new TilesetBuilder();
  addFloors(b);
  addWalls(b);
  addEntrance(b);
  addFurniture(b);
  addSeating(b);
  addKitchen(b);
  addDecor(b);
  addStage(b);
  const sheet = b.sheet();
  sheet.writePng(join(tilesDir, "office.png"));
  const index = {
    image: "office.png",
    tileWidth: TILE,
    tileHeight: TILE,
    columns: COLUMNS,
    tileCount: b.count,
    imageWidth: sheet.width,
    imageHeight: sheet.height,
    floorVariants: FLOOR_VARIANTS,
    tiles: b.tiles,
    objects: b.objects,
  };
  mkdirSync(tilesDir, { recursive: true });
  writeFileSync(join(tilesDir, "office-tiles.json"), JSON.stringify(index, null, 2) + "\n");
  updateDocIndex(join(root, "docs", "art.md"), b.tiles, b.objects);
  for (const id of AVATAR_IDS) avatarSheet(LOOKS[id]).writePng(join(avatarsDir, `${id}.png`));
  console.log(`tileset: ${b.count} tiles (${sheet.width}x${sheet.height}); avatars: ${AVATAR_IDS.length}`);
}

main();
