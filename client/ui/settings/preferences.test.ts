import { clampHearing, loadPreferences, savePreferences } from "./preferences";

class MemoryStorage {
  private data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

test("preferences round-trip; bad stored values fall back to the defaults", () => {
  const storage = new MemoryStorage() as unknown as Storage;
  expect(loadPreferences(storage)).toEqual({ theme: "system", hearingTiles: null, notify: false });
  savePreferences(storage, { theme: "light", hearingTiles: 4, notify: true });
  expect(loadPreferences(storage)).toEqual({ theme: "light", hearingTiles: 4, notify: true });
  savePreferences(storage, { theme: "dark", hearingTiles: 4, notify: true });
  expect(loadPreferences(storage).theme).toBe("dark");
  storage.setItem("deskmap.preferences", "{not json");
  expect(loadPreferences(storage)).toEqual({ theme: "system", hearingTiles: null, notify: false });
  expect(loadPreferences(null)).toEqual({ theme: "system", hearingTiles: null, notify: false });
});

test("hearing distance stays within the space's bounds", () => {
  expect(clampHearing(12, 1, 6)).toBe(6);
  expect(clampHearing(0, 1, 6)).toBe(1);
  expect(clampHearing(3.4, 1, 6)).toBe(3);
});
