import { tilesetImageUrl } from "./tilesetUrls";

describe("tilesetImageUrl", () => {
  it("maps map-relative tileset paths to /assets URLs", () => {
    expect(tilesetImageUrl("../assets/tiles/office.png")).toBe("/assets/tiles/office.png");
    expect(tilesetImageUrl("assets/tiles/office.png")).toBe("/assets/tiles/office.png");
    expect(tilesetImageUrl("/assets/tiles/a b.png")).toBe("/assets/tiles/a%20b.png");
  });

  it("refuses paths outside the assets folder", () => {
    expect(tilesetImageUrl("../secret.png")).toBeNull();
    expect(tilesetImageUrl("../assets/../server/x.png")).toBeNull();
    expect(tilesetImageUrl("https://example.com/assets/x.png")).toBeNull();
  });
});
