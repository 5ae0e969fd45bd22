import request from "supertest";
import { zipSync } from "fflate";
import { PNG } from "pngjs";
import { importMap } from "../../../shared/map/parseMap";
import { isBlocked } from "../../../shared/map/grid";
import { zoneAt } from "../../../shared/map/zones";
import type { TiledMap } from "../../../shared/map/tiledTypes";
import { STUDIO_GID, STUDIO_MEETING, studioFiles } from "../../maps/fixtures/studioBundle";
import { cookie, memberOf, startApi, type ApiHarness } from "./apiHarness";

let h: ApiHarness;
let admin: { token: string };
beforeAll(async () => {
  h = await startApi("api-map-upload", { maxMapBundleBytes: 1024 * 1024 });
  admin = await memberOf(h, "default", "admin");
});
afterAll(() => h.close());
jest.setTimeout(60_000);

/** A multipart upload as a browser form sends it: the map in "map", every other file named by its path. */
function multipart(token: string, files: Record<string, Buffer>, mapPath = "studio.json", query = "") {
  let req = request(h.app).post(`/api/spaces/default/maps${query}`).set("Cookie", cookie(token));
  for (const [path, bytes] of Object.entries(files)) req = req.attach(path === mapPath ? "map" : "file", bytes, { filepath: path } as never);
  return req;
}

const keptMap = async (version: number): Promise<TiledMap> =>
  (await request(h.app).get(`/api/spaces/default/maps/${version}`).set("Cookie", cookie(admin.token)).expect(200)).body.tiled;

describe("uploading a map with its images", () => {
  it("multipart: stores the images by hash, points the map at them, lists warnings and links a preview", async () => {
    const files = studioFiles();
    const res = await multipart(admin.token, files, "studio.json", "?name=Studio").expect(201);
    expect(res.body.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/"openWebsite" has no meaning in Deskmap/)]));
    expect(res.body.moreWarnings).toBe(0);
    const preview: string = res.body.map.preview;
    expect(preview).toMatch(/^\/api\/map-assets\/[0-9a-f]{64}\.png$/);

    const tiled = await keptMap(res.body.map.version);
    const [studio, props] = tiled.tilesets;
    expect(studio.image).toMatch(/^\/api\/map-assets\/[0-9a-f]{64}\.png$/);
    expect(props).toMatchObject({ name: "props", tileoffset: { x: 0, y: -8 } });
    const asset = await request(h.app).get(studio.image).expect(200);
    expect(asset.headers["content-type"]).toBe("image/png");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Buffer.compare(asset.body as Buffer, files["tiles/studio.png"])).toBe(0);
    await request(h.app).get(studio.image).set("If-None-Match", asset.headers.etag).expect(304);
    await request(h.app).get(`/api/map-assets/${"0".repeat(64)}.png`).expect(404);

    // The preview is the whole map drawn small: 640 x 448 px, the meeting rug's colour where the rug is.
    const png = PNG.sync.read((await request(h.app).get(preview).expect(200)).body as Buffer);
    expect([png.width, png.height]).toEqual([640, 448]);
    const at = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];
    expect(at(12 * 32 + 16 + 16, 3 * 32 + 16)).toEqual([150, 40, 60]);

    // The kept map parses to the model Deskmap runs: the chair blocks, the area is a meeting.
    const { map } = importMap(tiled);
    expect(isBlocked(map, 14, 9)).toBe(true);
    expect(zoneAt(map, STUDIO_MEETING.x + 5, STUDIO_MEETING.y + 5)).toMatchObject({ type: "meeting", name: "Standup" });
  });

  it("a .zip of the folder Tiled saved, in a subfolder, works the same", async () => {
    const files = studioFiles();
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([p, b]) => [`studio/${p}`, new Uint8Array(b)])));
    const res = await request(h.app).post("/api/spaces/default/maps").set("Cookie", cookie(admin.token)).set("Content-Type", "application/zip").send(Buffer.from(zip)).expect(201);
    const tiled = await keptMap(res.body.map.version);
    expect(tiled.layers.map((l) => l.name)).toEqual(["floor", "rug", "walls", "pond", "decor", "start", "floorLayer", "canopy"]);
    // Same bytes, same asset: the image is kept once.
    const first = await keptMap(res.body.map.version - 1);
    expect(tiled.tilesets[0].image).toBe(first.tilesets[0].image);
  });

  it("refuses a map whose images are missing, are not images, or do not match the tileset, naming each", async () => {
    const { ["tiles/props.png"]: _gone, ...missing } = studioFiles();
    const a = await multipart(admin.token, missing).expect(400);
    expect(a.body.details.problems).toEqual([expect.stringMatching(/tileset 1 "props": image "tiles\/props.png" is not in the upload; send the map with its images/)]);

    const fake = { ...studioFiles(), "tiles/props.png": Buffer.from("GIF89a not really") };
    const b = await multipart(admin.token, fake).expect(400);
    expect(b.body.details.problems).toEqual([expect.stringMatching(/"tiles\/props.png" is not a PNG, JPEG or WebP image/)]);

    const small = new PNG({ width: 32, height: 32 });
    const wrong = { ...studioFiles(), "tiles/props.png": PNG.sync.write(small) };
    const c = await multipart(admin.token, wrong).expect(400);
    expect(c.body.details.problems).toEqual([expect.stringMatching(/image "tiles\/props.png" is 32x32 px, but the tileset says 64x32/)]);

    const { ["tiles/props.tsx"]: _tsx, ...noTsx } = studioFiles();
    const d = await multipart(admin.token, noTsx).expect(400);
    expect(d.body.details.problems[0]).toMatch(/external tileset "tiles\/props.tsx" is not in the upload/);
  });

  it("TMX and a map that cannot be found in a .zip get sentences saying what to do", async () => {
    const tmx = await request(h.app).post("/api/spaces/default/maps").set("Cookie", cookie(admin.token)).set("Content-Type", "application/json")
      .send('<?xml version="1.0"?><map version="1.5"/>').expect(400);
    expect(tmx.body.details.problems[0]).toMatch(/TMX \(XML\) map; .*File > Export As/);
    const zip = zipSync({ "a/office.tmx": new Uint8Array(Buffer.from("<map/>")) });
    const z = await request(h.app).post("/api/spaces/default/maps").set("Cookie", cookie(admin.token)).set("Content-Type", "application/zip").send(Buffer.from(zip)).expect(400);
    expect(z.body.details.problems[0]).toMatch(/the .zip holds a TMX \(XML\) map "a\/office.tmx"/);
  });

  it("base64+zlib layer data uploaded as Tiled writes it is kept decoded", async () => {
    const files = studioFiles();
    const map = JSON.parse(files["studio.json"].toString());
    const walls = map.layers.find((l: { name: string }) => l.name === "walls");
    const bytes = Buffer.alloc(walls.data.length * 4);
    walls.data.forEach((g: number, i: number) => bytes.writeUInt32LE(g, i * 4));
    const { zlibSync } = await import("fflate");
    Object.assign(walls, { encoding: "base64", compression: "zlib", data: Buffer.from(zlibSync(bytes)).toString("base64") });
    const res = await multipart(admin.token, { ...files, "studio.json": Buffer.from(JSON.stringify(map)) }).expect(201);
    const kept = await keptMap(res.body.map.version);
    const keptWalls = kept.layers.find((l) => l.name === "walls") as { data: number[] };
    expect(keptWalls.data.filter((g) => g === STUDIO_GID.wall).length).toBeGreaterThan(50);
  });

  it("checks the session and role before reading the body: a too-large upload from a member or nobody is 403/401, not 413", async () => {
    const member = await memberOf(h, "default", "member");
    const big = Buffer.alloc(2 * 1024 * 1024, 1);
    await request(h.app).post("/api/spaces/default/maps").set("Content-Type", "application/zip").send(big).expect(401);
    await request(h.app).post("/api/spaces/default/maps").set("Cookie", cookie(member.token)).set("Content-Type", "application/zip").send(big).expect(403);
    await request(h.app).post("/api/spaces/default/maps").set("Cookie", cookie(admin.token)).set("Content-Type", "application/zip").send(big).expect(413);
  });
});
