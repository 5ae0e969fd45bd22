import express from "express";
import request from "supertest";
import { LAST_OWNER } from "../../../shared/admin/roleRules";
import { createApiRouter } from "../../http/api/createApiRouter";
import { cookie, memberOf, sessionFrom, signUp, startApi, type ApiHarness } from "./apiHarness";

/**
 * The last-owner guard under concurrency: two owners demoting (or removing)
 * each other at the same moment, many times over, through one server and
 * through two API routers on one database, as two server processes behind a
 * load balancer would be. Every round ends with one owner, one request
 * refused in the rules' words, and the refused one changing nothing.
 *
 * The changes take turns, and the second is judged as things stand after the
 * first: its sender is an admin now (or no longer in the space), or the one it
 * targets is the last owner.
 */
const REFUSALS = [LAST_OWNER, "an admin cannot change the role of an owner", "not a member of this space"];

jest.setTimeout(60_000);

let h: ApiHarness;
/** A second router on the same database: its own in-process queue, as another process has. */
let other: express.Express;
let ana: { token: string; id: string };
let ben: { token: string; id: string };

beforeAll(async () => {
  h = await startApi("api-last-owner-race");
  other = express();
  other.use("/api", createApiRouter(h.ctx));
  const founder = await signUp(h.app, "Ana");
  const created = await request(h.app).post("/api/spaces").set("Cookie", cookie(founder.token)).send({ slug: "duo", name: "Duo" }).expect(201);
  ana = { token: sessionFrom(created)!, id: founder.id };
  ben = await memberOf(h, "duo", "owner", "Ben");
});
afterAll(() => h.close());

type Change = (app: express.Express, actor: { token: string }, target: { id: string }) => request.Test;
const demote: Change = (app, actor, target) => request(app).put(`/api/spaces/duo/members/${target.id}/role`).set("Cookie", cookie(actor.token)).send({ role: "admin" });
const remove: Change = (app, actor, target) => request(app).delete(`/api/spaces/duo/members/${target.id}`).set("Cookie", cookie(actor.token)).send({});

async function roles(): Promise<Record<string, string>> {
  const space = (await h.t.repos.spaces.findBySlug("duo"))!;
  return Object.fromEntries((await h.t.repos.members.listBySpace(space._id)).map((m) => [m.displayName, m.role]));
}

async function auditCount(): Promise<number> {
  const space = (await h.t.repos.spaces.findBySlug("duo"))!;
  return (await h.t.repos.audit.list(space._id, 1000)).length;
}

/** Both owners again, whoever is left: the remaining owner makes (or re-adds) the other one owner. */
async function bothOwnersAgain(): Promise<void> {
  const now = await roles();
  const [left, gone] = now.Ana === "owner" ? [ana, ben] : [ben, ana];
  const space = (await h.t.repos.spaces.findBySlug("duo"))!;
  const record = (await h.t.repos.members.findById(gone.id))!;
  if (!record.memberships.some((m) => m.space.equals(space._id))) await h.t.repos.members.addMembership(record._id, space._id, "admin");
  await request(h.app).put(`/api/spaces/duo/members/${gone.id}/role`).set("Cookie", cookie(left.token)).send({ role: "owner" }).expect(200);
  expect(await roles()).toEqual({ Ana: "owner", Ben: "owner" });
}

async function race(first: [express.Express, Change], second: [express.Express, Change]): Promise<void> {
  const auditBefore = await auditCount();
  const [a, b] = await Promise.all([first[1](first[0], ana, ben), second[1](second[0], ben, ana)]);
  // Exactly one wins; the other is refused, in the rules' words.
  expect([a.status, b.status].filter((s) => s === 403)).toHaveLength(1);
  const refusal = a.status === 403 ? a : b;
  expect(REFUSALS).toContain(refusal.body.error);
  expect([a, b].find((r) => r !== refusal)!.status).toBeLessThan(300);
  // The database after: one owner, the refused side's target untouched, one audit entry (the winner's).
  const after = await roles();
  expect(Object.values(after).filter((r) => r === "owner")).toHaveLength(1);
  expect(after[refusal === a ? "Ben" : "Ana"]).toBe("owner");
  expect(await auditCount()).toBe(auditBefore + 1);
}

const ROUNDS = 8;

test("two owners demoting each other at once, through one server: one owner is always left", async () => {
  for (let i = 0; i < ROUNDS; i++) {
    await race([h.app, demote], [h.app, demote]);
    await bothOwnersAgain();
  }
});

test("two owners demoting each other at once, through two server processes on one database: one owner is always left", async () => {
  for (let i = 0; i < ROUNDS; i++) {
    await race([h.app, demote], [other, demote]);
    await bothOwnersAgain();
  }
});

test("one owner removing the other while being demoted by them, through two processes: one owner is always left", async () => {
  for (let i = 0; i < ROUNDS; i++) {
    await race(i % 2 ? [h.app, remove] : [other, remove], i % 2 ? [other, demote] : [h.app, demote]);
    await bothOwnersAgain();
  }
});
