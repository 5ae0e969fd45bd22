import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { E2E_TIMEOUT_MS, ROOT, joinOffice, pollUntil, selfPosition, useOfficeSession } from "./browser";

/**
 * Without a GPU the office draws with the 2D canvas renderer, which bakes the
 * tile layers into chunk images (client/systems/TileChunks.ts). The baked map
 * must look exactly like the tiles drawn one by one: the same person at the
 * same spot is drawn both ways and the canvases are compared pixel for pixel.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

interface RenderInfo {
  renderer: string;
  chunks: Record<string, number>;
}

/** The default office with a single spawn point, so that everyone who joins stands on the same spot. */
const mapDir = mkdtempSync(path.join(os.tmpdir(), "deskmap-chunks-"));
const mapPath = path.join(mapDir, "one-spawn.json");
const office = JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8"));
const spawns = office.layers.find((l: { name: string }) => l.name === "spawns");
spawns.objects = spawns.objects.slice(0, 1);
writeFileSync(mapPath, JSON.stringify(office));
afterAll(() => rmSync(mapDir, { recursive: true, force: true }));

const session = useOfficeSession({ env: { MAP_PATH: mapPath } });

function renderInfo(page: Page): Promise<RenderInfo | null> {
  return page.evaluate("window.__deskmap.renderInfo()") as Promise<RenderInfo | null>;
}

/** Joins at `query`, waits for the camera to settle on the avatar and returns the canvas pixels. */
async function drawOffice(query: string): Promise<{ png: PNG; info: RenderInfo }> {
  const { page } = await session.open(`/${query}`);
  await page.setViewportSize({ width: 960, height: 640 });
  await joinOffice(page, "Chunk Check");
  await pollUntil(() => selfPosition(page), (p) => p !== null, "own position");
  // The camera follows with a lerp: wait until two frames half a second apart are the same picture.
  const grab = async () => (await page.evaluate("document.querySelector('#game canvas').toDataURL('image/png')")) as string;
  let last = "";
  const picture = await pollUntil(
    async () => {
      const now = await grab();
      const same = now === last;
      last = now;
      return same ? now : null;
    },
    (p) => p !== null,
    "the camera to settle",
    30_000,
  );
  const info = await pollUntil(() => renderInfo(page), (i) => i !== null, "render info");
  const png = PNG.sync.read(Buffer.from(picture!.split(",")[1], "base64"));
  await page.goto("about:blank");
  return { png, info: info! };
}

test("the baked map is pixel for pixel the tiles drawn one by one", async () => {
  // No renderer asked for: a browser without a GPU (as here) gets the canvas renderer by itself.
  const baked = await drawOffice("");
  const tiles = await drawOffice("?renderer=canvas&tilechunks=off");

  expect(baked.info.renderer).toBe("canvas");
  expect(baked.info.chunks.below).toBeGreaterThan(0);
  expect(tiles.info.chunks).toEqual({});

  expect([baked.png.width, baked.png.height]).toEqual([tiles.png.width, tiles.png.height]);
  let differing = 0;
  for (let i = 0; i < baked.png.data.length; i += 4) {
    if (baked.png.data.readUInt32BE(i) !== tiles.png.data.readUInt32BE(i)) differing++;
  }
  expect(differing).toBe(0);
  // And the picture is a map, not an empty canvas: many colours.
  const colours = new Set<number>();
  for (let i = 0; i < baked.png.data.length; i += 4 * 97) colours.add(baked.png.data.readUInt32BE(i));
  expect(colours.size).toBeGreaterThan(20);
});
