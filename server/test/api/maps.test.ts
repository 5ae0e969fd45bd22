import request from "supertest";
import { buildTestMap } from "../../../shared/map/testMap";
import { importMap } from "../../../shared/map/parseMap";
import { cookie, memberOf, startApi, type ApiHarness } from "./apiHarness";

let h: ApiHarness;
let admin: { token: string };
beforeAll(async () => {
  h = await startApi("api-maps", { maxMapBytes: 64 * 1024 });
  admin = await memberOf(h, "default", "admin");
});
afterAll(() => h.close());

const upload = (token: string, body: unknown, query = "") =>
  request(h.app).post(`/api/spaces/default/maps${query}`).set("Cookie", cookie(token)).send(body as object);

describe("map versions", () => {
  it("stores a valid upload as the next version, lists it, serves it, and activates it on request", async () => {
    const tiled = buildTestMap({ width: 12, height: 9 });
    const res = await upload(admin.token, tiled, "?name=Bigger").expect(201);
    expect(res.body.map).toMatchObject({ version: 2, name: "Bigger", width: 12, height: 9, active: false });
    const list = await request(h.app).get("/api/spaces/default/maps").set("Cookie", cookie(admin.token)).expect(200);
    expect(list.body.maps.map((m: { version: number; active: boolean }) => [m.version, m.active])).toEqual([[1, true], [2, false]]);
    const got = await request(h.app).get("/api/spaces/default/maps/2").set("Cookie", cookie(admin.token)).expect(200);
    // What is kept is the normalised map (only the fields Deskmap reads), which parses to the same model.
    expect(got.body.tiled).toEqual(JSON.parse(JSON.stringify(importMap(tiled).tiled)));
    await request(h.app).get("/api/spaces/default/maps/9").set("Cookie", cookie(admin.token)).expect(404);
    await request(h.app).get("/api/spaces/default/maps/zero").set("Cookie", cookie(admin.token)).expect(400);

    const act = await request(h.app).put("/api/spaces/default/active-map").set("Cookie", cookie(admin.token)).send({ version: 2 }).expect(200);
    expect(act.body.map).toMatchObject({ version: 2, active: true });
    expect((await h.t.repos.spaces.findBySlug("default"))?.activeMapVersion).toBe(2);
    await request(h.app).put("/api/spaces/default/active-map").set("Cookie", cookie(admin.token)).send({ version: 7 }).expect(404);
    await request(h.app).put("/api/spaces/default/active-map").set("Cookie", cookie(admin.token)).send({ version: 1, force: true }).expect(400);
  });

  it("answers an invalid map with 400 and every problem parseMap found", async () => {
    const broken = buildTestMap({ width: 8, height: 8 }) as unknown as Record<string, unknown>;
    broken.orientation = "isometric";
    (broken.layers as { name: string; data?: number[] }[]).find((l) => l.name === "walls")!.data![0] = 99;
    const res = await upload(admin.token, broken).expect(400);
    expect(res.body.error).toBe("invalid map");
    expect(res.body.details.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/orientation/), expect.stringMatching(/layer "walls": cell \(0,0\) has tile id 99/)]),
    );
    expect(res.body.details.more).toBe(0);
    const notMap = await upload(admin.token, [1, 2, 3]).expect(400);
    expect(notMap.body.details.problems[0]).toMatch(/map must be a JSON object, found an array/);
  });

  it("keeps no field it does not know (operators, reserved keys), and refuses absurd nesting before parsing", async () => {
    const hostile = { ...buildTestMap({ width: 8, height: 8 }), extra: { $where: "sleep(1000)" }, constructor: "x" };
    const res = await upload(admin.token, hostile).expect(201);
    const stored = await h.t.repos.maps.get((await h.t.repos.spaces.findBySlug("default"))!._id, res.body.map.version);
    expect(Object.keys(stored!.tiled)).not.toEqual(expect.arrayContaining(["extra"]));
    expect(Object.prototype.hasOwnProperty.call(stored!.tiled, "constructor")).toBe(false);
    const deep = `{"type":"map","deep":${"[".repeat(30_000)}${"]".repeat(30_000)}}`;
    const refused = await request(h.app).post("/api/spaces/default/maps").set("Cookie", cookie(admin.token)).set("Content-Type", "application/json").send(deep).expect(400);
    expect(refused.body.details.problems).toEqual([expect.stringMatching(/nests arrays and objects more than 32 levels deep/)]);
  });

  it("answers an upload over the size limit with 413", async () => {
    const huge = { ...buildTestMap({ width: 8, height: 8 }), padding: "x".repeat(80 * 1024) };
    expect((await upload(admin.token, huge).expect(413)).body.error).toMatch(/larger than 65536 bytes/);
  });

  it("accepts an upload larger than ordinary bodies but within the map limit", async () => {
    const big = buildTestMap({ width: 70, height: 70 }); // ~40 KB of layer data, above the 32 KB ordinary limit
    expect(JSON.stringify(big).length).toBeGreaterThan(32 * 1024);
    await upload(admin.token, big).expect(201);
  });

  it("refuses uploads and activation by members (403) and by anonymous callers (401)", async () => {
    const member = await memberOf(h, "default", "member");
    await upload(member.token, buildTestMap({ width: 8, height: 8 })).expect(403);
    await request(h.app).put("/api/spaces/default/active-map").set("Cookie", cookie(member.token)).send({ version: 1 }).expect(403);
    await request(h.app).post("/api/spaces/default/maps").send(buildTestMap({ width: 8, height: 8 })).expect(401);
    // Members may still read the versions.
    await request(h.app).get("/api/spaces/default/maps").set("Cookie", cookie(member.token)).expect(200);
  });
});
