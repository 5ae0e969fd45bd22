import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { PROTOCOL_VERSION } from "../../shared/protocol/names";
import { startTestServer, type TestServer } from "./harness";

let server: TestServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "deskmap-http-"));
  await mkdir(path.join(dir, "client"));
  await mkdir(path.join(dir, "assets/avatars"), { recursive: true });
  await writeFile(path.join(dir, "client/index.html"), "<!doctype html><title>Deskmap</title>");
  await writeFile(path.join(dir, "client/main-AB12CD34.js"), "console.log('hi')");
  await writeFile(path.join(dir, "assets/avatars/ada.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  server = await startTestServer({
    config: { clientDir: path.join(dir, "client"), assetsDir: path.join(dir, "assets") },
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("HTTP", () => {
  test("GET /api/health", async () => {
    const res = await request(server.url).get("/api/health").expect(200);
    expect(res.body).toEqual({ ok: true, protocol: PROTOCOL_VERSION });
  });

  test("GET /api/spaces/default/map serves the space's Tiled JSON", async () => {
    const res = await request(server.url).get("/api/spaces/default/map").expect(200).expect("Content-Type", /json/);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(server.tiled)));
    expect(res.headers.etag).toBeDefined();
    await request(server.url).get("/api/spaces/default/map").set("If-None-Match", res.headers.etag).expect(304);
  });

  test("a bad space slug is a JSON 404", async () => {
    const res = await request(server.url).get("/api/spaces/NOT%20A%20SLUG/map").expect(404);
    expect(res.body.error).toMatch(/no office/);
  });

  test("unknown API routes answer JSON 404, not the client page", async () => {
    const res = await request(server.url).get("/api/nope").expect(404).expect("Content-Type", /json/);
    expect(res.body).toEqual({ error: "no API route for GET /api/nope" });
  });

  test("the client: index.html not cached, hashed bundles cached for good, page paths fall back to index", async () => {
    const index = await request(server.url).get("/").expect(200).expect("Content-Type", /html/);
    expect(index.headers["cache-control"]).toBe("no-cache");
    expect(index.text).toContain("<title>Deskmap</title>");
    const bundle = await request(server.url).get("/main-AB12CD34.js").expect(200);
    expect(bundle.headers["cache-control"]).toContain("immutable");
    await request(server.url).get("/s/default").expect(200).expect("Content-Type", /html/);
    await request(server.url).get("/missing-file.js").expect(404);
  });

  test("/assets serves the art", async () => {
    const res = await request(server.url).get("/assets/avatars/ada.png").expect(200).expect("Content-Type", "image/png");
    expect(res.body).toBeDefined();
    await request(server.url).get("/assets/avatars/nobody.png").expect(404);
  });
});
