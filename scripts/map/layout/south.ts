/** The south band: open plan with a private office, the lobby with reception, the library and the lounge. */
import { chairs, deskPod, merge, rug, soloDesk } from "../helpers";
import type { Area } from "../layoutTypes";

const pods = [
  deskPod(4, 21, "desk-a"),
  deskPod(12, 21, "desk-b"),
  deskPod(20, 21, "desk-c"),
  deskPod(4, 28, "desk-d"),
  deskPod(12, 28, "desk-e"),
  deskPod(20, 28, "desk-f"),
];

const openPlan: Area = {
  rooms: [{ name: "Open Plan", floor: "wood", rect: { x: 1, y: 19, w: 30, h: 26 } }],
  furniture: [
    { name: "plant-tall", x: 1, y: 20 },
    { name: "plant-palm", x: 9, y: 26 },
    { name: "plant-bush", x: 17, y: 26 },
    { name: "plant-tall", x: 25, y: 26 },
    { name: "printer", x: 28, y: 20 },
    { name: "bookshelf-low", x: 28, y: 23 },
    { name: "bookshelf-low", x: 28, y: 30 },
    { name: "plant-small", x: 30, y: 20 },
    { name: "plant-tall", x: 30, y: 33 },
    { name: "lamp", x: 27, y: 33 },
    // A breakout corner south of the desks.
    { name: "sofa-teal-down", x: 16, y: 37 },
    { name: "coffee-table-3", x: 16, y: 39 },
    { name: "armchair-mustard-right", x: 14, y: 39 },
    { name: "armchair-mustard-left", x: 20, y: 39 },
    { name: "beanbag-coral", x: 24, y: 40 },
    { name: "beanbag-navy", x: 26, y: 41 },
    { name: "plant-bush", x: 13, y: 43 },
    { name: "plant-palm", x: 22, y: 43 },
    { name: "plant-tall", x: 30, y: 43 },
    { name: "plant-small", x: 1, y: 34 },
  ],
  patches: rug("coral", { x: 14, y: 36, w: 9, h: 6 }),
};

const privateOffice: Area = {
  rooms: [{ name: "Private Office", floor: "carpetBlue", rect: { x: 1, y: 37, w: 10, h: 8 } }],
  furniture: [
    ...soloDesk(4, 39, "office-1", "assignable", "desk-s").furniture!,
    { name: "bookshelf", x: 1, y: 36 },
    { name: "bookshelf-b", x: 7, y: 36 },
    { name: "plant-tall", x: 10, y: 36 },
    { name: "sofa-plum-right", x: 1, y: 41 },
    { name: "coffee-table", x: 3, y: 42 },
    { name: "plant-bush", x: 10, y: 43 },
    { name: "lamp", x: 6, y: 42 },
  ],
  desks: soloDesk(4, 39, "office-1", "assignable", "desk-s").desks,
  zones: [{ name: "Private Office", type: "private", rect: { x: 1, y: 37, w: 10, h: 8 } }],
};

const lobby: Area = {
  rooms: [{ name: "Lobby", floor: "lobby", rect: { x: 32, y: 19, w: 14, h: 26 } }],
  patches: [...rug("navy", { x: 35, y: 37, w: 8, h: 6 }), { tile: "doormat@0,0", x: 38, y: 44 }, { tile: "doormat@1,0", x: 39, y: 44 }],
  furniture: [
    { name: "reception", x: 37, y: 33 },
    { name: "deskchair-down", x: 38, y: 32 },
    { name: "bookshelf-low", x: 37, y: 30 },
    { name: "bookshelf-low", x: 39, y: 30 },
    { name: "sofa-teal-right", x: 33, y: 38 },
    { name: "sofa-teal-left", x: 44, y: 38 },
    { name: "plant-palm", x: 32, y: 42 },
    { name: "plant-palm", x: 45, y: 42 },
    { name: "plant-tall", x: 32, y: 32 },
    { name: "plant-tall", x: 45, y: 32 },
    { name: "lamp", x: 33, y: 35 },
    { name: "lamp", x: 44, y: 35 },
    { name: "plant-bush", x: 32, y: 20 },
    { name: "plant-bush", x: 45, y: 20 },
    { name: "water-cooler", x: 44, y: 23 },
    { name: "plant-tall", x: 44, y: 27 },
  ],
  spawns: [36, 37, 38, 39, 40, 41].flatMap((x) => [
    [x, 39],
    [x, 41],
  ]) as [number, number][],
};

/** Two enclosed booths for calls, each a private zone. */
function booth(n: number, x: number): Area {
  return {
    rooms: [{ name: `Phone Booth ${n}`, floor: "carpetTeal", rect: { x, y: 23, w: 3, h: 3 } }],
    furniture: [
      { name: "armchair-plum-down", x: x + 1, y: 23 },
      { name: "plant-small", x, y: 23 },
      { name: "painting", x: x + 1, y: 22 },
    ],
    zones: [{ name: `Phone Booth ${n}`, type: "private", rect: { x, y: 23, w: 3, h: 3 } }],
  };
}

const phoneBooths = merge(booth(1, 34), booth(2, 38));

const focusDesks = [
  soloDesk(48, 24, "focus-1", "focus"),
  soloDesk(51, 24, "focus-2", "focus"),
  soloDesk(54, 24, "focus-3", "focus"),
  soloDesk(48, 27, "focus-4", "focus"),
  soloDesk(51, 27, "focus-5", "focus"),
  soloDesk(54, 27, "focus-6", "focus"),
];

const library: Area = {
  rooms: [{ name: "Library", floor: "carpetGreen", rect: { x: 47, y: 21, w: 22, h: 10 } }],
  patches: rug("mustard", { x: 59, y: 24, w: 9, h: 6 }),
  furniture: [
    ...[47, 49, 51, 53].map((x, i) => ({ name: i % 2 ? "bookshelf-b" : "bookshelf", x, y: 20 })),
    ...[59, 61, 63, 65, 67].map((x, i) => ({ name: i % 2 ? "bookshelf" : "bookshelf-b", x, y: 20 })),
    { name: "coffee-table", x: 62, y: 26 },
    { name: "armchair-mustard-right", x: 61, y: 26 },
    { name: "armchair-mustard-left", x: 64, y: 26 },
    ...chairs("armchair-mustard", [[62, 28], [63, 28]], "up"),
    { name: "lamp", x: 60, y: 24 },
    { name: "lamp", x: 66, y: 24 },
    { name: "plant-tall", x: 57, y: 29 },
    { name: "plant-bush", x: 68, y: 29 },
  ],
  zones: [
    {
      name: "Library",
      type: "quiet",
      // The reading room minus a chamfered corner by the lobby door, where people pass through.
      polygon: [[47, 21], [69, 21], [69, 31], [50, 31], [47, 28]],
    },
  ],
};

const lounge: Area = {
  rooms: [{ name: "Lounge", floor: "soft", rect: { x: 47, y: 33, w: 22, h: 12 } }],
  patches: rug("coral", { x: 50, y: 35, w: 9, h: 7 }),
  furniture: [
    { name: "tv", x: 53, y: 32 },
    { name: "sofa-mustard-down", x: 53, y: 36 },
    { name: "coffee-table-3", x: 53, y: 38 },
    { name: "sofa-mustard-up", x: 53, y: 40 },
    { name: "armchair-teal-right", x: 51, y: 38 },
    { name: "armchair-teal-left", x: 57, y: 38 },
    { name: "bookshelf", x: 63, y: 32 },
    { name: "bookshelf-b", x: 65, y: 32 },
    { name: "beanbag-coral", x: 62, y: 37 },
    { name: "beanbag-navy", x: 64, y: 38 },
    { name: "beanbag-coral", x: 66, y: 37 },
    { name: "lamp", x: 68, y: 34 },
    { name: "plant-tall", x: 47, y: 32 },
    { name: "plant-palm", x: 61, y: 32 },
    { name: "plant-bush", x: 47, y: 43 },
    { name: "plant-tall", x: 68, y: 43 },
    { name: "sofa-plum-up", x: 62, y: 43 },
    { name: "plant-small", x: 60, y: 44 },
  ],
};

export const south = merge(...pods, openPlan, privateOffice, lobby, phoneBooths, ...focusDesks, library, lounge);
