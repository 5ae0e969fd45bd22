import { distance, knockPinLimit, KNOCK_PIN_HOLD_TILES, KNOCK_PIN_SLACK_TILES } from "./knockPin";

describe("knock conversation distance", () => {
  it("holds within the hold radius plus slack, or within where the two began plus slack", () => {
    expect(knockPinLimit(10, 32)).toBe((KNOCK_PIN_HOLD_TILES + KNOCK_PIN_SLACK_TILES) * 32);
    expect(knockPinLimit(20 * 32, 32)).toBe((20 + KNOCK_PIN_SLACK_TILES) * 32);
    expect(distance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
  });
});
