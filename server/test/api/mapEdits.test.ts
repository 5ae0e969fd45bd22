import request from "supertest";
import { buildTestMap, feetAt } from "../../../shared/map/testMap";
import { importMap } from "../../../shared/map/parseMap";
import { readEdits } from "../../../shared/map/mapEdits";
import type { TiledMap } from "../../../shared/map/tiledTypes";
import { cookie, memberOf, startApi, type ApiHarness } from "./apiHarness";

/**
 * The editor's save (POST /api/spaces/:slug/maps/edits) on a real API and
 * database: who may save, which edits are refused (and that a refusal stores
 * nothing), and that a saved edit is an ordinary version the office can switch to.
 */

let h: ApiHarness;
let admin: { token: string };
let mapMaker: { token: string };
let member: { token: string };
let base: number;

const TILE = 32;
beforeAll(async () => {
  h = await startApi("api-map-edits");
  [admin, mapMaker, member] = [await memberOf(h, "default", "admin"), await memberOf(h, "default", "mapMaker"), await memberOf(h, "default", "member")];
  // A 12×9 office with a wall tile at (6,4), one desk and one spawn, as the editor's base.
  const tiled = buildTestMap({
    width: 12,
    height: 9,
    walls: [[6, 4]],
    zones: [{ name: "Old Room", type: "quiet", x: 0, y: 0, width: 4 * TILE, height: 3 * TILE }],
    desks: [{ id: "d1", kind: "focus", facing: "up", ...feetAt(2, 6) }],
    spawns: [feetAt(1, 1)],
  });
  const res = await request(h.app).post("/api/spaces/default/maps?name=Base").set("Cookie", cookie(admin.token)).send(tiled).expect(201);
  base = res.body.map.version;
});
afterAll(() => h.close());

const save = (token: string, body: object) => request(h.app).post("/api/spaces/default/maps/edits").set("Cookie", cookie(token)).send(body);
const versions = async () => (await h.t.repos.maps.list((await h.t.repos.spaces.findBySlug("default"))!._id)).length;
const meeting = { name: "Standup", kind: "meeting", x: 4 * TILE, y: 0, width: 4 * TILE, height: 4 * TILE };
const goodBody = () => ({ baseVersion: base, zones: [meeting], desks: [{ id: "d1", kind: "focus", facing: "up", ...feetAt(2, 6) }], spawns: [feetAt(1, 1)] });

describe("saving an edited map", () => {
  it("stores a map maker's edit as the next version with the base tiles, and it activates like an upload", async () => {
    const before = await versions();
    const res = await save(mapMaker.token, { ...goodBody(), name: "With standup" }).expect(201);
    expect(res.body.map).toMatchObject({ version: before + 1, name: "With standup", width: 12, height: 9, active: false });
    const stored = await request(h.app).get(`/api/spaces/default/maps/${res.body.map.version}`).set("Cookie", cookie(admin.token)).expect(200);
    const parsed = importMap(stored.body.tiled).map;
    expect(parsed.zones.map((z) => [z.name, z.type, z.bounds])).toEqual([["Standup", "meeting", { x: 128, y: 0, width: 128, height: 128 }]]);
    expect(parsed.desks).toEqual([{ id: "d1", kind: "focus", facing: "up", ...feetAt(2, 6) }]);
    // The tiles are the base version's: the wall is still there.
    const baseMap = await request(h.app).get(`/api/spaces/default/maps/${base}`).set("Cookie", cookie(admin.token)).expect(200);
    expect(Array.from(parsed.walls)).toEqual(Array.from(importMap(baseMap.body.tiled).map.walls));
    // What the editor reads back is what it sent.
    expect(readEdits(stored.body.tiled as TiledMap)).toMatchObject({ zones: [meeting], spawns: [feetAt(1, 1)] });
    // A map maker may activate it too (but not moderate: see roles).
    await request(h.app).put("/api/spaces/default/active-map").set("Cookie", cookie(mapMaker.token)).send({ version: res.body.map.version }).expect(200);
    expect((await h.t.repos.spaces.findBySlug("default"))?.activeMapVersion).toBe(res.body.map.version);
    const audit = await request(h.app).get("/api/spaces/default/audit").set("Cookie", cookie(admin.token)).expect(200);
    expect(audit.body.entries.slice(0, 2)).toMatchObject([{ action: "map.activate" }, { action: "map.edit", target: "With standup", detail: expect.stringMatching(/from version \d+ in the editor \(1 zones, 1 desks, 1 spawns, 0 painted blocked tiles; was 1, 1, 1, 0\)/) }]);
  });

  it("paints and clears blocked tiles of the collision layer; the wall tile stays blocked", async () => {
    const cell = (tx: number, ty: number) => ty * 12 + tx;
    const res = await save(admin.token, { ...goodBody(), painted: [cell(9, 1), cell(10, 1)] }).expect(201);
    const stored = await request(h.app).get(`/api/spaces/default/maps/${res.body.map.version}`).set("Cookie", cookie(admin.token)).expect(200);
    const { collision } = importMap(stored.body.tiled).map;
    expect([collision[cell(9, 1)], collision[cell(10, 1)], collision[cell(6, 4)], collision[cell(8, 1)]]).toEqual([1, 1, 1, 0]);
    expect(readEdits(stored.body.tiled as TiledMap).painted).toEqual([cell(9, 1), cell(10, 1)]);
    // Painting none clears them again.
    const cleared = await save(admin.token, { ...goodBody(), baseVersion: res.body.map.version, painted: [] }).expect(201);
    const again = await request(h.app).get(`/api/spaces/default/maps/${cleared.body.map.version}`).set("Cookie", cookie(admin.token)).expect(200);
    expect(importMap(again.body.tiled).map.collision[cell(9, 1)]).toBe(0);
  });

  it("refuses members (403) and anonymous callers (401), storing nothing", async () => {
    const before = await versions();
    expect((await save(member.token, goodBody()).expect(403)).body.error).toMatch(/requires the mapMaker role/);
    await request(h.app).post("/api/spaces/default/maps/edits").send(goodBody()).expect(401);
    await request(h.app).put("/api/spaces/default/active-map").set("Cookie", cookie(member.token)).send({ version: base }).expect(403);
    expect(await versions()).toBe(before);
  });

  it("gives a map maker no moderation rights", async () => {
    const res = await request(h.app).get("/api/spaces/default/members").set("Cookie", cookie(mapMaker.token)).expect(200);
    const someone = res.body.members.find((m: { role: string }) => m.role === "member");
    await request(h.app).post(`/api/spaces/default/members/${someone.id}/kick`).set("Cookie", cookie(mapMaker.token)).send({}).expect(403);
    await request(h.app).put(`/api/spaces/default/members/${someone.id}/role`).set("Cookie", cookie(mapMaker.token)).send({ role: "guest" }).expect(403);
  });

  it.each([
    ["a zone outside the map", { zones: [{ ...meeting, x: 10 * TILE }] }, /zone 0 "Standup": must lie inside the map \(0,0\)–\(384,288\) px/],
    ["a desk on a wall", { desks: [{ id: "d1", kind: "focus", facing: "up", ...feetAt(6, 4) }] }, /desks object 0 .*"d1".*not walkable: tile \(6,4\) is blocked/],
    ["a spawn off the map", { spawns: [{ x: 2000, y: 10 }] }, /spawns object 0 .*not walkable: outside the map/],
    ["two desks with one id", { desks: [{ id: "d1", kind: "focus", facing: "up", ...feetAt(2, 6) }, { id: "d1", kind: "assignable", facing: "down", ...feetAt(3, 6) }] }, /duplicate desk id "d1"/],
    ["a blocked tile painted under the spawn", { painted: [1 * 12 + 1] }, /spawns object 0 .*not walkable: tile \(1,1\) is blocked/],
    ["painting beyond the map", { painted: [12 * 9] }, /1 painted collision cell\(s\) lie outside the map's 108 cells/],
    ["a platform on a meeting zone", { zones: [{ ...meeting, platform: true }] }, /only a stage zone can have a platform/],
  ])("refuses %s with the reason (400 invalid map)", async (_what, change, reason) => {
    const before = await versions();
    const res = await save(admin.token, { ...goodBody(), ...change }).expect(400);
    expect(res.body.error).toBe("invalid map");
    expect(res.body.details.problems).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
    expect(await versions()).toBe(before);
  });

  it.each([
    ["an unknown zone kind", { zones: [{ ...meeting, kind: "party" }] }, "zones.0.kind", /must be one of meeting, stage, quiet, private/],
    ["a zone without a name", { zones: [{ ...meeting, name: "  " }] }, "zones.0.name", /must not be empty/],
    ["no spawn point", { spawns: [] }, "spawns", /at least one spawn point/],
    ["a zone of no size", { zones: [{ ...meeting, width: 0 }] }, "zones.0.width", /more than 0/],
    ["an unknown field", { extra: 1 }, "", /extra/],
  ])("refuses %s as an invalid request body", async (_what, change, path, message) => {
    const before = await versions();
    const res = await save(admin.token, { ...goodBody(), ...change }).expect(400);
    expect(res.body.error).toBe("invalid request body");
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]));
    expect(await versions()).toBe(before);
  });

  it("answers an unknown base version with 404", async () => {
    expect((await save(admin.token, { ...goodBody(), baseVersion: 99 }).expect(404)).body.error).toMatch(/no map version 99/);
  });
});
