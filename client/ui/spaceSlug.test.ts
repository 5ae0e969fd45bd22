import { spaceFromLocation } from "./spaceSlug";

describe("spaceFromLocation", () => {
  it("reads ?space= first, then /s/slug, else default", () => {
    expect(spaceFromLocation({ pathname: "/", search: "?space=design-team" })).toBe("design-team");
    expect(spaceFromLocation({ pathname: "/s/acme", search: "" })).toBe("acme");
    expect(spaceFromLocation({ pathname: "/s/Acme/", search: "" })).toBe("acme");
    expect(spaceFromLocation({ pathname: "/", search: "" })).toBe("default");
  });

  it("falls back to default for anything that is not a slug", () => {
    expect(spaceFromLocation({ pathname: "/", search: "?space=../../etc" })).toBe("default");
    expect(spaceFromLocation({ pathname: "/s/%3Cscript%3E", search: "" })).toBe("default");
    expect(spaceFromLocation({ pathname: "/", search: "?space=" })).toBe("default");
  });
});
