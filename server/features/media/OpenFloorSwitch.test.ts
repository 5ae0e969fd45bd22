import { backToMeshAt, OpenFloorSwitch } from "./OpenFloorSwitch";

/** The switch's thresholds and hold on a clock the test moves (the room test, mediaOpenFloor.test.ts, runs it against Janus). */

function setup(cap = 6) {
  let now = 0;
  const open = new OpenFloorSwitch(() => cap, { holdMs: 5000, drainMs: 10_000, now: () => now });
  const at = (ms: number, size: number) => {
    now = ms;
    open.update(new Map([["g1", size]]));
    return open.viaJanus("g1");
  };
  return { open, at };
}

test("the lower threshold is two under the cap, never below a pair", () => {
  expect([2, 3, 4, 6, 12].map(backToMeshAt)).toEqual([2, 2, 2, 4, 10]);
});

test("goes through Janus past the cap at once, and back only after staying clearly smaller for the hold", () => {
  const { open, at } = setup();
  expect(at(0, 6)).toBe(false);
  expect(at(100, 7)).toBe(true);
  // Wobbling at the cap, or one under it, changes nothing.
  expect([at(200, 6), at(300, 7), at(400, 5), at(10_000, 5)]).toEqual([true, true, true, true]);
  // Down to 4 for less than the hold, then back up: still through Janus, and the hold starts over.
  expect([at(11_000, 4), at(15_000, 4), at(15_500, 5), at(16_000, 4), at(20_900, 4)]).toEqual([true, true, true, true, true]);
  expect(at(21_000, 4)).toBe(false);
  // Back on peer to peer its handles drain for 10 s, then the conversation is forgotten.
  expect(open.draining("g1")).toBe(true);
  expect(at(30_999, 4)).toBe(false);
  expect(open.draining("g1")).toBe(true);
  expect(at(31_000, 4)).toBe(false);
  expect(open.draining("g1")).toBe(false);
});

test("a conversation that ends, or a media server that goes away, starts over on peer to peer", () => {
  const { open, at } = setup(2);
  expect(at(0, 3)).toBe(true);
  open.update(new Map());
  expect(open.viaJanus("g1")).toBe(false);
  expect(at(100, 3)).toBe(true);
  open.reset();
  expect(open.viaJanus("g1")).toBe(false);
  // With a cap of 2 the lower threshold is the cap itself: only the hold keeps it from flapping.
  expect([at(200, 3), at(300, 2), at(5299, 2), at(5300, 2)]).toEqual([true, true, true, false]);
});
