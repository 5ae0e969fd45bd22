import { ClientMessage } from "../../shared/protocol/names";
import { STEP_PX } from "../../shared/rules/constants";
import { createLogger } from "../log";
import { startTestServer, waitFor, type TestClient, type TestServer } from "./harness";

let server: TestServer;
const logLines: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ log: createLogger("warn", "test", (_level, line) => logLines.push(line)) });
});

afterAll(async () => {
  await server.close();
});

const reasons = (c: TestClient) => c.rejected.map((r) => `${r.type}: ${r.reason}`);

describe("message guard", () => {
  let honest: TestClient;
  let rogue: TestClient;

  beforeAll(async () => {
    honest = await server.join({ space: "guard", name: "Honest" });
    rogue = await server.join({ space: "guard", name: "Rogue" });
  });

  test("an unknown message type is refused with a reason", async () => {
    rogue.room.send("dance", { style: "tango" });
    rogue.room.send(7, {});
    await waitFor(() => rogue.rejected.length >= 2, "two rejections");
    expect(reasons(rogue)).toEqual(expect.arrayContaining(["dance: unknown message type", "7: unknown message type"]));
  });

  test("malformed move payloads are refused and change nothing", async () => {
    const before = rogue.me();
    rogue.room.send(ClientMessage.Move, { seq: 1, dx: 5, dy: 0 });
    rogue.room.send(ClientMessage.Move, "right please");
    rogue.room.send(ClientMessage.Move, { seq: 2, dx: 1, dy: 0, x: 999 }); // extra fields (a position!) are not accepted
    rogue.room.sendBytes(ClientMessage.Move, new Uint8Array([1, 2, 3]));
    await waitFor(() => reasons(rogue).includes("move: malformed payload"), "a malformed-payload rejection");
    // One notice per reason per second, however many bad messages.
    expect(reasons(rogue).filter((r) => r === "move: malformed payload")).toHaveLength(1);
    const after = rogue.me();
    expect([after.x, after.y, after.ack]).toEqual([before.x, before.y, before.ack]);
  });

  test("an oversized payload is refused", async () => {
    rogue.room.send(ClientMessage.Move, { seq: 3, dx: 1, dy: 0, note: "x".repeat(10_000) });
    await waitFor(() => reasons(rogue).includes("move: message too large"), "a too-large rejection");
    expect(rogue.connected).toBe(true);
  });

  test("a flood is rate limited, and the honest client keeps walking", async () => {
    const start = honest.me();
    for (let i = 0; i < 300; i++) rogue.room.send("spam", i);
    rogue.sendMoves(1, 0, 200);
    await waitFor(() => reasons(rogue).includes("move: rate limited"), "a rate-limit rejection");
    expect(reasons(rogue).filter((r) => r === "spam: unknown message type").length).toBeLessThanOrEqual(2);

    const end = await honest.walk(0, 1, 3);
    expect(end.y).toBe(start.y + 3 * STEP_PX);
    expect(honest.rejected).toEqual([]);
    // The rogue is still there, seen by the honest client, and nothing crashed.
    expect(honest.member(rogue.sessionId)?.name).toBe("Rogue");
    expect(rogue.connected).toBe(true);
  });

  test("drops are logged at most once per client per 10 s", () => {
    const dropLines = logLines.filter((l) => l.includes(`client ${rogue.sessionId} `) && l.includes(": dropped"));
    expect(dropLines).toHaveLength(1);
    expect(logLines.some((l) => l.includes(honest.sessionId))).toBe(false);
  });

  test("when the rogue leaves, its unreported drops are logged in one line", async () => {
    const before = logLines.length;
    await rogue.leave();
    await waitFor(() => !honest.member(rogue.sessionId), "the rogue to be gone");
    const summary = logLines.slice(before).filter((l) => l.includes(`client ${rogue.sessionId} `) && l.includes(": dropped"));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatch(/dropped \d{2,} messages/);
  });
});
