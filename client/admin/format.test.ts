import { ago, bytes } from "./format";
import { slugFromPath } from "./adminState";

test("ago says how long ago in the largest whole unit", () => {
  const now = Date.parse("2026-12-02T12:00:00Z");
  expect(ago(null, now)).toBe("never");
  expect(ago("2026-12-02T11:59:40Z", now)).toBe("just now");
  expect(ago("2026-12-02T11:57:00Z", now)).toBe("3 minutes ago");
  expect(ago("2026-12-02T11:00:00Z", now)).toBe("1 hour ago");
  expect(ago("2026-11-30T12:00:00Z", now)).toBe("2 days ago");
  expect(bytes(2048)).toBe("2.0 KB");
});

test("the admin page reads its space from /admin/:slug only", () => {
  expect(slugFromPath("/admin")).toBeNull();
  expect(slugFromPath("/admin/hq")).toBe("hq");
  expect(slugFromPath("/admin/hq/")).toBe("hq");
  expect(slugFromPath("/admin/../etc")).toBeNull();
});
