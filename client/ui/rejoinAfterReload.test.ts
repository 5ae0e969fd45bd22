import { markRejoin, takeRejoin } from "./rejoinAfterReload";

/** A Storage with the parts the note uses. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

describe("rejoin after a reload", () => {
  it("rejoins once, and only the space it was noted for", () => {
    const storage = memoryStorage();
    expect(takeRejoin(storage, "default")).toBe(false);
    markRejoin(storage, "default");
    expect(takeRejoin(storage, "other")).toBe(false);
    // Used up by the look above: a second load does not rejoin.
    markRejoin(storage, "default");
    expect(takeRejoin(storage, "default")).toBe(true);
    expect(takeRejoin(storage, "default")).toBe(false);
  });

  it("does without storage", () => {
    markRejoin(null, "default");
    expect(takeRejoin(null, "default")).toBe(false);
    const refusing = { ...memoryStorage(), setItem: () => { throw new Error("quota"); } } as Storage;
    expect(() => markRejoin(refusing, "default")).not.toThrow();
  });
});
