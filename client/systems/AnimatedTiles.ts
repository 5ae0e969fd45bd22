import type * as Phaser from "phaser";
import type { TiledMap } from "../../shared/map/tiledTypes";
import { frameAt, type TileSource } from "../../shared/map/tileGeometry";
import { cellOrigin } from "../../shared/map/tileGeometry";
import type { DrawnLayer } from "../../shared/map/layerRoles";

interface Animated {
  image: Phaser.GameObjects.Image;
  tile: TileSource;
  shown: number;
}

/**
 * Tiles with a Tiled animation, each an image whose frame follows the
 * animation's clock (all start together, as in Tiled). The baked chunks leave
 * these cells empty, and each sits at its layer's depth, so the draw order is
 * Tiled's.
 */
export class AnimatedTiles {
  private readonly tiles: Animated[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    tiled: TiledMap,
    layer: DrawnLayer,
    depth: number,
    source: (gid: number) => TileSource | null,
    private readonly textureKey: (path: string) => string,
  ) {
    if (layer.layer.type === "tilelayer") {
      const data = layer.layer.data;
      for (let i = 0; i < data.length; i++) {
        const tile = data[i] ? source(data[i]) : null;
        if (!tile?.frames) continue;
        const at = cellOrigin(tiled, tile.tileset, i % tiled.width, Math.floor(i / tiled.width), layer.layer.offsetx, layer.layer.offsety);
        this.add(tile, data[i], at.x, at.y, tile.tileset.tilewidth, tile.tileset.tileheight, depth, layer.layer.opacity);
      }
    } else if (layer.layer.type === "objectgroup") {
      for (const obj of layer.layer.objects) {
        const tile = obj.gid !== undefined && obj.visible !== false ? source(obj.gid) : null;
        if (!tile?.frames) continue;
        const w = obj.width || tile.tileset.tilewidth;
        const h = obj.height || tile.tileset.tileheight;
        const off = tile.tileset.tileoffset ?? { x: 0, y: 0 };
        this.add(tile, obj.gid!, obj.x + layer.layer.offsetx + off.x, obj.y - h + layer.layer.offsety + off.y, w, h, depth, layer.layer.opacity);
      }
    }
  }

  get count(): number {
    return this.tiles.length;
  }

  private add(tile: TileSource, gid: number, x: number, y: number, w: number, h: number, depth: number, alpha: number): void {
    const key = this.textureKey(tile.tileset.image);
    if (!this.scene.textures.exists(key)) return;
    const first = tile.frames![0].tileid;
    const image = this.scene.add.image(x + w / 2, y + h / 2, key, this.frame(tile, first)).setDepth(depth).setAlpha(alpha);
    image.setDisplaySize(w, h);
    // Tiled's flip bits: horizontal, vertical, and the anti-diagonal as a quarter turn plus a flip.
    const fh = (gid & 0x80000000) !== 0;
    const fv = (gid & 0x40000000) !== 0;
    if ((gid & 0x20000000) !== 0) image.setRotation(Math.PI / 2).setFlip(fv, !fh);
    else image.setFlip(fh, fv);
    this.tiles.push({ image, tile, shown: first });
  }

  /** The texture frame for a tile of the tileset, added on first use. */
  private frame(tile: TileSource, local: number): string {
    const name = `tile:${tile.tileset.firstgid}:${local}`;
    const texture = this.scene.textures.get(this.textureKey(tile.tileset.image));
    if (!texture.has(name)) {
      const ts = tile.tileset;
      const col = local % ts.columns;
      const row = Math.floor(local / ts.columns);
      texture.add(name, 0, ts.margin + col * (ts.tilewidth + ts.spacing), ts.margin + row * (ts.tileheight + ts.spacing), ts.tilewidth, ts.tileheight);
    }
    return name;
  }

  update(now: number): void {
    for (const a of this.tiles) {
      const id = frameAt(a.tile.frames!, now).tileid;
      if (id === a.shown) continue;
      a.shown = id;
      a.image.setFrame(this.frame(a.tile, id), false, false);
    }
  }

  dispose(): void {
    for (const a of this.tiles) a.image.destroy();
    this.tiles.length = 0;
  }
}
