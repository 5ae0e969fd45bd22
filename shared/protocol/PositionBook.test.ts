import { PositionBook } from "./PositionBook";
import { MAP_LIMITS, TILE_SIZE } from "../map/mapLimits";
import {
  FRAME_HEADER_BYTES,
  FRAME_RECORD_BYTES,
  GONE_BITS,
  MAX_FRAME_COORD,
  poseBits,
  readFrameHeader,
  writeFrameHeader,
  writeFrameRecord,
} from "./positionFrame";

/** A frame as the server writes it. */
function frame(reset: boolean, ack: number, records: Array<[num: number, x: number, y: number, bits: number]>): Uint8Array {
  const bytes = new Uint8Array(FRAME_HEADER_BYTES + records.length * FRAME_RECORD_BYTES);
  let at = writeFrameHeader(bytes, 0, reset, ack);
  for (const [num, x, y, bits] of records) at = writeFrameRecord(bytes, at, num, x, y, bits);
  return bytes;
}

describe("position frames and the PositionBook", () => {
  test("round trip: numbers up to 65,535, any position on the largest map, facing, moving and a 32-bit ack", () => {
    const largest = MAP_LIMITS.maxTiles * TILE_SIZE - 1;
    expect(largest).toBeLessThanOrEqual(MAX_FRAME_COORD);
    const book = new PositionBook();
    book.bind("ada", 1);
    book.bind("bo", 65_535);
    book.bind("cyd", 300);
    book.apply(
      frame(false, 4_000_000_000, [
        [1, largest, 0, poseBits("left", true)],
        [65_535, 17, largest, poseBits("up", false)],
        [300, MAX_FRAME_COORD, MAX_FRAME_COORD, poseBits("right", true)],
      ]),
    );
    expect(book.ack).toBe(4_000_000_000);
    expect(book.pose("ada")).toEqual({ x: largest, y: 0, facing: "left", moving: true });
    expect(book.pose("bo")).toEqual({ x: 17, y: largest, facing: "up", moving: false });
    expect(book.pose("cyd")).toEqual({ x: MAX_FRAME_COORD, y: MAX_FRAME_COORD, facing: "right", moving: true });
  });

  test("a record that arrives before the state names its number is kept until it does", () => {
    const book = new PositionBook();
    const changed: string[] = [];
    book.apply(frame(false, 0, [[7, 100, 200, poseBits("down", false)]]), (id) => changed.push(id));
    expect(changed).toEqual([]);
    expect(book.bind("cyd", 7)).toBe(true);
    expect(book.pose("cyd")).toEqual({ x: 100, y: 200, facing: "down", moving: false });
    // poseOf binds and reads in one step, as readers that look people up in the state do.
    book.apply(frame(false, 0, [[8, 5, 6, poseBits("up", true)]]));
    expect(book.pose("dee")).toBeUndefined();
    expect(book.poseOf("dee", 8)).toEqual({ x: 5, y: 6, facing: "up", moving: true });
  });

  test("gone records and resets take people out of view; later records win", () => {
    const book = new PositionBook();
    book.bind("ada", 1);
    book.bind("bo", 2);
    book.apply(frame(false, 3, [[1, 10, 10, 0], [2, 20, 20, 0]]));
    const changed: string[] = [];
    book.apply(frame(false, 3, [[2, 0, 0, GONE_BITS], [1, 11, 10, 0], [1, 12, 10, 0]]), (id) => changed.push(id));
    expect(book.pose("bo")).toBeUndefined();
    expect(book.pose("ada")?.x).toBe(12);
    expect(changed.sort()).toEqual(["ada", "bo"]);
    book.apply(frame(true, 3, [[2, 30, 30, 0]]));
    expect(book.pose("ada")).toBeUndefined();
    expect(book.pose("bo")).toEqual({ x: 30, y: 30, facing: "down", moving: false });
  });

  test("a malformed frame is refused whole", () => {
    const book = new PositionBook();
    book.bind("ada", 1);
    const bad = frame(false, 9, [[1, 10, 10, 0]]).subarray(0, FRAME_HEADER_BYTES + 3);
    expect(() => book.apply(bad)).toThrow("malformed position frame of 8 bytes");
    expect(() => readFrameHeader(new Uint8Array(2))).toThrow("malformed");
    expect(book.pose("ada")).toBeUndefined();
    expect(book.ack).toBe(0);
  });
});
