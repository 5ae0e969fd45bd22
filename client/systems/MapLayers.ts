import * as Phaser from "phaser";
import type { TiledMap } from "../../shared/map/tiledTypes";
import { drawnLayers, type DrawnLayer } from "../../shared/map/layerRoles";
import { mapLayerDepth } from "./depths";
import { TileChunks } from "./TileChunks";
import { MapPainter } from "./mapPainter";
import { AnimatedTiles } from "./AnimatedTiles";

/**
 * The map's pictures, drawn as Tiled draws them (client/systems/mapPainter.ts)
 * and kept in Tiled's layer order: runs of layers are baked into chunk images
 * near the camera (TileChunks), a run ending at the avatars' plane or after a
 * layer with animated tiles, whose animations play as images just above it.
 * Chunks are what keep the 2D canvas renderer (no GPU) fast, and cost WebGL
 * nothing. `?tilechunks=off` draws with Phaser's own tilemap layers instead,
 * for comparison (that path knows no tile objects, tileoffset or animations).
 */

export function mapImageKey(path: string): string {
  return `map-image:${path}`;
}

/** Every image a map draws (tilesets and image layers), each once. */
export function mapImages(tiled: TiledMap): string[] {
  return [...new Set([...tiled.tilesets.map((t) => t.image), ...tiled.layers.flatMap((l) => (l.type === "imagelayer" ? [l.image] : []))])];
}

/** Whether to bake the map into chunks: yes, unless the page asks for Phaser's tilemap (`?tilechunks=off`). */
export function wantsTileChunks(_rendererType: number, search: string): boolean {
  return new URLSearchParams(search).get("tilechunks") !== "off";
}

export class MapLayers {
  private readonly bands: TileChunks[] = [];
  private readonly animated: AnimatedTiles[] = [];

  constructor(scene: Phaser.Scene, mapKey: string, tiled: TiledMap, bakeChunks: boolean) {
    const drawn = drawnLayers(tiled);
    if (!bakeChunks) {
      this.phaserLayers(scene, mapKey, tiled, drawn);
      return;
    }
    const image = (path: string) => {
      const key = mapImageKey(path);
      return scene.textures.exists(key) ? (scene.textures.get(key).getSourceImage() as CanvasImageSource) : null;
    };
    const painter = new MapPainter(tiled, image);
    const width = tiled.width * tiled.tilewidth;
    const height = tiled.height * tiled.tileheight;
    let run: DrawnLayer[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const layers = run;
      const last = layers[layers.length - 1];
      const name = `${last.above ? "above" : "below"}${this.bands.length}`;
      this.bands.push(new TileChunks(scene, name, (ctx, left, top, size) => painter.paint(ctx, layers, left, top, size), mapLayerDepth(last.index, last.above), width, height));
      run = [];
    };
    for (const layer of drawn) {
      if (run.length > 0 && run[0].above !== layer.above) flush();
      run.push(layer);
      const anim = new AnimatedTiles(scene, tiled, layer, mapLayerDepth(layer.index, layer.above) + 0.5, (gid) => painter.source(gid), mapImageKey);
      if (anim.count > 0) {
        this.animated.push(anim);
        flush();
      }
    }
    flush();
  }

  /** Phaser's tilemap layers, for `?tilechunks=off`. */
  private phaserLayers(scene: Phaser.Scene, mapKey: string, tiled: TiledMap, drawn: DrawnLayer[]): void {
    const tilemap = scene.make.tilemap({ key: mapKey });
    const tilesets = tiled.tilesets
      .map((ts) => tilemap.addTilesetImage(ts.name, mapImageKey(ts.image)))
      .filter((ts): ts is Phaser.Tilemaps.Tileset => ts !== null);
    for (const { index, layer, above } of drawn) {
      if (layer.type !== "tilelayer") continue;
      const phaserIndex = tilemap.layers.findIndex((l) => l.name === layer.name);
      const created = tilemap.createLayer(phaserIndex >= 0 ? phaserIndex : layer.name, tilesets, layer.offsetx, layer.offsety);
      created?.setDepth(mapLayerDepth(index, above)).setAlpha(layer.opacity);
    }
  }

  /** Bakes the chunks the camera is about to show and moves animations on. */
  update(view: Phaser.Geom.Rectangle, now = performance.now()): void {
    for (const band of this.bands) band.update(view);
    for (const anim of this.animated) anim.update(now);
  }

  /** Baked chunks per band below and above the avatars, e.g. { below: 6, above: 2 } (empty without baking). */
  bakedCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const band of this.bands) {
      const key = band.name.startsWith("above") ? "above" : "below";
      counts[key] = (counts[key] ?? 0) + band.bakedCount;
    }
    return counts;
  }

  dispose(): void {
    for (const band of this.bands) band.dispose();
    for (const anim of this.animated) anim.dispose();
    this.bands.length = 0;
    this.animated.length = 0;
  }
}
