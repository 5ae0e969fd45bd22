import { SnapshotBuffer } from "./SnapshotBuffer";

const at = (t: number, x: number, y = 0, moving = true) => ({ t, x, y, facing: "right" as const, moving });

describe("SnapshotBuffer", () => {
  it("is empty until the first snapshot", () => {
    expect(new SnapshotBuffer().sample(0)).toBeNull();
  });

  it("interpolates between the two snapshots around the requested time", () => {
    const b = new SnapshotBuffer();
    b.push(at(0, 100));
    b.push(at(50, 108));
    b.push(at(100, 116));
    expect(b.sample(25)?.x).toBe(104);
    expect(b.sample(75)?.x).toBe(112);
    expect(b.sample(75)?.moving).toBe(true);
  });

  it("clamps outside the buffered range instead of extrapolating", () => {
    const b = new SnapshotBuffer();
    b.push(at(10, 100));
    b.push(at(60, 108, 0, false));
    expect(b.sample(0)?.x).toBe(100);
    expect(b.sample(500)).toMatchObject({ x: 108, moving: false });
  });

  it("holds still through an idle gap, then walks at normal speed", () => {
    const b = new SnapshotBuffer();
    b.push(at(0, 100, 0, false));
    b.push(at(5000, 108));
    // Just before the new update the avatar is still where it stood.
    expect(b.sample(4000)?.x).toBe(100);
    expect(b.sample(4000)?.moving).toBe(false);
    expect(b.sample(4975)?.x).toBe(104);
  });

  it("jumps on teleports rather than gliding across the map", () => {
    const b = new SnapshotBuffer();
    b.push(at(0, 100));
    b.push(at(50, 900));
    expect(b.sample(25)?.x).toBe(900);
  });

  it("ignores out-of-order snapshots", () => {
    const b = new SnapshotBuffer();
    b.push(at(100, 100));
    b.push(at(50, 200));
    expect(b.sample(100)?.x).toBe(100);
  });
});
