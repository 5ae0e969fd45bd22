/**
 * A tiny RGBA raster we draw pixel art into, then encode with pngjs.
 * Everything is integer pixels and straight alpha so output is byte-for-byte reproducible.
 */
import { PNG } from "pngjs";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Color } from "./palette";

export class Canvas {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 4);
  }

  inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height;
  }

  get(x: number, y: number): Color {
    const i = (y * this.width + x) * 4;
    return [this.data[i], this.data[i + 1], this.data[i + 2], this.data[i + 3]];
  }

  /** Source-over blend so translucent shadows and glass compose onto what is already drawn. */
  set(x: number, y: number, c: Color): void {
    x = Math.floor(x);
    y = Math.floor(y);
    if (!this.inside(x, y) || c[3] === 0) return;
    const i = (y * this.width + x) * 4;
    const d = this.data;
    if (c[3] === 255 || d[i + 3] === 0) {
      d[i] = c[0];
      d[i + 1] = c[1];
      d[i + 2] = c[2];
      d[i + 3] = c[3];
      return;
    }
    const a = c[3] / 255;
    const b = d[i + 3] / 255;
    const out = a + b * (1 - a);
    for (let k = 0; k < 3; k++) {
      d[i + k] = Math.round((c[k] * a + d[i + k] * b * (1 - a)) / out);
    }
    d[i + 3] = Math.round(out * 255);
  }

  /** Overwrite without blending (used to punch transparent holes). */
  put(x: number, y: number, c: Color): void {
    if (!this.inside(x, y)) return;
    const i = (y * this.width + x) * 4;
    this.data.set(c, i);
  }

  rect(x: number, y: number, w: number, h: number, c: Color): void {
    for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) this.set(i, j, c);
  }

  hline(x: number, y: number, w: number, c: Color): void {
    this.rect(x, y, w, 1, c);
  }

  vline(x: number, y: number, h: number, c: Color): void {
    this.rect(x, y, 1, h, c);
  }

  strokeRect(x: number, y: number, w: number, h: number, c: Color): void {
    this.hline(x, y, w, c);
    this.hline(x, y + h - 1, w, c);
    this.vline(x, y, h, c);
    this.vline(x + w - 1, y, h, c);
  }

  /** Copy a region of another canvas here, blending. */
  blit(src: Canvas, dx: number, dy: number, sx = 0, sy = 0, w = src.width, h = src.height, mirror = false): void {
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        const px = src.get(sx + (mirror ? w - 1 - i : i), sy + j);
        this.set(dx + i, dy + j, px);
      }
    }
  }

  /** Copy exactly, alpha included (for slicing sheets). */
  copyFrom(src: Canvas, dx: number, dy: number, sx: number, sy: number, w: number, h: number): void {
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) this.put(dx + i, dy + j, src.get(sx + i, sy + j));
  }

  writePng(path: string): void {
    const png = new PNG({ width: this.width, height: this.height });
    png.data = Buffer.from(this.data);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, PNG.sync.write(png, { colorType: 6 }));
  }
}
