import { hasLineOfSight, type WallGrid } from "./lineOfSight";

const T = 32;

/** A grid from rows of "." (open) and "#" (wall). */
function grid(rows: string[]): WallGrid {
  const height = rows.length;
  const width = rows[0]!.length;
  const walls = new Uint8Array(width * height);
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) walls[y * width + x] = row[x] === "#" ? 1 : 0;
  });
  return { width, height, tileSize: T, walls };
}

/** Centre of tile (tx, ty) in pixels. */
const c = (t: number) => t * T + T / 2;

describe("hasLineOfSight", () => {
  const open = grid(["......", "......", "......", "......", "......"]);

  it("sees along open rows, columns and diagonals", () => {
    expect(hasLineOfSight(open, c(0), c(2), c(5), c(2))).toBe(true);
    expect(hasLineOfSight(open, c(3), c(0), c(3), c(4))).toBe(true);
    expect(hasLineOfSight(open, c(0), c(0), c(4), c(4))).toBe(true);
    expect(hasLineOfSight(open, c(5), c(4), c(0), c(1))).toBe(true);
  });

  it("sees within the same tile, and from a point to itself", () => {
    expect(hasLineOfSight(open, 40, 40, 60, 50)).toBe(true);
    expect(hasLineOfSight(open, 40, 40, 40, 40)).toBe(true);
  });

  it("is blocked by a wall tile on a straight line, in both directions", () => {
    const m = grid(["......", "...#..", "......"]);
    expect(hasLineOfSight(m, c(0), c(1), c(5), c(1))).toBe(false);
    expect(hasLineOfSight(m, c(5), c(1), c(0), c(1))).toBe(false);
    // The rows above and below are clear.
    expect(hasLineOfSight(m, c(0), c(0), c(5), c(0))).toBe(true);
    expect(hasLineOfSight(m, c(0), c(2), c(5), c(2))).toBe(true);
  });

  it("is blocked by a wall on a shallow diagonal and not by a wall beside it", () => {
    const m = grid(["......", "..#...", "......", "......"]);
    // From tile (0,0) to (5,3): the line passes through tile (2,1).
    expect(hasLineOfSight(m, c(0), c(0), c(5), c(3))).toBe(false);
    // From tile (0,2) to (5,3): passes under the wall.
    expect(hasLineOfSight(m, c(0), c(2), c(5), c(3))).toBe(true);
  });

  it("blocks a diagonal that passes exactly through a wall's corner", () => {
    // Points on the 45° line through the corner (32, 32): (16,16) → (48,48).
    const oneSide = grid([".#", ".."]);
    expect(hasLineOfSight(oneSide, 16, 16, 48, 48)).toBe(false);
    const otherSide = grid(["..", "#."]);
    expect(hasLineOfSight(otherSide, 16, 16, 48, 48)).toBe(false);
    const none = grid(["..", ".."]);
    expect(hasLineOfSight(none, 16, 16, 48, 48)).toBe(true);
    // Two walls touching only at a corner form a closed diagonal wall.
    const checker = grid([".#", "#."]);
    expect(hasLineOfSight(checker, 16, 16, 48, 48)).toBe(false);
    expect(hasLineOfSight(checker, 48, 48, 16, 16)).toBe(false);
  });

  it("passes a line just beside a wall corner but not one through it", () => {
    const m = grid(["..#", "...", "..."]);
    // The wall (2,0) has its bottom-left corner at (64, 32).
    expect(hasLineOfSight(m, c(0), c(2), c(2), c(1))).toBe(true);
    // Up-left exactly through that corner, from tile (2,1) to tile (1,0): grazes the wall.
    expect(hasLineOfSight(m, 80, 48, 48, 16)).toBe(false);
    // The same direction one pixel lower passes under the corner.
    expect(hasLineOfSight(m, 80, 49, 48, 17)).toBe(true);
  });

  it("passes through a doorway (a gap in a wall)", () => {
    const m = grid(["......", "##.###", "......"]);
    expect(hasLineOfSight(m, c(2), c(0), c(2), c(2))).toBe(true);
    expect(hasLineOfSight(m, c(0), c(0), c(0), c(2))).toBe(false);
    // A steep line through the door's width.
    expect(hasLineOfSight(m, 70, c(0), 90, c(2))).toBe(true);
  });

  it("is blocked when either end stands in a wall or off the map", () => {
    const m = grid(["#.."]);
    expect(hasLineOfSight(m, c(0), c(0), c(2), c(0))).toBe(false);
    expect(hasLineOfSight(m, c(2), c(0), c(0), c(0))).toBe(false);
    expect(hasLineOfSight(m, c(1), c(0), c(4), c(0))).toBe(false);
    expect(hasLineOfSight(m, c(1), c(0), c(1), -5)).toBe(false);
  });

  it("does not walk past an end point that lies exactly on a tile corner", () => {
    // End at (32, 32), the corner of tiles (0,0),(1,0),(0,1),(1,1); approach from the right.
    // Tile (0,1) is a wall but the segment never enters it.
    const m = grid(["...", "#..", "..."]);
    expect(hasLineOfSight(m, 72, 16, 32, 32)).toBe(true);
  });

  it("agrees with dense sampling along random segments", () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const rows: string[] = [];
    for (let y = 0; y < 12; y++) {
      let row = "";
      for (let x = 0; x < 12; x++) row += rand() < 0.15 ? "#" : ".";
      rows.push(row);
    }
    const m = grid(rows);
    let blocked = 0;
    for (let k = 0; k < 300; k++) {
      const ax = rand() * 12 * T;
      const ay = rand() * 12 * T;
      const bx = rand() * 12 * T;
      const by = rand() * 12 * T;
      const got = hasLineOfSight(m, ax, ay, bx, by);
      // Sampling can miss a tile the segment only clips, so it may see where the exact walk does not,
      // but it must never find a wall where the exact walk sees.
      let sampled = true;
      for (let s = 0; s <= 1500; s++) {
        const t = s / 1500;
        const tx = Math.floor((ax + (bx - ax) * t) / T);
        const ty = Math.floor((ay + (by - ay) * t) / T);
        if (m.walls[ty * 12 + tx]) sampled = false;
      }
      if (got) expect(sampled).toBe(true);
      if (!got) blocked++;
    }
    expect(blocked).toBeGreaterThan(40);
  });

  it("rejects non-finite coordinates with a clear error", () => {
    expect(() => hasLineOfSight(open, NaN, 0, 1, 1)).toThrow(/finite/);
    expect(() => hasLineOfSight(open, 0, 0, Infinity, 1)).toThrow(/finite/);
  });
});
