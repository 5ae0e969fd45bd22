import express from "express";
import request from "supertest";
import { loadConfig } from "../config";
import { GuestIdentity } from "../identity/GuestIdentity";
import { createLogger } from "../log";
import { createApp } from "./createApp";
import { clientAddress } from "./middleware/clientAddress";

/** The address rate limits count by: the socket's, or the client's as a trusted proxy names it (TRUST_PROXY). */
function appTrusting(trustProxy: boolean | number | string) {
  const apiRouter = express.Router();
  apiRouter.get("/whoami", (req, res) => res.json({ address: clientAddress(req) }));
  return createApp(
    { clientDir: "/nonexistent", assetsDir: "/nonexistent", trustProxy },
    { maps: { activeMap: async () => null }, identity: new GuestIdentity(), apiRouter },
    createLogger("error"),
  );
}

test("X-Forwarded-For is ignored unless the proxy is trusted", async () => {
  const spoofed = await request(appTrusting(false)).get("/api/whoami").set("X-Forwarded-For", "203.0.113.9").expect(200);
  expect(spoofed.body.address).toMatch(/127\.0\.0\.1|::1/);
  const proxied = await request(appTrusting("loopback")).get("/api/whoami").set("X-Forwarded-For", "203.0.113.9").expect(200);
  expect(proxied.body.address).toBe("203.0.113.9");
});

test("TRUST_PROXY reads as express's trust proxy setting, and a bad value stops start-up", () => {
  const read = (v: string) => loadConfig({ TRUST_PROXY: v }).trustProxy;
  expect([read(""), read("true"), read("false"), read("1"), read("loopback, 10.0.0.0/8")]).toEqual([false, true, false, 1, "loopback, 10.0.0.0/8"]);
  expect(() => loadConfig({ TRUST_PROXY: "<script>" })).toThrow(/TRUST_PROXY/);
});
