import { buildTestMap } from "../../../shared/map/testMap";
import { MAX_JSON_DEPTH, storableProblems } from "./storableJson";

describe("storableProblems", () => {
  it("finds nothing wrong with a Tiled map", () => {
    expect(storableProblems(buildTestMap({ width: 8, height: 6 }))).toEqual([]);
  });

  it("reports operator-like and dotted field names with their path", () => {
    const problems = storableProblems({ layers: [{ name: "x", extra: { $where: "1", "a.b": 2 } }] });
    expect(problems).toEqual([
      expect.stringMatching(/^map\.layers\[0\]\.extra: field name "\$where"/),
      expect.stringMatching(/^map\.layers\[0\]\.extra: field name "a\.b"/),
    ]);
  });

  it("stops at excessive nesting without overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(storableProblems({ deep })).toEqual([expect.stringMatching(new RegExp(`more than ${MAX_JSON_DEPTH} levels`))]);
  });
});
