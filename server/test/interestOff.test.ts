import { feetAt } from "../../shared/map/testMap";
import { startTestServer, waitFor, type TestServer } from "./harness";

/** INTEREST_MANAGEMENT=false: everyone's position reaches everyone, however far (the comparison baseline). */
describe("interest management off", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      map: { width: 40, height: 10, spawns: [feetAt(2, 5), feetAt(37, 5)] },
      config: { interestManagement: false, interestRadius: 64 },
    });
  });
  afterAll(() => server?.close());

  test("people at opposite ends of the office see each other's positions and steps", async () => {
    const a = await server.join({ name: "West" });
    const b = await server.join({ name: "East" });
    await waitFor(() => a.member(b.sessionId)?.x === feetAt(37, 5).x, "west to see east's position");
    expect(b.member(a.sessionId)).toMatchObject({ name: "West", x: feetAt(2, 5).x, y: feetAt(2, 5).y });
    const moved = await b.walk(-1, 0, 4);
    await waitFor(() => a.member(b.sessionId)?.x === moved.x, "west to follow east's steps");
  });
});
