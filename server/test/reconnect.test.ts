import { STEP_PX } from "../../shared/rules/constants";
import { startTestServer, TestClient, waitFor, type TestServer } from "./harness";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ config: { reconnectSeconds: 1 } });
});

afterAll(async () => {
  await server.close();
});

describe("dropped connections", () => {
  test("a dropped client keeps its avatar and resumes the same session", async () => {
    const stays = await server.join({ space: "blip" });
    const drops = await server.join({ space: "blip", name: "Wobbly" });
    const moved = await drops.walk(1, 0, 2);
    const token = await drops.drop();

    // The others still see the avatar, standing where it was. Waiting for "not moving" alone can pass on the
    // observer's first view, before the walk reached it, so wait for the walked-to spot as well.
    const standsWhereItWas = () => {
      const seen = stays.member(drops.sessionId);
      return seen?.moving === false && seen.x === moved.x && seen.y === moved.y;
    };
    await waitFor(standsWhereItWas, "the dropped avatar to stand still where it was");
    expect(stays.member(drops.sessionId)).toMatchObject({ name: "Wobbly", x: moved.x, y: moved.y });

    const back = await TestClient.reconnect(server.url, token);
    expect(back.sessionId).toBe(drops.sessionId);
    expect((await back.welcome).selfId).toBe(drops.sessionId);
    expect(back.me()).toMatchObject({ x: moved.x, y: moved.y, ack: 0 });
    // Input numbering may start over after a reconnect.
    const after = await back.walk(1, 0, 1);
    expect(after.x).toBe(moved.x + STEP_PX);
    await waitFor(() => stays.member(back.sessionId)?.x === after.x, "the other client to see the move");
    await back.leave();
    await stays.leave();
  });

  test("someone who does not come back in time is removed", async () => {
    const stays = await server.join({ space: "gone" });
    const drops = await server.join({ space: "gone" });
    await waitFor(() => stays.member(drops.sessionId), "the other to appear");
    const token = await drops.drop();
    await waitFor(() => !stays.member(drops.sessionId), "the dropped avatar to be removed", 5000);
    await expect(TestClient.reconnect(server.url, token)).rejects.toThrow();
    await stays.leave();
  });
});
