import type * as Phaser from "phaser";
import { chunkRange, chunksToEvict, copyRange, rangeContains, sameRange, type ChunkRange, type Rect } from "./chunkGrid";

/** Paints a band's picture for the square region at world (left, top), `size` px across; returns how many things it drew. */
export type ChunkPaint = (ctx: CanvasRenderingContext2D, left: number, top: number, size: number) => number;

/**
 * A band of map layers (say floor, walls and furniture) baked into square
 * images, drawn as a handful of images per frame instead of a few hundred
 * tiles. The 2D canvas renderer pays per draw call, so on a machine without a
 * GPU this is most of the map's cost (docs/benchmarks.md, "Client frame
 * times"). Chunks are baked when the camera nears them and dropped, least
 * recently wanted first, beyond a budget, so a large map costs memory only
 * where people look.
 */

/** 16 tiles of 32 px: about 1 MB of pixels per chunk. */
export const CHUNK_PX = 512;
/** Bake a little beyond the view so walking rarely waits for a chunk. */
const MARGIN_PX = 128;
/** Chunks kept per band (about 1 MB each); more only while a huge view needs them. */
const MIN_BUDGET = 24;
/** Chunks the camera does not show yet are baked a few per frame, to spread the work. */
const MARGIN_BAKES_PER_FRAME = 2;

interface Chunk {
  cx: number;
  cy: number;
  key: string;
  image: Phaser.GameObjects.Image;
  lastWanted: number;
}

export class TileChunks {
  private readonly chunks = new Map<string, Chunk>();
  /** Chunks with no tile of this band: nothing to bake or draw. */
  private readonly empty = new Set<string>();
  private readonly cols: number;
  private readonly rows: number;
  /** The wanted range last frame (null before the first); the two below are reused every frame. */
  private range: ChunkRange | null = null;
  private readonly wanted: ChunkRange = { x0: 0, y0: 0, x1: -1, y1: -1 };
  private readonly visible: ChunkRange = { x0: 0, y0: 0, x1: -1, y1: -1 };
  private frame = 0;
  private pending = false;

  constructor(
    private readonly scene: Phaser.Scene,
    readonly name: string,
    private readonly paint: ChunkPaint,
    private readonly depth: number,
    widthPx: number,
    heightPx: number,
  ) {
    this.cols = Math.ceil(widthPx / CHUNK_PX);
    this.rows = Math.ceil(heightPx / CHUNK_PX);
  }

  /** Bakes what the camera shows (at once) and its margin (a few per frame); drops the surplus. */
  update(view: Rect): void {
    this.frame++;
    const range = chunkRange(view, MARGIN_PX, CHUNK_PX, this.cols, this.rows, this.wanted);
    if (sameRange(this.range, range) && !this.pending) return;
    this.range = copyRange(range, this.range ?? { x0: 0, y0: 0, x1: -1, y1: -1 });
    const visible = chunkRange(view, 0, CHUNK_PX, this.cols, this.rows, this.visible);
    let marginBakes = 0;
    this.pending = false;
    for (let cy = range.y0; cy <= range.y1; cy++) {
      for (let cx = range.x0; cx <= range.x1; cx++) {
        const key = this.keyOf(cx, cy);
        const chunk = this.chunks.get(key);
        if (chunk) {
          chunk.lastWanted = this.frame;
          continue;
        }
        if (this.empty.has(key)) continue;
        if (!rangeContains(visible, cx, cy) && marginBakes >= MARGIN_BAKES_PER_FRAME) {
          this.pending = true;
          continue;
        }
        if (!rangeContains(visible, cx, cy)) marginBakes++;
        this.bake(cx, cy, key);
      }
    }
    const budget = Math.max(MIN_BUDGET, (range.x1 - range.x0 + 1) * (range.y1 - range.y0 + 1));
    for (const chunk of chunksToEvict(this.chunks.values(), range, budget)) this.drop(chunk);
  }

  /** How many chunks are baked now (for tests and the debug hook). */
  get bakedCount(): number {
    return this.chunks.size;
  }

  dispose(): void {
    for (const chunk of [...this.chunks.values()]) this.drop(chunk);
    this.empty.clear();
  }

  private keyOf(cx: number, cy: number): string {
    return `tile-chunk:${this.name}:${cx},${cy}`;
  }

  private bake(cx: number, cy: number, key: string): void {
    const texture = this.scene.textures.createCanvas(key, CHUNK_PX, CHUNK_PX);
    if (!texture) return;
    const ctx = texture.context;
    ctx.imageSmoothingEnabled = false;
    const drawn = this.paint(ctx, cx * CHUNK_PX, cy * CHUNK_PX, CHUNK_PX);
    if (drawn === 0) {
      this.scene.textures.remove(key);
      this.empty.add(key);
      return;
    }
    texture.refresh();
    const image = this.scene.add.image(cx * CHUNK_PX, cy * CHUNK_PX, key).setOrigin(0, 0).setDepth(this.depth);
    this.chunks.set(key, { cx, cy, key, image, lastWanted: this.frame });
  }

  private drop(chunk: Chunk): void {
    chunk.image.destroy();
    this.scene.textures.remove(chunk.key);
    this.chunks.delete(chunk.key);
  }
}
