import { dmKey, historyKey, isKeptKey, routeChat, type ChatPerson } from "./chatRules";

const ann: ChatPerson = { sessionId: "s-ann", memberId: "m-ann", zone: "Kitchen", group: "g1" };
const annTab2: ChatPerson = { sessionId: "s-ann2", memberId: "m-ann", zone: "", group: undefined };
const ben: ChatPerson = { sessionId: "s-ben", memberId: "m-ben", zone: "Kitchen", group: "g1" };
const cy: ChatPerson = { sessionId: "s-cy", memberId: "m-cy", zone: "Library", group: "g2" };
const dee: ChatPerson = { sessionId: "s-dee", memberId: "m-dee", zone: "", group: undefined };
const people = [ann, annTab2, ben, cy, dee];

describe("routeChat", () => {
  test("everyone reaches the whole space", () => {
    expect(routeChat({ channel: "everyone" }, cy, people)).toEqual({
      ok: true,
      key: "everyone",
      recipients: ["s-ann", "s-ann2", "s-ben", "s-cy", "s-dee"],
    });
  });

  test("zone reaches people in the sender's zone and the sender's other tabs", () => {
    expect(routeChat({ channel: "zone" }, ann, people)).toEqual({ ok: true, key: "zone:Kitchen", recipients: ["s-ann", "s-ann2", "s-ben"] });
    expect(routeChat({ channel: "zone" }, dee, people)).toEqual({ ok: false, reason: "you are not in a zone" });
  });

  test("nearby reaches the sender's conversation only", () => {
    expect(routeChat({ channel: "nearby" }, ann, people)).toEqual({ ok: true, key: "nearby:g1", recipients: ["s-ann", "s-ann2", "s-ben"] });
    expect(routeChat({ channel: "nearby" }, dee, people)).toMatchObject({ ok: false });
  });

  test("a direct message reaches every session of the recipient and the sender, nobody else", () => {
    const routed = routeChat({ channel: "dm", to: "m-ann" }, cy, people);
    expect(routed).toEqual({ ok: true, key: dmKey("m-cy", "m-ann"), recipients: ["s-ann", "s-ann2", "s-cy"] });
    expect(routeChat({ channel: "dm", to: "m-nobody" }, cy, people)).toEqual({ ok: false, reason: "that person is not here" });
    expect(routeChat({ channel: "dm", to: "m-cy" }, cy, people)).toMatchObject({ ok: false });
  });

  test("a thread's key is the same whoever writes", () => {
    expect(dmKey("a", "b")).toBe(dmKey("b", "a"));
  });
});

describe("historyKey", () => {
  test("people read only their own zone and their own threads; conversations are not kept", () => {
    expect(historyKey({ channel: "zone" }, cy)).toBe("zone:Library");
    expect(historyKey({ channel: "zone" }, dee)).toBeNull();
    expect(historyKey({ channel: "dm", to: "m-ben" }, ann)).toBe(dmKey("m-ann", "m-ben"));
    expect(historyKey({ channel: "nearby" }, ann)).toBeNull();
    expect(isKeptKey("nearby:g1")).toBe(false);
    expect(isKeptKey("everyone")).toBe(true);
  });
});
