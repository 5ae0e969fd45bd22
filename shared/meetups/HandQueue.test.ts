import { HandQueue } from "./HandQueue";

describe("HandQueue", () => {
  it("takes hands in the order they went up; lowering and raising again goes to the back", () => {
    const q = new HandQueue();
    expect(q.raise("a")).toBe(true);
    expect(q.raise("b")).toBe(true);
    expect(q.raise("c")).toBe(true);
    expect(q.raise("a")).toBe(false);
    expect(q.list()).toEqual(["a", "b", "c"]);
    expect(q.lower("a")).toBe(true);
    expect(q.lower("a")).toBe(false);
    q.raise("a");
    expect(q.list()).toEqual(["b", "c", "a"]);
    expect(q.next()).toBe("b");
    expect(q.has("b")).toBe(false);
    expect(q.next()).toBe("c");
    expect(q.next()).toBe("a");
    expect(q.next()).toBeNull();
  });
});
