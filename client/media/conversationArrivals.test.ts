import { ConversationArrivals } from "./conversationArrivals";

test("each person's arrival is stamped once, forgotten when they leave, and every clock restarts in a new conversation", () => {
  const arrivals = new ConversationArrivals();
  arrivals.update("zone-1", [{ id: "a" }], 100);
  arrivals.update("zone-1", [{ id: "a" }, { id: "b" }], 250);
  expect([arrivals.of("a"), arrivals.of("b")]).toEqual([100, 250]);
  // b leaves and comes back: a fresh arrival.
  arrivals.update("zone-1", [{ id: "a" }], 300);
  expect(arrivals.of("b")).toBeNull();
  arrivals.update("zone-1", [{ id: "a" }, { id: "b" }], 400);
  expect(arrivals.of("b")).toBe(400);
  // Same people, another conversation (walked from the open floor into a meeting room): both start again.
  arrivals.update("zone-2", [{ id: "a" }, { id: "b" }], 500);
  expect([arrivals.of("a"), arrivals.of("b")]).toEqual([500, 500]);
  arrivals.update(null, [], 600);
  expect(arrivals.of("a")).toBeNull();
});
