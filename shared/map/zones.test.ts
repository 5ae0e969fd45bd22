import { pointInZone, zoneAt, zonesAt, zoneArea } from "./zones";
import { parseMap } from "./parseMap";
import { buildTestMap } from "./testMap";

const map = parseMap(
  buildTestMap({
    width: 20,
    height: 12,
    zones: [
      { name: "Wing", type: "quiet", x: 0, y: 0, width: 320, height: 320 },
      { name: "Room", type: "meeting", x: 64, y: 64, width: 128, height: 96 },
      // An L shape (concave): the notch at the top right is outside.
      { name: "L", type: "private", polygon: [{ x: 384, y: 0 }, { x: 448, y: 0 }, { x: 448, y: 64 }, { x: 576, y: 64 }, { x: 576, y: 128 }, { x: 384, y: 128 }] },
      { name: "Tri", type: "stage", platform: true, polygon: [{ x: 400, y: 200 }, { x: 600, y: 200 }, { x: 400, y: 380 }] },
    ],
  }),
);
const [wing, room, ell, tri] = map.zones;

test("rectangles: inside, edges half-open, outside", () => {
  expect(pointInZone(room, 100, 100)).toBe(true);
  expect(pointInZone(room, 64, 64)).toBe(true);
  expect(pointInZone(room, 192, 100)).toBe(false);
  expect(pointInZone(room, 100, 160)).toBe(false);
  expect(pointInZone(room, 63.9, 100)).toBe(false);
});

test("concave polygon: the notch is outside though inside the bounds", () => {
  expect(pointInZone(ell, 400, 20)).toBe(true);
  expect(pointInZone(ell, 560, 100)).toBe(true);
  expect(pointInZone(ell, 500, 30)).toBe(false);
  expect(500 >= ell.bounds.x && 30 >= ell.bounds.y).toBe(true);
  expect(pointInZone(ell, 600, 100)).toBe(false);
});

test("triangle: either side of the hypotenuse", () => {
  expect(pointInZone(tri, 450, 250)).toBe(true);
  expect(pointInZone(tri, 560, 340)).toBe(false);
  expect(tri.platform).toBe(true);
});

test("zonesAt lists all containing zones; zoneAt picks the innermost", () => {
  expect(zonesAt(map, 100, 100).map((z) => z.name)).toEqual(["Wing", "Room"]);
  expect(zoneAt(map, 100, 100)).toBe(room);
  expect(zoneAt(map, 10, 10)).toBe(wing);
  expect(zoneAt(map, 630, 370)).toBeUndefined();
  expect(zonesAt(map, 630, 370)).toEqual([]);
  expect(zoneArea(room)).toBe(128 * 96);
  expect(zoneArea(tri)).toBe((200 * 180) / 2);
});
