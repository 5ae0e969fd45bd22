import { zipSync } from "fflate";
import type { Page } from "playwright-core";
import { studioFiles } from "../server/maps/fixtures/studioBundle";
import { E2E_TIMEOUT_MS, pollUntil, useOfficeSession } from "./browser";

/**
 * The admin page's Maps section, as a map author uses it: pick the Tiled
 * JSON with its tileset images (bare file names, as a file picker gives
 * them), see the import's refusal when an image is missing and its warnings
 * when it is accepted, look at the preview image, make the version active;
 * then the same map again as a .zip of its folder. Real server, real
 * persistence, real Chromium.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 3);

const session = useOfficeSession();
/** Refusals the test provokes on purpose: Chromium logs each 4xx of a fetch as a console error. */
const onlyRefusals = (errors: string[]) => errors.filter((e) => !/Failed to load resource.*\b400\b/.test(e));

async function announced(page: Page, text: RegExp): Promise<void> {
  await pollUntil(() => page.getByRole("status").filter({ hasText: text }).count(), (n) => n > 0, `the announcement ${text}`);
}

/** The preview image of a version, once it has loaded: its natural size (0 × 0 when it failed). */
async function loadedPreview(page: Page, version: number): Promise<{ width: number; height: number }> {
  const img = page.getByRole("img", { name: `Preview of map version ${version}` });
  await img.waitFor();
  return pollUntil(
    () => img.evaluate((el: HTMLImageElement) => (el.complete ? { width: el.naturalWidth, height: el.naturalHeight } : null)),
    (size) => size !== null,
    `the preview of version ${version} to finish loading`,
  ) as Promise<{ width: number; height: number }>;
}

test("upload a map with its tileset images from the admin page, read its warnings, see its preview, activate it; then as a .zip", async () => {
  const url = session.server.url;
  const owner = await session.open("about:blank");
  const email = "mapper@example.com";
  const password = "a long enough password";
  expect((await owner.context.request.post(`${url}/api/auth/signup`, { data: { email, password, displayName: "Mia Mapper", avatar: "ada" } })).status()).toBe(202);
  expect((await owner.context.request.post(`${url}/api/auth/signin`, { data: { email, password } })).status()).toBe(200);
  expect((await owner.context.request.post(`${url}/api/spaces`, { data: { slug: "studio", name: "Studio" } })).status()).toBe(201);

  const { page } = owner;
  await page.goto(`${url}/admin/studio`);
  const versions = page.getByRole("table", { name: "Map versions, newest first" });
  // The standard map a space starts with has no preview: the page says so instead of a broken image.
  await versions.getByRole("row").filter({ hasText: "Version 1" }).filter({ hasText: "No preview" }).waitFor();

  const files = studioFiles();
  // A file picker hands over bare names; the map says "tiles/studio.png" and its .tsx "props.png".
  const picked = (names: string[]) =>
    names.map((path) => ({ name: path.split("/").pop()!, mimeType: path.endsWith(".png") ? "image/png" : path.endsWith(".json") ? "application/json" : "application/xml", buffer: files[path] }));
  const upload = page.getByRole("form", { name: "Upload a map" });

  // Forgetting the props tileset's image: refused, with the import's own sentence, nothing stored.
  await upload.getByLabel("Map files").setInputFiles(picked(["studio.json", "tiles/studio.png", "tiles/props.tsx"]));
  await upload.getByRole("button", { name: "Upload map" }).click();
  await announced(page, /The map was not uploaded/);
  const problems = upload.getByRole("list", { name: "Problems" });
  await problems.waitFor();
  expect(await problems.textContent()).toMatch(/tileset 1 "props": image "tiles\/props\.png" is not in the upload/);
  expect(await versions.getByRole("row").filter({ hasText: "Version 2" }).count()).toBe(0);

  // With every file: version 2, not active yet, the import's warnings listed.
  await upload.getByLabel("Map files").setInputFiles(picked(["studio.json", "tiles/studio.png", "tiles/props.tsx", "tiles/props.png"]));
  await upload.getByLabel("Name (optional)").fill("Studio");
  await upload.getByRole("button", { name: "Upload map" }).click();
  await announced(page, /Uploaded as map version 2, with \d+ warnings?/);
  const warnings = upload.getByRole("list", { name: "Warnings" });
  await warnings.waitFor();
  expect(await warnings.textContent()).toMatch(/"openWebsite" has no meaning in Deskmap/);
  const row2 = versions.getByRole("row").filter({ hasText: "Version 2" });
  await row2.filter({ hasText: "Studio" }).waitFor();
  // The preview loads: the whole 20 × 14 map of 32 px tiles.
  expect(await loadedPreview(page, 2)).toEqual({ width: 640, height: 448 });

  await row2.getByRole("button", { name: "Make version 2 active" }).click();
  await announced(page, /Map version 2 is active/);
  await row2.getByText("Active", { exact: true }).waitFor();
  const space = (await (await owner.context.request.get(`${url}/api/spaces/studio`)).json()) as { space: { activeMapVersion: number } };
  expect(space.space.activeMapVersion).toBe(2);
  await versions.getByRole("button", { name: "Roll back to version 1" }).waitFor();

  // The same folder as a .zip (the map chosen by its "type": "map"), made active right away.
  const zip = Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([p, b]) => [`studio/${p}`, new Uint8Array(b)]))));
  await upload.getByLabel("Map files").setInputFiles([{ name: "studio.zip", mimeType: "application/zip", buffer: zip }]);
  await upload.getByLabel("Make it active right away").check();
  await upload.getByRole("button", { name: "Upload map" }).click();
  await announced(page, /Uploaded as map version 3, now active/);
  await versions.getByRole("row").filter({ hasText: "Version 3" }).getByText("Active", { exact: true }).waitFor();
  expect(await loadedPreview(page, 3)).toEqual({ width: 640, height: 448 });
  await versions.getByRole("button", { name: "Roll back to version 2" }).waitFor();
  // For looking at by eye.
  await page.locator("#maps").screenshot({ path: "/tmp/deskmap-admin-maps.png" });

  expect(onlyRefusals(owner.errors)).toEqual([]);
});
