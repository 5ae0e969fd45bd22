import os from "node:os";
import path from "node:path";
import request from "supertest";
import { startTestServer, type TestServer } from "./harness";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ config: { clientDir: path.join(os.tmpdir(), "deskmap-no-such-client-dir") } });
});

afterAll(async () => {
  await server.close();
});

test("without dist/client, / answers 503 saying to run the build, and the API still works", async () => {
  const res = await request(server.url).get("/").expect(503);
  expect(res.text).toMatch(/npm run build/);
  await request(server.url).get("/api/health").expect(200);
});

test("the server restarts in the same process after close()", async () => {
  await server.close();
  server = await startTestServer();
  await request(server.url).get("/api/health").expect(200);
  const c = await server.join({ name: "Again" });
  expect(c.me().name).toBe("Again");
});
