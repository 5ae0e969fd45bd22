import type { Page } from "playwright-core";
import { importMap } from "../shared/map/parseMap";
import { tileFeet } from "../shared/map/grid";
import { E2E_TIMEOUT_MS, joinOffice, pollUntil, selfPosition, useOfficeSession } from "./browser";
import { loadOfficeMap, remoteTileNames, walkToOneOf } from "./callsPages";
import os from "node:os";
import path from "node:path";

/**
 * The map editor end to end (real server, real Chromium): an admin draws a
 * meeting zone over the office's lobby with the mouse, names it, undoes and
 * redoes it by keyboard, tries walking through it (stopped by a painted
 * blocked tile), saves it as a new version and activates it; two
 * guests who then stand at opposite ends of the lobby, far beyond talking
 * distance, are in one call because the zone is a meeting room.
 */

jest.setTimeout(4 * E2E_TIMEOUT_MS);

const session = useOfficeSession({ closePagesAfterEach: true });
const map = loadOfficeMap();
const TILE = map.tileSize;
/** The lobby around the spawn points of maps/office.json: tiles (32,37) to (45,44), walls on either side. */
const LOBBY = { tx0: 32, ty0: 37, tx1: 45, ty1: 44 };

/** The screen point of a map pixel in the editor's overlay. */
async function screenPoint(page: Page, x: number, y: number) {
  const box = (await page.locator("svg.editor-overlay").boundingBox())!;
  return { x: box.x + (x * box.width) / (map.width * TILE), y: box.y + (y * box.height) / (map.height * TILE) };
}

test("an admin draws a meeting zone, saves and activates it; two people in it are in one call", async () => {
  const url = session.server.url;
  const admin = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
  expect((await admin.request.post(`${url}/api/auth/signup`, { data: { email: "ed@example.com", password: "a long enough password", displayName: "Ed Editor", avatar: "ada" } })).status()).toBe(202);
  expect((await admin.request.post(`${url}/api/auth/signin`, { data: { email: "ed@example.com", password: "a long enough password" } })).status()).toBe(200);
  expect((await admin.request.post(`${url}/api/spaces`, { data: { slug: "edits", name: "Edits" } })).status()).toBe(201);

  const page = await admin.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${url}/admin/edits`);
  await page.getByRole("link", { name: "Edit the active map" }).click();
  await page.waitForURL(`${url}/admin/edits/edit`);
  await page.locator("canvas.editor-backdrop[data-painted=true]").waitFor();
  // The office map's own zones are listed, and the lobby is in none of them.
  const zoneButtons = page.getByRole("navigation", { name: "Objects on the map" }).getByRole("button", { name: /\((meeting|stage|quiet|private)\)$/ });
  expect(await zoneButtons.count()).toBe(map.zones.length);

  await page.getByRole("button", { name: "Draw a zone" }).click();
  await page.getByLabel("Zoom").selectOption("0.25");
  await page.locator("svg.editor-overlay").scrollIntoViewIfNeeded();
  const from = await screenPoint(page, LOBBY.tx0 * TILE + 4, LOBBY.ty0 * TILE + 4);
  const to = await screenPoint(page, (LOBBY.tx1 + 1) * TILE - 4, (LOBBY.ty1 + 1) * TILE - 4);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  const name = page.getByLabel("Name");
  await name.fill("Lobby");
  await name.press("Tab");
  await page.getByRole("button", { name: "Lobby (meeting)" }).waitFor();
  expect(await page.getByText(`14×8 tiles at tile ${LOBBY.tx0},${LOBBY.ty0}`).count()).toBe(1);

  // Undo takes back the rename, then the zone; redo brings both back (keyboard, with focus off the form).
  await page.locator("h1").click();
  await page.keyboard.press("Control+z");
  await page.getByRole("button", { name: "Zone 9 (meeting)" }).waitFor();
  await page.keyboard.press("Control+z");
  expect(await zoneButtons.count()).toBe(map.zones.length);
  await page.keyboard.press("Control+Shift+z");
  await page.getByRole("button", { name: "Redo" }).click();
  await page.getByRole("button", { name: "Lobby (meeting)" }).waitFor();

  // Keyboard: pick the zone in the list, the arrow keys move it a tile.
  await page.getByRole("button", { name: "Lobby (meeting)" }).click();
  await page.keyboard.press("ArrowRight");
  await page.getByText(`14×8 tiles at tile ${LOBBY.tx0 + 1},${LOBBY.ty0}`).waitFor();
  await page.keyboard.press("ArrowLeft");
  await page.getByText(`14×8 tiles at tile ${LOBBY.tx0},${LOBBY.ty0}`).waitFor();

  // A desk on the lobby's wall is refused with the reason, and nothing is saved; removed, the save goes through.
  await page.getByRole("button", { name: "Add a desk" }).click();
  const wall = await screenPoint(page, 31 * TILE + 16, 39 * TILE + 16);
  await page.mouse.click(wall.x, wall.y);
  await page.getByRole("button", { name: "Save as new version" }).click();
  await page.getByRole("alert").getByText(/desks object 31 .*not walkable: tile \(31,39\) is blocked/).waitFor();
  expect((await (await admin.request.get(`${url}/api/spaces/edits/maps`)).json()).maps).toHaveLength(1);
  await page.getByRole("button", { name: "Remove" }).click();

  // Paint one blocked tile in the lobby's top-right corner.
  await page.getByRole("button", { name: "Paint blocked tiles" }).click();
  const corner = await screenPoint(page, 45 * TILE + 16, 37 * TILE + 16);
  await page.mouse.click(corner.x, corner.y);

  // Try walking: the walker starts at the spawn, inside the new meeting zone; next to the painted corner a step
  // right is stopped by it, and a step left walks. Nothing of this is saved.
  const walkNote = page.locator("[data-walk-note]");
  const walkerAt = () => page.locator("[data-walker]").getAttribute("data-walker");
  await page.getByRole("button", { name: "Try walking" }).click();
  await walkNote.getByText(/At the spawn\. In “Lobby”, a meeting room/).waitFor();
  expect(await walkerAt()).toBe(`${map.spawns[0].x},${map.spawns[0].y}`);
  const besideCorner = await screenPoint(page, 44 * TILE + 16, 37 * TILE + 16);
  await page.mouse.click(besideCorner.x, besideCorner.y);
  const feet = (tx: number, ty: number) => tileFeet(map, tx, ty);
  await pollUntil(walkerAt, (at) => at === `${feet(44, 37).x},${feet(44, 37).y}`, "the walker beside the painted corner");
  await page.keyboard.press("ArrowRight");
  await walkNote.getByText(/Stopped by a blocked tile\. In “Lobby”/).waitFor();
  expect(await walkerAt()).toBe(`${feet(44, 37).x},${feet(44, 37).y}`);
  await page.keyboard.press("ArrowLeft");
  await pollUntil(walkerAt, (at) => at === `${feet(43, 37).x},${feet(43, 37).y}`, "the walker a tile left");
  await page.keyboard.press("Escape");
  expect(await page.locator("[data-walker]").count()).toBe(0);

  await page.getByRole("button", { name: "Select and move" }).click();
  await page.getByRole("button", { name: "Lobby (meeting)" }).click();
  await page.getByLabel("Zoom").selectOption("0.5");
  await page.screenshot({ path: path.join(os.tmpdir(), "deskmap-mapEditor.png") });

  await page.getByRole("button", { name: "Save as new version" }).click();
  await page.getByRole("button", { name: "Activate version 2" }).click();
  await page.getByRole("button", { name: "Version 2 is active" }).waitFor();
  // The one refused save is the only thing the console complains about.
  expect(errors).toEqual(["Failed to load resource: the server responded with a status of 400 (Bad Request)"]);

  // What the office now runs has the zone where it was drawn.
  const active = await admin.request.get(`${url}/api/spaces/edits/map`);
  const activeMap = importMap(await active.json()).map;
  const lobby = activeMap.zones.find((z) => z.name === "Lobby");
  expect(lobby).toMatchObject({ type: "meeting", bounds: { x: LOBBY.tx0 * TILE, y: LOBBY.ty0 * TILE, width: 14 * TILE, height: 8 * TILE } });
  expect([activeMap.collision[37 * map.width + 45], map.collision[37 * map.width + 45]]).toEqual([1, 0]);
  expect(activeMap.desks).toHaveLength(map.desks.length);

  // Two guests walk to opposite ends of the lobby, 10 tiles apart (talking needs 3 or less), and are in one call.
  const a = await session.open("/s/edits");
  const b = await session.open("/s/edits");
  await joinOffice(a.page, "Ada Left", "Ada");
  await joinOffice(b.page, "Bo Right", "Bo");
  await walkToOneOf(a.page, [tileFeet(map, 34, 42), tileFeet(map, 34, 43)]);
  await walkToOneOf(b.page, [tileFeet(map, 44, 42), tileFeet(map, 44, 43)]);
  const [pa, pb] = [(await selfPosition(a.page))!, (await selfPosition(b.page))!];
  expect(Math.hypot(pa.x - pb.x, pa.y - pb.y) / TILE).toBeGreaterThan(9);
  await pollUntil(() => remoteTileNames(a.page), (t) => t.includes("Bo Right"), "Ada's tile for Bo", E2E_TIMEOUT_MS);
  await pollUntil(() => remoteTileNames(b.page), (t) => t.includes("Ada Left"), "Bo's tile for Ada", E2E_TIMEOUT_MS);
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
  await admin.close();
});
