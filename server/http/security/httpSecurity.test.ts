import express from "express";
import request from "supertest";
import { createLogger } from "../../log";
import { GuestIdentity } from "../../identity/GuestIdentity";
import { createApp } from "../createApp";

/** The real app with a tiny API router behind the security middleware. */
function app(corsOrigins: string[] = []) {
  const apiRouter = express.Router();
  apiRouter.use(express.json({ limit: "1kb" }));
  apiRouter.post("/echo", (req, res) => res.json({ got: req.body }));
  apiRouter.get("/echo", (_req, res) => res.json({ ok: true }));
  return createApp(
    { clientDir: "/nonexistent", assetsDir: "/nonexistent", corsOrigins },
    { maps: { activeMap: async () => null }, identity: new GuestIdentity(), apiRouter },
    createLogger("error"),
  );
}

const COOKIE = "deskmap_session=abc";

describe("HTTP security", () => {
  test("sends a CSP with only this origin for scripts, no inline script, no framing", async () => {
    const res = await request(app()).get("/api/health");
    const csp = res.headers["content-security-policy"] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // No inline style, and connections only to this origin (the API and the room's WebSocket).
    expect(csp).toContain("style-src 'self';");
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  test("CORS: no permission for other origins by default, credentials for allowlisted ones", async () => {
    const denied = await request(app()).get("/api/echo").set("Origin", "https://evil.example");
    expect(denied.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await request(app(["https://intranet.example"]))
      .options("/api/echo")
      .set("Origin", "https://intranet.example")
      .set("Access-Control-Request-Method", "POST");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("https://intranet.example");
    expect(preflight.headers["access-control-allow-credentials"]).toBe("true");
    expect(preflight.headers["access-control-allow-headers"]).toContain("x-deskmap-csrf");
    const evilPreflight = await request(app(["https://intranet.example"]))
      .options("/api/echo")
      .set("Origin", "https://evil.example")
      .set("Access-Control-Request-Method", "POST");
    expect(evilPreflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  test("CSRF: a cross-site form post with the session cookie is refused", async () => {
    const res = await request(app())
      .post("/api/echo")
      .set("Cookie", COOKIE)
      .set("Origin", "https://evil.example")
      .set("Sec-Fetch-Site", "cross-site")
      .type("form")
      .send("a=1");
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/cross-origin/);
  });

  test("CSRF: a same-origin browser request needs the header when it carries the cookie", async () => {
    const a = app();
    const without = await request(a)
      .post("/api/echo")
      .set("Cookie", COOKIE)
      .set("Sec-Fetch-Site", "same-origin")
      .send({ a: 1 });
    expect(without.status).toBe(403);
    expect(without.body.error).toMatch(/x-deskmap-csrf/);
    const host = "127.0.0.1:9";
    const withHeader = await request(a)
      .post("/api/echo")
      .set("Host", host)
      .set("Origin", `http://${host}`)
      .set("Cookie", COOKIE)
      .set("Sec-Fetch-Site", "same-origin")
      .set("X-Deskmap-CSRF", "1")
      .send({ a: 1 });
    expect(withHeader.status).toBe(200);
    expect(withHeader.body).toEqual({ got: { a: 1 } });
  });

  test("CSRF: sign-in style posts without a cookie still need an acceptable origin", async () => {
    const a = app(["https://intranet.example"]);
    expect((await request(a).post("/api/echo").set("Origin", "https://evil.example").send({})).status).toBe(403);
    expect((await request(a).post("/api/echo").set("Origin", "null").send({})).status).toBe(403);
    expect((await request(a).post("/api/echo").set("Origin", "https://intranet.example").send({})).status).toBe(200);
    // Not a browser (no Origin, no Sec-Fetch-*): bots and curl pass.
    expect((await request(a).post("/api/echo").set("Cookie", COOKIE).send({})).status).toBe(200);
  });

  test("oversized JSON bodies are refused, not parsed", async () => {
    const res = await request(app()).post("/api/echo").send({ big: "x".repeat(5000) });
    expect(res.status).toBe(413);
  });
});
