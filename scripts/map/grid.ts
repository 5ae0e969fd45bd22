/** A width × height array of gids (0 = empty), row-major like Tiled's `data`. */
export class Grid {
  readonly data: number[];

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Array<number>(width * height).fill(0);
  }

  inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height;
  }

  get(x: number, y: number): number {
    return this.inside(x, y) ? this.data[y * this.width + x] : 0;
  }

  set(x: number, y: number, v: number): void {
    if (!this.inside(x, y)) throw new Error(`cell ${x},${y} is outside the ${this.width}x${this.height} map`);
    this.data[y * this.width + x] = v;
  }
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function eachCell(r: Rect, fn: (x: number, y: number) => void): void {
  for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) fn(x, y);
}
