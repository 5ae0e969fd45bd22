import express from "express";
import request from "supertest";
import { defaultApiLimits } from "../../auth/apiLimits";
import { createApiRouter } from "../../http/api/createApiRouter";
import { signUp, startApi, type ApiHarness } from "./apiHarness";

/**
 * Sign-in guessing (issue 15): attempts are counted before any password is
 * hashed, per client address and per email separately. Each app here trusts
 * X-Forwarded-For so one test can speak from several addresses.
 */
let h: ApiHarness;
beforeAll(async () => {
  h = await startApi("api-signin-limits");
});
afterAll(() => h.close());

function freshApp() {
  const app = express();
  app.set("trust proxy", true);
  app.use("/api", createApiRouter({ ...h.ctx, limits: defaultApiLimits() }));
  return app;
}

const guess = (app: express.Express, email: string, from: string, password = "not the password") =>
  request(app).post("/api/auth/signin").set("X-Forwarded-For", from).send({ email, password });

it("200 parallel guesses at one account get 10 password checks; the rest are refused before hashing", async () => {
  const app = freshApp();
  const { email } = await signUp(h.app);
  const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => guess(app, email, `10.0.0.${i % 250}`)));
  const statuses = answers.map((r) => r.status);
  expect(statuses.filter((s) => s === 401)).toHaveLength(10);
  expect(statuses.filter((s) => s === 429)).toHaveLength(190);
  const refused = answers.find((r) => r.status === 429)!;
  expect(refused.body.error).toMatch(/too many sign-in attempts for this email; try again in \d+ s/);
  expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
});

it("one address guessing at many accounts is stopped after 50 failures, whatever the emails", async () => {
  const app = freshApp();
  const accounts = await Promise.all(Array.from({ length: 15 }, () => signUp(h.app)));
  const statuses: number[] = [];
  // 4 guesses per account stays under the per-email limit: only the address limit can stop this.
  for (let round = 0; round < 4; round++) {
    for (const { email } of accounts) statuses.push((await guess(app, email, "203.0.113.9")).status);
  }
  expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(50).every((s) => s === 429)).toBe(true);
  const refused = await guess(app, accounts[0]!.email, "203.0.113.9", "long enough password");
  expect([refused.status, refused.body.error]).toEqual([429, expect.stringMatching(/from this address/)]);
  // Another address signs in to the same account at once: the address, not the account, was limited.
  await guess(app, accounts[0]!.email, "198.51.100.7", "long enough password").expect(200);
});

it("an email guessed at from many addresses locks for every address, its owner's included", async () => {
  const app = freshApp();
  const { email } = await signUp(h.app);
  for (let i = 0; i < 10; i++) await guess(app, email, `192.0.2.${i}`).expect(401);
  const owner = await guess(app, email, "198.51.100.1", "long enough password").expect(429);
  expect(owner.body.error).toMatch(/for this email/);
});

it("a successful sign-in does not count against its address", async () => {
  const app = freshApp();
  const accounts = await Promise.all(Array.from({ length: 3 }, () => signUp(h.app)));
  for (let i = 0; i < 60; i++) {
    await guess(app, accounts[i % 3]!.email, "203.0.113.50", "long enough password").expect(200);
  }
});
