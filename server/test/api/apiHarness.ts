import express, { type Express } from "express";
import request from "supertest";
import { parseMap } from "../../../shared/map/parseMap";
import { buildTestMap } from "../../../shared/map/testMap";
import { defaultApiLimits } from "../../auth/apiLimits";
import { AttemptLimiter } from "../../auth/AttemptLimiter";
import { Sessions } from "../../auth/Sessions";
import { SESSION_COOKIE } from "../../auth/sessionCookie";
import { openTestDatabase, type TestDatabase } from "../../db/repositories/testDatabase";
import { seedDatabase, type TiledWithModel } from "../../db/seed";
import type { ApiContext } from "../../http/api/ApiContext";
import { createApiRouter } from "../../http/api/createApiRouter";

/**
 * A real express app with the real API router on a real database (the
 * embedded store, or MONGODB_URI), seeded with a small default space.
 */
export interface ApiHarness {
  t: TestDatabase;
  ctx: ApiContext;
  app: Express;
  close(): Promise<void>;
}

export const TEST_SECRET = "test-secret-".padEnd(48, "x");

export function fixtureMap(width = 10, height = 8): TiledWithModel {
  const tiled = buildTestMap({ width, height }) as unknown as Record<string, unknown>;
  return { tiled, map: parseMap(tiled) };
}

/**
 * `firstOwner`: seed the default space waiting for its first owner, as a fresh
 * install does. Off by default, so a suite's first sign-up is an ordinary account.
 */
export async function startApi(label: string, overrides: Partial<ApiContext> = {}, options: { firstOwner?: boolean } = {}): Promise<ApiHarness> {
  const t = await openTestDatabase(label);
  await seedDatabase(t.repos, async () => fixtureMap(), { needsOwner: options.firstOwner ?? false });
  const errors: unknown[] = [];
  const ctx: ApiContext = {
    repos: t.repos,
    sessions: new Sessions(t.repos, TEST_SECRET, { idleSeconds: 3600, maxSeconds: 24 * 3600 }),
    deviceSecret: TEST_SECRET,
    cookieSecure: false,
    allowSignup: true,
    maxMapBytes: 256 * 1024,
    defaultMap: async () => fixtureMap(),
    log: (_message, err) => errors.push(err),
    // Every request of a test file comes from one address: sign-ups are not what these tests limit.
    limits: { ...defaultApiLimits(), signupByAddress: new AttemptLimiter(100_000, 60_000) },
    // The default (OWASP) cost takes about a second per hash on a shared 2-core machine; auth.test.ts checks it.
    passwordParams: { N: 2 ** 12, r: 8, p: 1 },
    ...overrides,
  };
  const app = express();
  app.use("/api", createApiRouter(ctx));
  return {
    t,
    ctx,
    app,
    async close() {
      await t.destroy();
      // An unexpected 500 in any test is a failure even if the test did not look at it.
      if (errors.length > 0) throw new Error(`API logged ${errors.length} internal error(s): ${String(errors[0])}`);
    },
  };
}

/** The session token a response set, or undefined. */
export function sessionFrom(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  const mine = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  const value = mine?.split(";")[0].slice(SESSION_COOKIE.length + 1);
  return value ? decodeURIComponent(value) : undefined;
}

export const cookie = (token: string) => `${SESSION_COOKIE}=${encodeURIComponent(token)}`;

let counter = 0;
/** Signs up a fresh account; returns its session token and id. */
export async function signUp(app: Express, name = "Ada"): Promise<{ token: string; id: string; email: string }> {
  const email = `user${++counter}-${Date.now()}@example.com`;
  await request(app).post("/api/auth/signup").send({ email, password: "long enough password", displayName: name, avatar: "ada" }).expect(202);
  const res = await request(app).post("/api/auth/signin").send({ email, password: "long enough password" }).expect(200);
  return { token: sessionFrom(res)!, id: res.body.member.id, email };
}

/** Signs up an account and makes it a member (or the given role) of a space. */
export async function memberOf(h: ApiHarness, slug: string, role: "owner" | "admin" | "mapMaker" | "member" | "guest" = "member", name?: string) {
  const user = await signUp(h.app, name);
  const space = await h.t.repos.spaces.findBySlug(slug);
  const member = await h.t.repos.members.findById(user.id);
  await h.t.repos.members.addMembership(member!._id, space!._id, role);
  const res = await request(h.app).post(`/api/spaces/${slug}/join`).set("Cookie", cookie(user.token)).send({}).expect(200);
  return { ...user, token: sessionFrom(res)! };
}
