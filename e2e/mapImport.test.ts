import { PNG } from "pngjs";
import type { Page } from "playwright-core";
import type { TiledMap } from "../shared/map/tiledTypes";
import { renderMap, type Raster } from "../server/maps/renderMap";
import { decodeImages } from "../server/maps/mapPreview";
import { STUDIO_MEETING, studioFiles } from "../server/maps/fixtures/studioBundle";
import { E2E_TIMEOUT_MS, joinOffice, pollUntil, selfPosition, useOfficeSession } from "./browser";

/**
 * Bring your own map, end to end: an admin uploads a WorkAdventure-style map
 * with its tileset images through the API (the admin page is being built
 * separately; this drives the same routes it calls), looks at the preview,
 * activates it, and a guest walks into the meeting made from a jitsiRoom
 * area. The picture the browser draws is compared, pixel for pixel over a
 * region with an external tileset's tileoffset, with a render made from the
 * Tiled data by server/maps/renderMap.ts.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 3);

const session = useOfficeSession();

async function canvasPicture(page: Page): Promise<PNG> {
  const url = (await page.evaluate("document.querySelector('#game canvas').toDataURL('image/png')")) as string;
  return PNG.sync.read(Buffer.from(url.split(",")[1], "base64"));
}

function clientPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number } | null> {
  return page.evaluate(`window.__deskmap.clientPointOf({ x: ${x}, y: ${y} })`) as Promise<{ x: number; y: number } | null>;
}

test("upload a map with its images, preview it, activate it, walk into its meeting, and see it drawn as Tiled draws it", async () => {
  const url = session.server.url;
  const admin = await session.browser.newContext();
  const signup = await admin.request.post(`${url}/api/auth/signup`, {
    data: { email: "importer@example.com", password: "a long enough password", displayName: "Ivo Importer", avatar: "ada" },
  });
  // Sign-up answers 202 without a session (it reveals no accounts); the page signs in next.
  expect(signup.status()).toBe(202);
  const signin = await admin.request.post(`${url}/api/auth/signin`, { data: { email: "importer@example.com", password: "a long enough password" } });
  expect(signin.status()).toBe(200);
  expect((await admin.request.post(`${url}/api/spaces`, { data: { slug: "studio", name: "Studio" } })).status()).toBe(201);

  const files = studioFiles();
  const multipart: Record<string, { name: string; mimeType: string; buffer: Buffer }> = {};
  Object.entries(files).forEach(([path, buffer], i) => {
    multipart[path === "studio.json" ? "map" : `file${i}`] = { name: path, mimeType: path.endsWith(".png") ? "image/png" : "application/octet-stream", buffer };
  });
  const uploaded = await admin.request.post(`${url}/api/spaces/studio/maps?name=Studio`, { multipart });
  expect(uploaded.status()).toBe(201);
  const body = (await uploaded.json()) as { map: { version: number; preview: string; active: boolean }; warnings: string[] };
  expect(body.map.active).toBe(false);
  expect(body.warnings.join("\n")).toMatch(/"openWebsite" has no meaning in Deskmap/);

  // The preview, before activating: an image of the whole map.
  const preview = await admin.request.get(`${url}${body.map.preview}`);
  expect(preview.headers()["content-type"]).toBe("image/png");
  const previewPng = PNG.sync.read(await preview.body());
  expect([previewPng.width, previewPng.height]).toEqual([640, 448]);

  expect((await admin.request.put(`${url}/api/spaces/studio/active-map`, { data: { version: body.map.version } })).status()).toBe(200);
  const kept = (await (await admin.request.get(`${url}/api/spaces/studio/maps/${body.map.version}`)).json()) as { tiled: TiledMap };

  const { page, errors } = await session.open("/s/studio");
  await page.setViewportSize({ width: 960, height: 640 });
  await joinOffice(page, "Gil Guest");
  const start = await pollUntil(() => selfPosition(page), (p) => p !== null, "own avatar on the studio map");
  expect(start).toEqual({ x: 3 * 32 + 16, y: 10 * 32 + 24 });

  // Walk into the meeting: click a spot inside the jitsiRoom area, as a person would.
  const target = { x: STUDIO_MEETING.x + 2 * 32 + 16, y: STUDIO_MEETING.y + 2 * 32 + 24 };
  const spot = await pollUntil(() => clientPoint(page, target.x, target.y), (p) => p !== null, "the target on screen");
  await page.mouse.click(spot!.x, spot!.y);
  const inMeeting = (p: { x: number; y: number } | null) =>
    p !== null && p.x >= STUDIO_MEETING.x && p.x < STUDIO_MEETING.x + STUDIO_MEETING.width && p.y >= STUDIO_MEETING.y && p.y < STUDIO_MEETING.y + STUDIO_MEETING.height;
  await pollUntil(() => selfPosition(page), inMeeting, "walking into the meeting", 45_000);
  await pollUntil(
    () => page.getByRole("list", { name: "People" }).allTextContents(),
    (items) => items.some((t) => /in Standup/.test(t)),
    "the people list saying you are in Standup",
  );

  // Compare a region (floor, wall and the props tiles drawn 8 px up by their tileoffset) with the reference render.
  const region = { x: 4 * 32, y: 7 * 32, width: 3 * 32, height: 2 * 32 };
  let shot: PNG | null = null;
  let origin: { x: number; y: number } | null = null;
  // The camera follows with a lerp: wait until two pictures in a row are the same.
  let last = "";
  await pollUntil(async () => {
    const png = await canvasPicture(page);
    const key = png.data.toString("base64");
    const same = key === last;
    last = key;
    shot = png;
    return same;
  }, (same) => same, "the camera to settle", 30_000);
  origin = await clientPoint(page, region.x, region.y);
  const corner = await clientPoint(page, region.x + region.width, region.y + region.height);
  const box = (await page.locator("#game canvas").boundingBox())!;
  // Drawn at 1:1 (the comparison needs no resampling).
  expect([corner!.x - origin!.x, corner!.y - origin!.y]).toEqual([region.width, region.height]);

  const images = decodeImages(
    kept.tiled.tilesets.map((ts) => {
      const path = ts.name === "props" ? "tiles/props.png" : "tiles/studio.png";
      return { path: ts.image, type: "image/png", bytes: files[path] };
    }),
  );
  const reference: Raster = renderMap(kept.tiled, images, { scale: 1, region });
  const shown = shot as unknown as PNG;
  let differing = 0;
  for (let y = 0; y < region.height; y++) {
    for (let x = 0; x < region.width; x++) {
      const sx = Math.round(origin!.x - box.x) + x;
      const sy = Math.round(origin!.y - box.y) + y;
      const s = (sy * shown.width + sx) * 4;
      const r = (y * reference.width + x) * 4;
      for (let k = 0; k < 3; k++) if (Math.abs(shown.data[s + k] - reference.data[r + k]) > 2) {
        differing++;
        break;
      }
    }
  }
  expect(differing).toBe(0);
  // And the region shows the props' colour (so it is the map, not an empty canvas).
  const propsAt = ((8 * 32 - 8 + 16 - region.y) * reference.width + (4 * 32 + 16 - region.x)) * 4;
  expect([...reference.data.subarray(propsAt, propsAt + 3)]).toEqual([230, 200, 40]);
  expect(errors).toEqual([]);
  await admin.close();
});
