import * as Phaser from "phaser";
import type { TiledMap } from "../../shared/map/tiledTypes";
import { layerDepth } from "./depths";
import { TileChunks } from "./TileChunks";

/**
 * The map's pictures: its visible tile layers in draw order. With the 2D
 * canvas renderer (no GPU) the layers below the avatars and those above them
 * are baked into chunk images (TileChunks), which draw several times faster
 * there; WebGL draws the tile layers as they are. `?tilechunks=off` turns
 * baking off by hand, for comparison.
 */

/** Layers that hold data for the rules, not pictures. */
const HIDDEN_LAYERS = new Set(["collision"]);

export function tilesetTextureKey(name: string): string {
  return `tileset:${name}`;
}

/** Whether to bake tiles into chunks: the canvas renderer, unless the page asks otherwise. */
export function wantsTileChunks(rendererType: number, search: string): boolean {
  if (new URLSearchParams(search).get("tilechunks") === "off") return false;
  return rendererType === Phaser.CANVAS;
}

export class MapLayers {
  private readonly bands: TileChunks[] = [];

  constructor(scene: Phaser.Scene, mapKey: string, tiled: TiledMap, bakeChunks: boolean) {
    const tilemap = scene.make.tilemap({ key: mapKey });
    const tilesets = tiled.tilesets
      .map((ts) => tilemap.addTilesetImage(ts.name ?? ts.image, tilesetTextureKey(ts.name ?? ts.image)))
      .filter((ts): ts is Phaser.Tilemaps.Tileset => ts !== null);
    const layers: Phaser.Tilemaps.TilemapLayer[] = [];
    for (const layer of tiled.layers) {
      if (layer.type !== "tilelayer" || HIDDEN_LAYERS.has(layer.name) || layer.visible === false) continue;
      const created = tilemap.createLayer(layer.name, tilesets, 0, 0);
      created?.setDepth(layerDepth(layer.name));
      // createLayer makes a TilemapGPULayer only when asked to; those are not baked.
      if (created instanceof Phaser.Tilemaps.TilemapLayer) layers.push(created);
    }
    if (!bakeChunks) return;
    // Same order as the display list would draw them: by depth, ties in map order.
    const ordered = [...layers].sort((a, b) => a.depth - b.depth);
    const below = ordered.filter((l) => l.depth < 0);
    const above = ordered.filter((l) => l.depth >= 0);
    const width = tilemap.widthInPixels;
    const height = tilemap.heightInPixels;
    // Each band draws at its topmost layer's depth, so whatever sat above that layer still does.
    if (below.length) this.bands.push(new TileChunks(scene, "below", below, below[below.length - 1].depth, width, height));
    if (above.length) this.bands.push(new TileChunks(scene, "above", above, above[above.length - 1].depth, width, height));
    for (const layer of layers) layer.setVisible(false);
  }

  /** Bakes the chunks the camera is about to show (no-op without baking). */
  update(view: Phaser.Geom.Rectangle): void {
    for (const band of this.bands) band.update(view);
  }

  /** Baked chunks per band, e.g. { below: 6, above: 2 } (empty without baking). */
  bakedCounts(): Record<string, number> {
    return Object.fromEntries(this.bands.map((band) => [band.name, band.bakedCount]));
  }

  dispose(): void {
    for (const band of this.bands) band.dispose();
    this.bands.length = 0;
  }
}
