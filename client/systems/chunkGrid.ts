/**
 * The map cut into square chunks of `chunkPx` world pixels: which chunks a
 * view needs, and which baked chunks may go when there are too many. Kept
 * apart from Phaser so the bookkeeping is tested on its own.
 */

export interface ChunkRange {
  /** First and last chunk column and row, inclusive; empty when x1 < x0 or y1 < y0. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Chunks touching `view` grown by `marginPx` on every side, clamped to a grid
 * of cols × rows; written into `out` when given (the render loop reuses one).
 */
export function chunkRange(
  view: Rect,
  marginPx: number,
  chunkPx: number,
  cols: number,
  rows: number,
  out: ChunkRange = { x0: 0, y0: 0, x1: -1, y1: -1 },
): ChunkRange {
  out.x0 = Math.max(0, Math.floor((view.x - marginPx) / chunkPx));
  out.y0 = Math.max(0, Math.floor((view.y - marginPx) / chunkPx));
  // A view edge exactly on a chunk boundary does not need the next chunk.
  out.x1 = Math.min(cols - 1, Math.ceil((view.x + view.width + marginPx) / chunkPx) - 1);
  out.y1 = Math.min(rows - 1, Math.ceil((view.y + view.height + marginPx) / chunkPx) - 1);
  return out;
}

export function copyRange(from: ChunkRange, to: ChunkRange): ChunkRange {
  to.x0 = from.x0;
  to.y0 = from.y0;
  to.x1 = from.x1;
  to.y1 = from.y1;
  return to;
}

export function rangeContains(range: ChunkRange, cx: number, cy: number): boolean {
  return cx >= range.x0 && cx <= range.x1 && cy >= range.y0 && cy <= range.y1;
}

export function sameRange(a: ChunkRange | null, b: ChunkRange): boolean {
  return a !== null && a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;
}

export interface BakedChunk {
  cx: number;
  cy: number;
  /** When the chunk was last inside the wanted range (any increasing counter). */
  lastWanted: number;
}

/**
 * Which baked chunks to drop so that at most `budget` stay: never one inside
 * `wanted`, otherwise the longest unwanted first.
 */
export function chunksToEvict<T extends BakedChunk>(baked: Iterable<T>, wanted: ChunkRange, budget: number): T[] {
  const all = [...baked];
  if (all.length <= budget) return [];
  const spare = all.filter((c) => !rangeContains(wanted, c.cx, c.cy)).sort((a, b) => a.lastWanted - b.lastWanted);
  return spare.slice(0, all.length - budget);
}
