import { RING_WAIT_MS, RingBook } from "./RingBook";

describe("RingBook", () => {
  test("one waiting ring per pair; answered once", () => {
    const book = new RingBook();
    expect(book.request("a", "b", 0)).toBe(true);
    expect(book.request("a", "b", 1)).toBe(false);
    expect(book.request("c", "b", 1)).toBe(true);
    expect(book.answer("a", "b")).toEqual({ from: "a", to: "b", at: 0 });
    expect(book.answer("a", "b")).toBeNull();
  });

  test("rings lapse after the wait and are forgotten with their people", () => {
    const book = new RingBook();
    book.request("a", "b", 0);
    book.request("c", "d", 10);
    expect(book.expire(RING_WAIT_MS - 1)).toEqual([]);
    expect(book.expire(RING_WAIT_MS)).toEqual([{ from: "a", to: "b", at: 0 }]);
    expect(book.forget("d")).toEqual([{ from: "c", to: "d", at: 10 }]);
    expect(book.answer("c", "d")).toBeNull();
  });
});
