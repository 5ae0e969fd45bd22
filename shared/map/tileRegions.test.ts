import { maskOutline } from "./tileRegions";
import { signedArea } from "./polygon";
import { pointInZone } from "./zones";
import type { Zone } from "./types";
import { boundsOf } from "./polygon";

function zoneOf(rows: string[]): Zone {
  const width = rows[0].length;
  const mask = new Uint8Array(rows.flatMap((r) => [...r].map((c) => (c === "#" ? 1 : 0))));
  const polygon = maskOutline(mask, width, rows.length, 32)!;
  return { id: 1, name: "z", type: "meeting", platform: false, polygon, bounds: boundsOf(polygon) };
}

const inside = (z: Zone, tx: number, ty: number) => pointInZone(z, tx * 32 + 16, ty * 32 + 16);

describe("maskOutline", () => {
  test("a ring of tiles leaves its hole outside, and two patches make one zone", () => {
    const z = zoneOf(["###...", "#.#..#", "###..."]);
    expect(Math.abs(signedArea(z.polygon))).toBe(9 * 32 * 32);
    expect(inside(z, 0, 0)).toBe(true);
    expect(inside(z, 1, 1)).toBe(false);
    expect(inside(z, 5, 1)).toBe(true);
    expect(inside(z, 4, 1)).toBe(false);
    for (let tx = 0; tx < 6; tx++) for (let ty = 0; ty < 3; ty++) expect(inside(z, tx, ty)).toBe(["###...", "#.#..#", "###..."][ty][tx] === "#");
  });

  test("a rectangle becomes its 4 corners; an empty mask has no outline", () => {
    expect(zoneOf(["##", "##"]).polygon).toHaveLength(4);
    expect(maskOutline(new Uint8Array(4), 2, 2, 32)).toBeNull();
  });

  test("tiles touching only at a corner", () => {
    const z = zoneOf(["#.", ".#"]);
    expect([inside(z, 0, 0), inside(z, 1, 1), inside(z, 1, 0), inside(z, 0, 1)]).toEqual([true, true, false, false]);
  });
});
