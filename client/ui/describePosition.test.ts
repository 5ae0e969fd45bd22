import { describePerson, describeRelative } from "./describePosition";

const me = { x: 320, y: 320 };

describe("describeRelative", () => {
  it.each([
    [{ x: 416, y: 224 }, "4 tiles north-east"],
    [{ x: 320, y: 256 }, "2 tiles north"],
    [{ x: 288, y: 320 }, "1 tile west"],
    [{ x: 320, y: 480 }, "5 tiles south"],
    [{ x: 224, y: 416 }, "4 tiles south-west"],
    [{ x: 330, y: 325 }, "right next to you"],
  ])("describes %o as %s", (other, text) => {
    expect(describeRelative(me, other, 32)).toBe(text);
  });
});

describe("describePerson", () => {
  it("puts yourself as 'You' with your zone", () => {
    expect(describePerson({ name: "Zed", isSelf: true, position: me, zoneName: "Lobby" }, me, 32)).toBe("You — in Lobby");
    expect(describePerson({ name: "Zed", isSelf: true, position: me, zoneName: null }, me, 32)).toBe("You");
  });

  it("names others with direction and zone", () => {
    const ada = { name: "Ada", isSelf: false, position: { x: 416, y: 224 }, zoneName: "Meeting Room A" };
    expect(describePerson(ada, me, 32)).toBe("Ada — 4 tiles north-east, in Meeting Room A");
    expect(describePerson({ ...ada, zoneName: null }, me, 32)).toBe("Ada — 4 tiles north-east");
  });

  test("someone too far away to be streamed: zone, no distance", () => {
    const bo = { name: "Bo", isSelf: false, position: null, zoneName: "Kitchen" };
    expect(describePerson(bo, me, 32)).toBe("Bo — in Kitchen");
    expect(describePerson({ ...bo, zoneName: null }, me, 32)).toBe("Bo — elsewhere in the office");
  });
});
