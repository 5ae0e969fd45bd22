import { initiates, initiatorOf } from "./initiator";

describe("initiatorOf", () => {
  it("picks the same side whichever way round it is asked", () => {
    expect(initiatorOf("alice", "bob")).toBe("alice");
    expect(initiatorOf("bob", "alice")).toBe("alice");
    // Code-unit order, not locale order: uppercase sorts before lowercase.
    expect(initiatorOf("b", "Z")).toBe("Z");
  });

  it("gives exactly one initiator per pair", () => {
    const ids = ["x1", "Ab", "ab", "room-9", "é", "e"];
    for (const a of ids) {
      for (const b of ids) {
        if (a === b) continue;
        expect(Number(initiates(a, b)) + Number(initiates(b, a))).toBe(1);
      }
    }
  });

  it("refuses a pair of one person", () => {
    expect(() => initiatorOf("a", "a")).toThrow(/themself/);
  });
});
