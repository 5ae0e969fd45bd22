import { tilesetImageUrl } from "./tilesetUrls";

describe("tilesetImageUrl", () => {
  it("maps map-relative tileset paths to /assets URLs", () => {
    expect(tilesetImageUrl("../assets/tiles/office.png")).toBe("/assets/tiles/office.png");
    expect(tilesetImageUrl("assets/tiles/office.png")).toBe("/assets/tiles/office.png");
    expect(tilesetImageUrl("/assets/tiles/a b.png")).toBe("/assets/tiles/a%20b.png");
  });

  it("keeps uploaded images' content-addressed asset URLs", () => {
    const url = `/api/map-assets/${"ab".repeat(32)}.png`;
    expect(tilesetImageUrl(url)).toBe(url);
    expect(tilesetImageUrl("/api/map-assets/../x.png")).toBeNull();
  });

  it("refuses paths outside the assets folder", () => {
    expect(tilesetImageUrl("../secret.png")).toBeNull();
    expect(tilesetImageUrl("../assets/../server/x.png")).toBeNull();
    expect(tilesetImageUrl("https://example.com/assets/x.png")).toBeNull();
  });
});
