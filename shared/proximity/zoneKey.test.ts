import type { Zone } from "../map/types";
import { conversationZoneKey } from "./zoneKey";

const zone = (id: number, type: Zone["type"]) => ({ id, type });

describe("conversationZoneKey", () => {
  it("keys meeting and private zones by id", () => {
    expect(conversationZoneKey(zone(4, "meeting"))).toBe(4);
    expect(conversationZoneKey(zone(9, "private"))).toBe(9);
  });

  it("treats open zones and no zone alike", () => {
    expect(conversationZoneKey(zone(2, "stage"))).toBeNull();
    expect(conversationZoneKey(zone(3, "quiet"))).toBeNull();
    expect(conversationZoneKey(null)).toBeNull();
    expect(conversationZoneKey(undefined)).toBeNull();
  });
});
