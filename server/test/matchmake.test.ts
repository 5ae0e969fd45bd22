import http from "node:http";
import { startTestServer, type TestServer } from "./harness";

/**
 * The match-maker's HTTP route (/matchmake), which colyseus.js posts join
 * options to: the same Origin rule as /api, and a bounded body (issue 15).
 */
let server: TestServer;
const ALLOWED = "https://intranet.example";

beforeAll(async () => {
  server = await startTestServer({ config: { corsOrigins: [ALLOWED] } });
});
afterAll(() => server.close());

const route = "/matchmake/joinOrCreate/office";

function call(method: string, headers: Record<string, string>, body?: string) {
  return fetch(`${server.url}${route}`, { method, headers, body });
}

test("colyseus.js still joins through it", async () => {
  const client = await server.join({ name: "Through" });
  expect(client.me().name).toBe("Through");
});

test("CORS: no permission for an unlisted origin (another port of the same host included), credentials for a listed one", async () => {
  const otherPort = `http://127.0.0.1:${server.port + 1}`;
  for (const origin of ["https://evil.example", otherPort]) {
    const preflight = await call("OPTIONS", { origin, "access-control-request-method": "POST" });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
  }
  const listed = await call("OPTIONS", { origin: ALLOWED, "access-control-request-method": "POST" });
  expect(listed.status).toBe(204);
  expect(listed.headers.get("access-control-allow-origin")).toBe(ALLOWED);
  expect(listed.headers.get("access-control-allow-credentials")).toBe("true");
});

test("a browser request from an untrusted page is refused (403) before any room hears of it", async () => {
  const res = await call("POST", { origin: `http://127.0.0.1:${server.port + 1}`, "content-type": "application/json", cookie: "deskmap_session=x" }, JSON.stringify({ name: "Evil", avatar: "ada" }));
  expect(res.status).toBe(403);
  expect(await res.json()).toEqual({ error: "cross-origin request refused" });
  const sameSite = await call("POST", { "sec-fetch-site": "same-site", "content-type": "application/json" }, "{}");
  expect(sameSite.status).toBe(403);
});

test("malformed, too deep and non-object bodies get a clear 400", async () => {
  const bad = await call("POST", { "content-type": "application/json" }, "{nope");
  expect([bad.status, await bad.json()]).toEqual([400, { error: "malformed JSON body" }]);
  const deep = await call("POST", { "content-type": "application/json" }, "[".repeat(50) + "]".repeat(50));
  expect([deep.status, (await deep.json()).error]).toEqual([400, expect.stringMatching(/nests deeper/)]);
  const list = await call("POST", { "content-type": "application/json" }, "[1,2]");
  expect([list.status, (await list.json()).error]).toEqual([400, "join options must be a JSON object"]);
});

test("a body declared larger than 16 KiB is refused with 413 before it is read", async () => {
  const { status, body, written } = await stream({ "content-length": String(400 * 1024 * 1024) }, 4 * 1024 * 1024);
  expect(status).toBe(413);
  expect(JSON.parse(body)).toEqual({ error: "request body is too large (at most 16384 bytes)" });
  expect(written).toBeLessThan(4 * 1024 * 1024);
});

test("a chunked body that grows past 16 KiB is cut off with 413, the connection closed, the memory not taken", async () => {
  global.gc?.();
  const before = process.memoryUsage().rss;
  const { status, body, written, closedEarly } = await stream({ "transfer-encoding": "chunked" }, 64 * 1024 * 1024);
  expect(status).toBe(413);
  expect(JSON.parse(body).error).toMatch(/too large/);
  // The server stopped reading: the client could not push more than the sockets' buffers hold.
  expect(closedEarly).toBe(true);
  expect(written).toBeLessThan(16 * 1024 * 1024);
  expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
});

/**
 * Posts `total` bytes of JSON-looking filler in 64 KiB writes, stopping as soon as
 * the server answers or closes; reports the answer and how much was written.
 */
function stream(headers: Record<string, string>, total: number): Promise<{ status: number; body: string; written: number; closedEarly: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${route}`, { method: "POST", headers: { "content-type": "application/json", ...headers } });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    let answered = false;
    let closedEarly = false;
    req.on("response", (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString(), written, closedEarly: closedEarly || written < total }));
      res.on("error", reject);
    });
    req.on("error", (err: NodeJS.ErrnoException) => {
      // The server closing mid-upload: fine once it has answered.
      closedEarly = true;
      if (!answered && err.code !== "EPIPE" && err.code !== "ECONNRESET") reject(err);
    });
    req.write("{");
    const pump = () => {
      while (!answered && !closedEarly && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered && !closedEarly) req.end("}");
    };
    pump();
  });
}
