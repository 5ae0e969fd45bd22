import type { ChatLine } from "../../../shared/protocol/chatMessages";
import { ChatTabs, tabOf } from "./chatTabs";

let n = 0;
function line(partial: Partial<ChatLine>): ChatLine {
  n++;
  return { id: `l${n}`, channel: "everyone", key: "everyone", from: "s", fromMember: "m-ben", name: "Ben", text: `t${n}`, at: n, ...partial };
}

describe("chat tabs", () => {
  test("a DM lands in the thread with the other person, whoever wrote it", () => {
    expect(tabOf({ channel: "dm", fromMember: "m-ben", to: "m-ann" }, "m-ann")).toBe("dm:m-ben");
    expect(tabOf({ channel: "dm", fromMember: "m-ann", to: "m-ben" }, "m-ann")).toBe("dm:m-ben");
    expect(tabOf({ channel: "zone", fromMember: "m-ben" }, "m-ann")).toBe("zone");
  });

  test("unread counts grow on closed tabs and hidden panels, not for your own lines; opening clears them", () => {
    const tabs = new ChatTabs(() => "m-ann");
    tabs.add(line({}), true);
    expect(tabs.unreadOf("everyone")).toBe(0);
    tabs.add(line({}), false);
    expect(tabs.unreadOf("everyone")).toBe(1);
    tabs.add(line({ channel: "dm", to: "m-ann" }), true);
    tabs.add(line({ channel: "dm", fromMember: "m-ann", to: "m-ben" }), true);
    expect(tabs.unreadOf("dm:m-ben")).toBe(1);
    expect(tabs.threads()).toEqual(["dm:m-ben"]);
    tabs.open("dm:m-ben");
    expect(tabs.unreadOf("dm:m-ben")).toBe(0);
    expect(tabs.linesOf("dm:m-ben")).toHaveLength(2);
  });

  test("history replaces a tab's lines without losing newer live ones or duplicating", () => {
    const tabs = new ChatTabs(() => "m-ann");
    const old = line({});
    const live = line({});
    tabs.add(old, true);
    tabs.add(live, true);
    tabs.setHistory("everyone", [old]);
    expect(tabs.linesOf("everyone").map((l) => l.id)).toEqual([old.id, live.id]);
    tabs.add(live, true);
    expect(tabs.linesOf("everyone")).toHaveLength(2);
  });
});
