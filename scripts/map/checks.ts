/**
 * Sanity checks run on every generation: everything walkable is reachable from the spawns,
 * and every spawn and seat leaves the avatar's foot box clear. Failures throw.
 */
import type { Grid } from "./grid";
import type { DeskSpec } from "./layoutTypes";

const T = 32;
const FOOT_HALF_W = 10;
const FOOT_H = 10;

function footBoxClear(collision: Grid, px: number, py: number): boolean {
  const x0 = Math.floor((px - FOOT_HALF_W) / T);
  const x1 = Math.floor((px + FOOT_HALF_W - 1) / T);
  const y0 = Math.floor((py - FOOT_H) / T);
  const y1 = Math.floor((py - 1) / T);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (!collision.inside(x, y) || collision.get(x, y)) return false;
  return true;
}

export function checkPoints(collision: Grid, spawns: { x: number; y: number }[], desks: DeskSpec[]): void {
  const bad: string[] = [];
  for (const s of spawns) if (!footBoxClear(collision, s.x, s.y)) bad.push(`spawn ${s.x},${s.y}`);
  for (const d of desks) if (!footBoxClear(collision, d.px, d.py)) bad.push(`desk ${d.id} seat ${d.px},${d.py}`);
  const ids = new Set<string>();
  for (const d of desks) {
    if (ids.has(d.id)) bad.push(`duplicate desk id ${d.id}`);
    ids.add(d.id);
  }
  if (bad.length) throw new Error(`blocked or invalid points:\n  ${bad.join("\n  ")}`);
}

/** Flood fill over 4-neighbours from the spawn tiles; returns nothing or throws listing stranded cells. */
export function checkReachable(collision: Grid, spawns: { x: number; y: number }[]): number {
  const { width, height } = collision;
  const seen = new Uint8Array(width * height);
  const queue: number[] = [];
  for (const s of spawns) {
    const i = Math.floor((s.y - 1) / T) * width + Math.floor(s.x / T);
    if (!seen[i]) {
      seen[i] = 1;
      queue.push(i);
    }
  }
  while (queue.length) {
    const i = queue.pop()!;
    const x = i % width;
    const y = (i - x) / width;
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const nx = x + dx;
      const ny = y + dy;
      if (!collision.inside(nx, ny) || collision.get(nx, ny)) continue;
      const j = ny * width + nx;
      if (!seen[j]) {
        seen[j] = 1;
        queue.push(j);
      }
    }
  }
  const stranded: string[] = [];
  let reached = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (collision.get(x, y)) continue;
      if (seen[y * width + x]) reached++;
      else stranded.push(`${x},${y}`);
    }
  }
  if (stranded.length) throw new Error(`${stranded.length} walkable tiles cannot be reached from the spawns: ${stranded.slice(0, 40).join(" ")}`);
  return reached;
}
