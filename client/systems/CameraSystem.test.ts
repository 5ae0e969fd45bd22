import { chooseZoom } from "./CameraSystem";

describe("chooseZoom", () => {
  it("picks whole-number zoom levels that suit the window", () => {
    expect(chooseZoom(1280, 720)).toBe(2);
    expect(chooseZoom(1920, 1080)).toBe(3);
    expect(chooseZoom(390, 844)).toBe(1);
    expect(chooseZoom(320, 200)).toBe(1);
    expect(chooseZoom(5000, 4000)).toBe(4);
  });
});
