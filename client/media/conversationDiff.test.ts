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

test("a stage link that starts or stops sending reopens; an unchanged one-way link is kept", () => {
  const listening = new Map([["speaker", { initiator: false, send: false }]]);
  // Brought up to speak: the link to the other speaker now sends too.
  const promoted = diffConversation(listening, [{ ...peer("speaker", false) }], "self");
  expect(promoted.close).toEqual(["speaker"]);
  expect(promoted.open.map((p) => p.send ?? true)).toEqual([true]);
  const same = diffConversation(listening, [{ ...peer("speaker", false), send: false }], "self");
  expect(same.keep.map((p) => p.id)).toEqual(["speaker"]);
  expect(same.close).toEqual([]);
});
