import type { TiledMap } from "../../shared/map/tiledTypes";
import type { DrawnLayer } from "../../shared/map/layerRoles";
import { TileLookup, cellOrigin, flipTransform, type TileSource } from "../../shared/map/tileGeometry";

/** The picture for a map image path, once loaded; null when it failed to load. */
export type ImageSource = (path: string) => CanvasImageSource | null;

/**
 * Paints a run of map layers into a 2D canvas region the way Tiled draws
 * them: tiles anchored at their cell's bottom-left (so tall tiles grow
 * upwards), layer offsets and tileset tileoffset applied, flips, tile
 * objects, image layers and each layer's opacity. Animated tiles are left
 * out: AnimatedTiles draws those, above the baked picture. The server's
 * preview renderer (server/maps/renderMap.ts) follows the same rules.
 */
export class MapPainter {
  private readonly lookup: TileLookup;
  /** How far, in px, a tile may be drawn outside its own cell (tall tiles, offsets). */
  private readonly reach: number;

  constructor(
    private readonly tiled: TiledMap,
    private readonly images: ImageSource,
  ) {
    this.lookup = new TileLookup(tiled);
    let reach = 0;
    for (const ts of tiled.tilesets) {
      reach = Math.max(reach, ts.tilewidth - tiled.tilewidth, ts.tileheight - tiled.tileheight, Math.abs(ts.tileoffset?.x ?? 0), Math.abs(ts.tileoffset?.y ?? 0));
    }
    this.reach = reach;
  }

  /** The tile a gid draws (for AnimatedTiles). */
  source(gid: number): TileSource | null {
    return this.lookup.source(gid);
  }

  /** Draws the layers' parts that fall in the region at world (left, top) of size px; returns how many things were drawn. */
  paint(ctx: CanvasRenderingContext2D, layers: readonly DrawnLayer[], left: number, top: number, size: number): number {
    let drawn = 0;
    for (const { layer } of layers) {
      ctx.globalAlpha = layer.opacity;
      if (layer.type === "tilelayer") drawn += this.paintTiles(ctx, layer.data, layer.offsetx, layer.offsety, left, top, size);
      else if (layer.type === "objectgroup") {
        for (const obj of layer.objects) {
          if (obj.gid === undefined || obj.visible === false) continue;
          const tile = this.lookup.source(obj.gid);
          if (!tile || tile.frames) continue;
          const ts = tile.tileset;
          const w = obj.width || ts.tilewidth;
          const h = obj.height || ts.tileheight;
          const x = obj.x + layer.offsetx + (ts.tileoffset?.x ?? 0);
          const y = obj.y - h + layer.offsety + (ts.tileoffset?.y ?? 0);
          if (x >= left + size || y >= top + size || x + w <= left || y + h <= top) continue;
          if (this.drawTile(ctx, tile, obj.gid, x - left, y - top, w, h)) drawn++;
        }
      } else {
        const img = this.images(layer.image);
        if (!img) continue;
        ctx.drawImage(img, layer.offsetx - left, layer.offsety - top);
        drawn++;
      }
    }
    ctx.globalAlpha = 1;
    return drawn;
  }

  private paintTiles(ctx: CanvasRenderingContext2D, data: readonly number[], ox: number, oy: number, left: number, top: number, size: number): number {
    const { tilewidth: tw, tileheight: th, width, height } = this.tiled;
    const pad = this.reach + Math.max(Math.abs(ox), Math.abs(oy));
    const tx0 = Math.max(0, Math.floor((left - ox - pad) / tw));
    const ty0 = Math.max(0, Math.floor((top - oy - pad) / th));
    const tx1 = Math.min(width - 1, Math.ceil((left + size - ox + pad) / tw));
    const ty1 = Math.min(height - 1, Math.ceil((top + size - oy + pad) / th));
    let drawn = 0;
    for (let ty = ty0; ty <= ty1; ty++) {
      for (let tx = tx0; tx <= tx1; tx++) {
        const gid = data[ty * width + tx];
        if (gid === 0) continue;
        const tile = this.lookup.source(gid);
        if (!tile || tile.frames) continue;
        const ts = tile.tileset;
        const at = cellOrigin(this.tiled, ts, tx, ty, ox, oy);
        if (this.drawTile(ctx, tile, gid, at.x - left, at.y - top, ts.tilewidth, ts.tileheight)) drawn++;
      }
    }
    return drawn;
  }

  private drawTile(ctx: CanvasRenderingContext2D, tile: TileSource, gid: number, x: number, y: number, w: number, h: number): boolean {
    const img = this.images(tile.tileset.image);
    if (!img) return false;
    const { tilewidth: sw, tileheight: sh } = tile.tileset;
    const flip = flipTransform(gid, w, h);
    if (!flip) {
      ctx.drawImage(img, tile.sx, tile.sy, sw, sh, x, y, w, h);
      return true;
    }
    ctx.save();
    ctx.translate(x, y);
    ctx.transform(...flip);
    ctx.drawImage(img, tile.sx, tile.sy, sw, sh, 0, 0, w, h);
    ctx.restore();
    return true;
  }
}
