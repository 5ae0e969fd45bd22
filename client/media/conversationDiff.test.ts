import { diffConversation } from "./conversationDiff";

const peer = (id: string, initiator = true) => ({ id, name: id.toUpperCase(), initiator });

test("opens new peers, closes gone ones, keeps the rest", () => {
  const current = new Map([
    ["a", { initiator: true }],
    ["b", { initiator: false }],
  ]);
  const change = diffConversation(current, [peer("b", false), peer("c")], "self");
  expect(change.open.map((p) => p.id)).toEqual(["c"]);
  expect(change.close).toEqual(["a"]);
  expect(change.keep.map((p) => p.id)).toEqual(["b"]);
});

test("null peers (left the conversation) closes everything", () => {
  const current = new Map([["a", { initiator: true }]]);
  expect(diffConversation(current, null, "self")).toEqual({ open: [], close: ["a"], keep: [] });
});

test("a flipped initiator role reopens the connection", () => {
  const change = diffConversation(new Map([["a", { initiator: true }]]), [peer("a", false)], "self");
  expect(change.close).toEqual(["a"]);
  expect(change.open.map((p) => p.initiator)).toEqual([false]);
});

test("ignores ourselves and duplicates", () => {
  const change = diffConversation(new Map(), [peer("self"), peer("x"), peer("x", false)], "self");
  expect(change.open).toEqual([peer("x")]);
});
