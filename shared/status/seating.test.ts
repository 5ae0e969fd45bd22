import type { Desk } from "../map/types";
import { nearestDesk, sitRefusal, SIT_REACH_TILES, withinReach } from "./seating";

const desk = (id: string, x: number, y: number): Desk => ({ id, kind: "focus", x, y, facing: "up" });

describe("seating rules", () => {
  const d = desk("d1", 100, 100);

  it("lets a standing person sit at a free desk within reach", () => {
    expect(sitRefusal({ x: 100 + 32, y: 100, seat: "" }, d, null, 32)).toBeNull();
    expect(withinReach({ x: 100 + SIT_REACH_TILES * 32, y: 100 }, d, 32)).toBe(true);
  });

  it("refuses a desk out of reach, occupied, unknown, or while already seated", () => {
    expect(sitRefusal({ x: 100 + SIT_REACH_TILES * 32 + 1, y: 100, seat: "" }, d, null, 32)).toBe("too-far");
    expect(sitRefusal({ x: 100, y: 110, seat: "" }, d, "someone", 32)).toBe("occupied");
    expect(sitRefusal({ x: 100, y: 110, seat: "" }, undefined, null, 32)).toBe("no-desk");
    expect(sitRefusal({ x: 100, y: 110, seat: "d2" }, d, null, 32)).toBe("seated");
  });

  it("finds the nearest desk within reach, ties by id", () => {
    const desks = [desk("b", 140, 100), desk("a", 60, 100), desk("far", 400, 100)];
    expect(nearestDesk({ x: 100, y: 100 }, desks, 32)?.id).toBe("a");
    expect(nearestDesk({ x: 130, y: 100 }, desks, 32)?.id).toBe("b");
    expect(nearestDesk({ x: 250, y: 100 }, desks, 32)).toBeNull();
  });
});
