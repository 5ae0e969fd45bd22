import { addZone, feetOnTile, freshDeskId, moveObject, paintCells, removeObject, tileRect, updateZone } from "./editOps";
import { change, redo, start, undo } from "./history";
import type { MapEdits } from "../../../shared/map/mapEdits";

const empty: MapEdits = { zones: [], desks: [], spawns: [{ x: 48, y: 56 }] };

describe("editor changes", () => {
  it("snaps a dragged rectangle outwards to whole tiles, inside the map, in either drag direction", () => {
    expect(tileRect({ x: 70, y: 40 }, { x: 10, y: 100 }, 32, 320, 256)).toEqual({ x: 0, y: 32, width: 96, height: 96 });
    expect(tileRect({ x: 300, y: 250 }, { x: 400, y: 400 }, 32, 320, 256)).toEqual({ x: 288, y: 224, width: 32, height: 32 });
    expect(tileRect({ x: 64, y: 64 }, { x: 64, y: 64 }, 32, 320, 256)).toBeNull();
  });

  it("places feet a tile's centre, three quarters down, and names desks uniquely", () => {
    expect(feetOnTile({ x: 70, y: 33 }, 32)).toEqual({ x: 80, y: 56 });
    expect(freshDeskId({ ...empty, desks: [{ id: "desk-1", kind: "focus", facing: "up", x: 0, y: 0 }] })).toBe("desk-2");
  });

  it("moves, edits and removes without touching the value it started from", () => {
    const one = addZone(empty, { name: "A", kind: "stage", platform: true, x: 0, y: 0, width: 64, height: 64 });
    const moved = moveObject(one, { kind: "zone", index: 0 }, 32, 64);
    expect(moved.zones[0]).toMatchObject({ x: 32, y: 64, width: 64 });
    expect(one.zones[0]).toMatchObject({ x: 0, y: 0 });
    // A platform belongs to stages only, so changing the kind drops it.
    expect(updateZone(moved, 0, { kind: "meeting" }).zones[0]).not.toHaveProperty("platform");
    expect(removeObject(moved, { kind: "spawn", index: 0 }).spawns).toEqual([]);
  });

  it("paints and clears collision cells, each once, in order", () => {
    const painted = paintCells(paintCells(empty, [9, 3, 9], true), [5], true);
    expect(painted.painted).toEqual([3, 5, 9]);
    expect(paintCells(painted, [5, 7], false).painted).toEqual([3, 9]);
  });

  it("undoes and redoes, and a new change after undo drops the redo branch", () => {
    let h = start(empty);
    const a = addZone(empty, { name: "A", kind: "quiet", x: 0, y: 0, width: 32, height: 32 });
    h = change(h, a);
    h = change(h, moveObject(a, { kind: "zone", index: 0 }, 32, 0));
    h = undo(h);
    expect(h.present).toBe(a);
    h = redo(h);
    expect(h.present.zones[0].x).toBe(32);
    h = undo(undo(h));
    expect(h.present).toBe(empty);
    expect(undo(h)).toBe(h);
    h = change(h, removeObject(empty, { kind: "spawn", index: 0 }));
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });
});
