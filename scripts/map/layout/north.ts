/** The north band: stage hall, two meeting rooms, the kitchen, and the corridor below them. */
import { chairs, merge, platform, range, row } from "../helpers";
import type { Area } from "../layoutTypes";

const stageHall: Area = {
  rooms: [{ name: "Stage Hall", floor: "parquet", rect: { x: 1, y: 2, w: 24, h: 12 } }],
  patches: platform({ x: 6, y: 2, w: 14, h: 5 }, [8, 17]),
  furniture: [
    { name: "stage-screen", x: 11, y: 1 },
    { name: "speaker", x: 7, y: 1 },
    { name: "speaker", x: 18, y: 1 },
    { name: "lectern", x: 14, y: 4 },
    { name: "plant-tall", x: 1, y: 1 },
    { name: "plant-tall", x: 24, y: 1 },
    { name: "plant-bush", x: 1, y: 12 },
    { name: "plant-bush", x: 24, y: 12 },
    ...[8, 9, 10, 11].flatMap((y) => [...row("chair-up", range(4, 10), y), ...row("chair-up", range(15, 21), y)]),
  ],
  zones: [
    { name: "Stage Hall", type: "stage", rect: { x: 1, y: 2, w: 24, h: 12 } },
    { name: "Stage", type: "stage", rect: { x: 6, y: 2, w: 14, h: 5 }, platform: true },
  ],
};

function meetingRoom(name: string, x0: number, w: number, floor: string, table: string, tw: number, decor: string): Area {
  const tx = x0 + Math.floor((w - tw) / 2);
  const seats = range(tx, tx + tw - 1);
  return {
    rooms: [{ name, floor, rect: { x: x0, y: 2, w, h: 12 } }],
    furniture: [
      { name: table, x: tx, y: 6 },
      ...chairs("chair-teal", seats.map((x) => [x, 5]), "down"),
      ...chairs("chair-teal", seats.map((x) => [x, 8]), "up"),
      ...chairs("chair-teal", [[tx - 1, 6], [tx - 1, 7]], "right"),
      ...chairs("chair-teal", [[tx + tw, 6], [tx + tw, 7]], "left"),
      { name: decor, x: tx + tw / 2 - 1, y: 1 },
      { name: "plant-palm", x: x0, y: 12 },
      { name: "plant-bush", x: x0 + w - 1, y: 12 },
      { name: "bookshelf-low", x: x0 + w - 3, y: 2 },
      { name: "plant-small", x: x0, y: 2 },
    ],
    zones: [{ name, type: "meeting", rect: { x: x0, y: 2, w, h: 12 } }],
  };
}

const kitchen: Area = {
  rooms: [{ name: "Kitchen", floor: "kitchen", rect: { x: 49, y: 2, w: 20, h: 12 } }],
  furniture: [
    { name: "counter-end-w", x: 50, y: 2 },
    { name: "counter", x: 51, y: 2 },
    { name: "counter-sink", x: 52, y: 2 },
    { name: "counter", x: 53, y: 2 },
    { name: "counter-coffee", x: 54, y: 2 },
    { name: "counter", x: 55, y: 2 },
    { name: "counter-microwave", x: 56, y: 2 },
    { name: "counter", x: 57, y: 2 },
    { name: "counter-fruit", x: 58, y: 2 },
    { name: "counter-end-e", x: 59, y: 2 },
    { name: "fridge", x: 60, y: 1 },
    { name: "fridge", x: 61, y: 1 },
    { name: "plant-tall", x: 68, y: 1 },
    { name: "plant-bush", x: 49, y: 12 },
    // A breakfast bar with stools.
    { name: "counter-end-w", x: 53, y: 11 },
    ...row("counter", [54, 55, 57, 58], 11),
    { name: "counter-fruit", x: 56, y: 11 },
    { name: "counter-end-e", x: 59, y: 11 },
    ...chairs("chair-teal", range(53, 59).map((x) => [x, 12]), "up"),
    { name: "plant-palm", x: 68, y: 12 },
    ...[52, 58, 64].flatMap((tx) => [
      { name: "table-cafe", x: tx, y: 6 },
      ...chairs("chair", [[tx, 5], [tx + 1, 5]], "down"),
      ...chairs("chair", [[tx, 8], [tx + 1, 8]], "up"),
      ...chairs("chair", [[tx - 1, 7]], "right"),
      ...chairs("chair", [[tx + 2, 7]], "left"),
    ]),
  ],
};

const corridor: Area = {
  rooms: [{ name: "Corridor", floor: "corridor", rect: { x: 1, y: 16, w: 68, h: 3 } }],
  furniture: [
    ...[2, 9, 17, 24, 27, 35, 39, 47, 50, 62, 67].map((x) => ({ name: "plant-tall", x, y: 15 })),
    ...[5, 20, 33, 53, 65].map((x) => ({ name: x % 2 ? "painting" : "painting-abstract", x, y: 15 })),
    { name: "clock", x: 45, y: 15 },
    { name: "water-cooler", x: 60, y: 15 },
  ],
};

export const north = merge(
  stageHall,
  meetingRoom("Meeting Room A", 26, 11, "carpetBlue", "table-meeting-long", 6, "whiteboard"),
  meetingRoom("Meeting Room B", 38, 10, "carpetTeal", "table-meeting", 4, "tv"),
  kitchen,
  corridor,
);
