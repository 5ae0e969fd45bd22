import { standingSpotNear } from "./standingSpot";
import { footBlocked } from "../rules/movement";
import type { OfficeMap } from "./types";
import { parseMap } from "./parseMap";
import { readFileSync } from "node:fs";
import path from "node:path";

const map: OfficeMap = parseMap(JSON.parse(readFileSync(path.join(__dirname, "../../maps/office.json"), "utf8")));
const size = map.tileSize;

/** A free floor tile centre of the real office (feet three quarters down), with free tiles around it. */
function openFloor() {
  for (let ty = 2; ty < map.height - 2; ty++) {
    for (let tx = 2; tx < map.width - 2; tx++) {
      const free = [-1, 0, 1].every((dy) => [-1, 0, 1].every((dx) => !footBlocked(map, (tx + dx) * size + size / 2, (ty + dy) * size + (size * 3) / 4)));
      if (free) return { x: tx * size + size / 2, y: ty * size + (size * 3) / 4 };
    }
  }
  throw new Error("no open floor");
}

describe("standingSpotNear", () => {
  const target = openFloor();

  it("picks a walkable spot a tile away from the person, not on them", () => {
    const spot = standingSpotNear(map, target, [])!;
    expect(spot).not.toBeNull();
    expect(Math.hypot(spot.x - target.x, spot.y - target.y)).toBe(size);
    // Above or below: side by side, one tile apart, the name tags would overlap.
    expect(spot.x).toBe(target.x);
    expect(footBlocked(map, spot.x, spot.y)).toBe(false);
  });

  it("leaves spots others already stand on, so arrivals do not stack", () => {
    const first = standingSpotNear(map, target, [])!;
    const second = standingSpotNear(map, target, [first])!;
    const third = standingSpotNear(map, target, [first, second])!;
    for (const [a, b] of [[first, second], [first, third], [second, third]]) {
      expect(Math.abs(a.x - b.x) >= size || Math.abs(a.y - b.y) >= size).toBe(true);
    }
  });

  it("prefers the side the walker comes from", () => {
    const fromAbove = standingSpotNear(map, target, [], { x: target.x, y: target.y - 10 * size })!;
    const fromBelow = standingSpotNear(map, target, [], { x: target.x, y: target.y + 10 * size })!;
    expect(fromAbove.y).toBeLessThan(target.y);
    expect(fromBelow.y).toBeGreaterThan(target.y);
  });
});
