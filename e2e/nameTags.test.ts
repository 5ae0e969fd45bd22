import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { STATUS_COLOURS } from "../shared/status/statusKinds";
import { E2E_TIMEOUT_MS, joinOffice, members, pollUntil, useOfficeSession } from "./browser";

/**
 * Name tags are painted into textures of their own (client/systems/NameTag.ts),
 * the status dot on the same plate as the name. Others must see the dot's
 * colour follow the status: read from the canvas pixels above the person's head.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const { open } = useOfficeSession();

/** Pixels of exactly `hex` in the canvas area above `name`'s feet, as `page` draws it. */
async function pixelsAboveHead(page: Page, name: string, hex: string): Promise<number> {
  const person = (await members(page)).find((m) => m.name === name);
  if (!person || !Number.isFinite(person.x)) return 0;
  const shot = (await page.evaluate(
    ({ x, y }) => {
      const hook = (window as unknown as { __deskmap: { clientPointOf(p: { x: number; y: number }): { x: number; y: number } } }).__deskmap;
      const canvas = document.querySelector("#game canvas") as HTMLCanvasElement;
      const feet = hook.clientPointOf({ x, y });
      const box = canvas.getBoundingClientRect();
      return { url: canvas.toDataURL("image/png"), x: feet.x - box.left, y: feet.y - box.top };
    },
    { x: person.x, y: person.y },
  )) as { url: string; x: number; y: number };
  const png = PNG.sync.read(Buffer.from(shot.url.split(",")[1], "base64"));
  const want = Number.parseInt(hex.slice(1), 16);
  let found = 0;
  // The tag sits above the sprite: up to 80 screen pixels either side, 140 above the feet.
  for (let y = Math.max(0, Math.round(shot.y - 140)); y < Math.min(png.height, Math.round(shot.y)); y++) {
    for (let x = Math.max(0, Math.round(shot.x - 80)); x < Math.min(png.width, Math.round(shot.x + 80)); x++) {
      const i = (y * png.width + x) * 4;
      if (png.data.readUInt32BE(i) >>> 8 === want) found++;
    }
  }
  return found;
}

test("the dot on someone's name tag shows their status to others", async () => {
  const ada = await open();
  const bo = await open();
  await joinOffice(ada.page, "Ada Looker");
  await joinOffice(bo.page, "Bo Busy");
  // Ada stands beside Bo at the spawn: her own dot must not be taken for his, so hers is Away (grey).
  // (A call between them shortens the map area for the video strip, which may choose a smaller zoom.)
  await ada.page.locator("select[data-status-kind]").selectOption("away");

  const green = await pollUntil(() => pixelsAboveHead(ada.page, "Bo Busy", STATUS_COLOURS.available), (n) => n > 0, "Bo's green dot on Ada's map");
  expect(green).toBeGreaterThan(4);
  expect(await pixelsAboveHead(ada.page, "Bo Busy", STATUS_COLOURS.busy)).toBe(0);

  await bo.page.locator("select[data-status-kind]").selectOption("busy");
  await pollUntil(() => pixelsAboveHead(ada.page, "Bo Busy", STATUS_COLOURS.busy), (n) => n > 4, "Bo's amber dot on Ada's map");
  expect(await pixelsAboveHead(ada.page, "Bo Busy", STATUS_COLOURS.available)).toBe(0);
});
