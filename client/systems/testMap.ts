import type { OfficeMap } from "../../shared/map/types";

/** A small walled room for unit tests: `width`×`height` tiles with a solid border. */
export function walledRoom(width = 10, height = 8, tileSize = 32): OfficeMap {
  const collision = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) collision[y * width + x] = 1;
    }
  }
  return {
    width,
    height,
    tileSize,
    collision,
    walls: collision.slice(),
    spawns: [{ x: 64, y: 64 }],
    zones: [],
    desks: [],
  };
}
