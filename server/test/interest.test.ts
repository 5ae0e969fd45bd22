import { feetAt } from "../../shared/map/testMap";
import { startTestServer, waitFor, type TestClient, type TestServer } from "./harness";

/**
 * Interest management against a real server: positions stream only between
 * people near each other, while everyone keeps everyone's name.
 * Radius 240 px → cells of 80 px: people within 3 cells sideways (2 up or down) of one's own are in view.
 */
describe("interest management", () => {
  let server: TestServer;
  let near: TestClient;
  let far: TestClient;

  beforeAll(async () => {
    server = await startTestServer({
      map: { width: 40, height: 10, spawns: [feetAt(2, 5), feetAt(30, 5), feetAt(4, 5)] },
      config: { interestRadius: 240 },
    });
    near = await server.join({ name: "Near" });
    far = await server.join({ name: "Far" });
  });
  afterAll(() => server?.close());

  test("far apart: each has the other's name but no position", async () => {
    expect(near.me().x).toBe(feetAt(2, 5).x);
    expect(far.me().x).toBe(feetAt(30, 5).x);
    const farSeenByNear = await waitFor(() => near.member(far.sessionId), "near to list far");
    expect(farSeenByNear.name).toBe("Far");
    expect(farSeenByNear.x).toBeUndefined();
    expect(farSeenByNear.y).toBeUndefined();
    expect(far.member(near.sessionId)?.name).toBe("Near");
    expect(far.member(near.sessionId)?.x).toBeUndefined();
  });

  test("moving while far sends nothing about the position; walking into range starts streaming", async () => {
    // 20 steps left: 976 → 816 px (cell 10), still 9 cells away from near (x = 80, cell 1).
    const stillFar = await far.walk(-1, 0, 20);
    expect(stillFar.x).toBe(feetAt(30, 5).x - 160);
    expect(near.member(far.sessionId)?.x).toBeUndefined();
    // Each client's own ack is for itself alone.
    expect(far.me().ack).toBeGreaterThan(0);

    // 68 more: x = 272 (cell 3), within 3 cells of near's cell 1.
    const arrived = await far.walk(-1, 0, 68);
    expect(arrived.x).toBe(272);
    const seen = await waitFor(() => near.member(far.sessionId)?.x === 272 && near.member(far.sessionId), "near to see far's position");
    expect(seen).toMatchObject({ x: 272, y: feetAt(30, 5).y, name: "Far" });
    expect(far.member(near.sessionId)).toMatchObject({ x: feetAt(2, 5).x, y: feetAt(2, 5).y });
    // Within range, every step streams.
    await far.walk(1, 0, 3);
    await waitFor(() => near.member(far.sessionId)?.x === 296, "near to follow far's steps");
  });

  test("walking out of range stops streaming; back in starts again", async () => {
    // 296 → 456 px: cell 5, more than 3 cells from near's cell 1.
    await far.walk(1, 0, 20);
    await waitFor(() => near.member(far.sessionId)?.x === undefined, "far's position to leave near's view");
    expect(near.member(far.sessionId)?.name).toBe("Far");
    // Back to 376 px (cell 4): three cells away, in view again.
    await far.walk(-1, 0, 10);
    await waitFor(() => near.member(far.sessionId)?.x === 376, "far's position to come back");
    expect(near.member(far.sessionId)).toMatchObject({ y: feetAt(30, 5).y, facing: "left" });
  });

  test("someone joining nearby is seen at once, with position", async () => {
    const third = await server.join({ name: "Third" });
    // Spawn points are taken in turn: the third joins two tiles from near.
    expect(third.me().x).toBe(feetAt(4, 5).x);
    await waitFor(() => near.member(third.sessionId)?.x === feetAt(4, 5).x, "near to see the newcomer's position");
    expect(third.member(near.sessionId)).toMatchObject({ name: "Near", x: feetAt(2, 5).x, y: feetAt(2, 5).y });
    // Far (x = 376, cell 4) is 3 cells from the newcomer's cell 1: in view too.
    await waitFor(() => third.member(far.sessionId)?.x === 376, "the newcomer to see far's position");
  });
});
