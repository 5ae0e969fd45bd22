import { ensureInt32 } from "./growable";

const FORWARD_X = Int32Array.of(0, 1, -1, 0, 1);
const FORWARD_Y = Int32Array.of(0, 0, 1, 1, 1);

/**
 * A uniform grid over the plane, hashed into a table about twice the number of
 * points and filled by counting sort: building is O(n) with no per-cell objects,
 * and any two points within `cellSize` of each other lie in neighbouring cells.
 * Hash collisions only add candidates; each candidate is checked against its
 * exact cell, so every pair is reported once.
 */
export class SpatialHash {
  private cellX = new Int32Array(0);
  private cellY = new Int32Array(0);
  private bucketOf = new Int32Array(0);
  /** bucketStart[b]..bucketStart[b+1] index `sorted`. */
  private bucketStart = new Int32Array(0);
  private sorted = new Int32Array(0);
  private cursor = new Int32Array(0);
  private mask = 0;
  private count = 0;

  /** Index points 0..count-1 at (xs[i], ys[i]) into cells of `cellSize` pixels. */
  build(xs: Float64Array, ys: Float64Array, count: number, cellSize: number): void {
    if (!(cellSize > 0)) throw new RangeError(`SpatialHash: cellSize must be positive, got ${cellSize}`);
    this.count = count;
    let tableSize = 16;
    while (tableSize < count * 2) tableSize *= 2;
    this.mask = tableSize - 1;
    this.cellX = ensureInt32(this.cellX, count);
    this.cellY = ensureInt32(this.cellY, count);
    this.bucketOf = ensureInt32(this.bucketOf, count);
    this.sorted = ensureInt32(this.sorted, count);
    this.bucketStart = ensureInt32(this.bucketStart, tableSize + 1);
    const start = this.bucketStart;
    start.fill(0, 0, tableSize + 1);
    for (let i = 0; i < count; i++) {
      const cx = Math.floor(xs[i] / cellSize);
      const cy = Math.floor(ys[i] / cellSize);
      this.cellX[i] = cx;
      this.cellY[i] = cy;
      const b = this.bucket(cx, cy);
      this.bucketOf[i] = b;
      start[b + 1]++;
    }
    for (let b = 0; b < tableSize; b++) start[b + 1] += start[b];
    this.cursor = ensureInt32(this.cursor, tableSize);
    const cursor = this.cursor;
    cursor.set(start.subarray(0, tableSize));
    for (let i = 0; i < count; i++) this.sorted[cursor[this.bucketOf[i]]++] = i;
  }

  /**
   * Call `visit(i, j)` once for every unordered pair of points in the same or
   * neighbouring cells. The caller checks the real distance.
   */
  forEachNearbyPair(visit: (i: number, j: number) => void): void {
    const { cellX, cellY, sorted, bucketStart } = this;
    for (let i = 0; i < this.count; i++) {
      const cx = cellX[i];
      const cy = cellY[i];
      // Own cell: later points only. Then the four "forward" neighbours (E, SW, S, SE):
      // each pair of neighbouring cells is visited from exactly one side.
      for (let n = 0; n < 5; n++) {
        const nx = cx + FORWARD_X[n];
        const ny = cy + FORWARD_Y[n];
        const b = this.bucket(nx, ny);
        for (let k = bucketStart[b], end = bucketStart[b + 1]; k < end; k++) {
          const j = sorted[k];
          if (cellX[j] === nx && cellY[j] === ny && (n > 0 || j > i)) visit(i, j);
        }
      }
    }
  }

  private bucket(cx: number, cy: number): number {
    return (Math.imul(cx, 0x9e3779b1) ^ Math.imul(cy, 0x85ebca77)) & this.mask;
  }
}
