/**
 * The building: outer walls, the room walls, door gaps, windows and the entrance.
 *
 *   rows 0–1    north outer wall (top + face, windows)
 *   rows 2–13   Stage Hall | Meeting A | Meeting B | Kitchen
 *   rows 14–15  wall with doors
 *   rows 16–18  corridor
 *   rows 19–44  Open Plan (+ Private Office) | Lobby | Library / Lounge
 *   row 45      south outer wall with the glass entrance
 */
import type { Shell } from "../layoutTypes";

export const WIDTH = 70;
export const HEIGHT = 46;

const windows: [number, number][] = [
  [2, 1], [4, 1], [21, 1], [23, 1],
  [27, 1], [35, 1],
  [39, 1], [46, 1],
  [51, 1], [53, 1], [55, 1], [57, 1], [64, 1], [66, 1],
];

export const shell: Shell = {
  width: WIDTH,
  height: HEIGHT,
  baseFloor: "corridor",
  walls: [
    { x: 0, y: 0, w: WIDTH, h: 2 },
    { x: 0, y: HEIGHT - 1, w: WIDTH, h: 1 },
    { x: 0, y: 0, w: 1, h: HEIGHT },
    { x: WIDTH - 1, y: 0, w: 1, h: HEIGHT },
    // Between the north rooms and the corridor, and between the north rooms.
    { x: 0, y: 14, w: WIDTH, h: 2 },
    { x: 25, y: 2, w: 1, h: 12 },
    { x: 37, y: 2, w: 1, h: 12 },
    { x: 48, y: 2, w: 1, h: 12 },
    // Open plan | lobby.
    { x: 31, y: 19, w: 1, h: 26 },
    // Lobby | library and lounge; library's corridor wall; library | lounge.
    { x: 46, y: 19, w: 24, h: 2 },
    { x: 46, y: 21, w: 1, h: 24 },
    { x: 46, y: 31, w: 24, h: 2 },
    // Private office in the open plan's south-west corner.
    { x: 0, y: 35, w: 12, h: 2 },
    { x: 11, y: 37, w: 1, h: 8 },
    // Two phone booths in the lobby.
    { x: 33, y: 21, w: 9, h: 2 },
    { x: 33, y: 23, w: 1, h: 3 },
    { x: 37, y: 23, w: 1, h: 3 },
    { x: 41, y: 23, w: 1, h: 3 },
    { x: 33, y: 26, w: 9, h: 2 },
  ],
  doors: [
    { x: 11, y: 14, w: 4, h: 2 }, // stage hall double doors
    { x: 30, y: 14, w: 2, h: 2 }, // meeting room A
    { x: 42, y: 14, w: 2, h: 2 }, // meeting room B
    { x: 56, y: 14, w: 3, h: 2 }, // kitchen
    { x: 56, y: 19, w: 2, h: 2 }, // library from the corridor
    { x: 46, y: 23, w: 1, h: 2 }, // library from the lobby
    { x: 46, y: 38, w: 1, h: 3 }, // lounge from the lobby
    { x: 31, y: 40, w: 1, h: 2 }, // open plan ↔ lobby
    { x: 11, y: 41, w: 1, h: 2 }, // private office
    { x: 35, y: 26, w: 1, h: 2 }, // phone booth 1
    { x: 39, y: 26, w: 1, h: 2 }, // phone booth 2
  ],
  wallTiles: [
    ...windows.map(([x, y]) => ({ x, y, tile: "wall-face-window" })),
    { x: 38, y: HEIGHT - 1, tile: "wall-door-glass" },
    { x: 39, y: HEIGHT - 1, tile: "wall-door-glass" },
  ],
};
