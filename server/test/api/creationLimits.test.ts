import express from "express";
import request from "supertest";
import { defaultApiLimits } from "../../auth/apiLimits";
import { createApiRouter } from "../../http/api/createApiRouter";
import { cookie, signUp, startApi, type ApiHarness } from "./apiHarness";

/** Guest and space creation are rate-limited, with a clear 429 and Retry-After (issue 15). */
let h: ApiHarness;
beforeAll(async () => {
  h = await startApi("api-creation-limits");
});
afterAll(() => h.close());

function freshApp() {
  const app = express();
  app.set("trust proxy", true);
  app.use("/api", createApiRouter({ ...h.ctx, limits: defaultApiLimits() }));
  return app;
}

it("one address gets 60 guests per 10 minutes, then a 429 saying when to come back; other addresses still enter", async () => {
  const app = freshApp();
  const enter = (from: string) =>
    request(app).post("/api/auth/guest").set("X-Forwarded-For", from).send({ space: "default", displayName: "Flood", avatar: "bo" });
  const statuses: number[] = [];
  for (let i = 0; i < 60; i++) statuses.push((await enter("203.0.113.5")).status);
  expect(statuses.every((s) => s === 201)).toBe(true);
  const refused = await enter("203.0.113.5").expect(429);
  expect(refused.body.error).toMatch(/^too many guests from this address; try again in \d+ s$/);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(500);
  await enter("198.51.100.5").expect(201);
  expect(await h.t.repos.members.listBySpace((await h.t.repos.spaces.findBySlug("default"))!._id)).toHaveLength(61);
});

it("one account creates 10 spaces an hour, then gets a 429; nothing is created past the limit", async () => {
  const app = freshApp();
  const { token } = await signUp(h.app, "Builder");
  for (let i = 0; i < 10; i++) {
    await request(app).post("/api/spaces").set("Cookie", cookie(token)).set("X-Forwarded-For", `192.0.2.${i}`).send({ slug: `built-${i}`, name: `Built ${i}` }).expect(201);
  }
  const refused = await request(app).post("/api/spaces").set("Cookie", cookie(token)).set("X-Forwarded-For", "192.0.2.99").send({ slug: "built-10", name: "One more" }).expect(429);
  expect(refused.body.error).toMatch(/^too many new spaces from this account; try again in \d+ s$/);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  expect(await h.t.repos.spaces.findBySlug("built-10")).toBeNull();
});

it("one address creating spaces through many accounts is stopped at 30 an hour", async () => {
  const app = freshApp();
  const statuses: number[] = [];
  for (let a = 0; a < 4; a++) {
    const { token } = await signUp(h.app, `Sock ${a}`);
    for (let i = 0; i < 9; i++) {
      statuses.push((await request(app).post("/api/spaces").set("Cookie", cookie(token)).set("X-Forwarded-For", "203.0.113.77").send({ slug: `sock-${a}-${i}`, name: "Sock" })).status);
    }
  }
  expect(statuses.filter((s) => s === 201)).toHaveLength(30);
  expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
});
