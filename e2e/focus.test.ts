import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { createSpaceWithMap } from "../server/db/repositories/createSpaceWithMap";
import { parseMap } from "../shared/map/parseMap";
import type { TiledMap } from "../shared/map/tiledTypes";
import type { Point } from "../shared/map/types";
import {
  E2E_TIMEOUT_MS,
  ROOT,
  joinOffice,
  peopleEntry,
  pollUntil,
  selfPosition,
  useOfficeSession,
} from "./browser";
import { remoteTileNames, spotsAround, videoFlowing, walkToOneOf } from "./callsPages";

/**
 * Focus desks end to end: one page sits at a focus desk in the open office;
 * another walks right up and no call starts; it knocks, the first accepts,
 * and the call connects (real server, real Chromium, fake camera and microphone).
 */

jest.setTimeout(4 * E2E_TIMEOUT_MS);

/** The real office with one more focus desk in the open area by the spawn points (the map's own are in the quiet library). */
const OPEN_FOCUS = { id: "open-focus", x: 1392, y: 1272 };

function officeWithOpenFocusDesk(): TiledMap {
  const tiled = JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8")) as TiledMap;
  const desks = tiled.layers.find((l) => l.name === "desks" && l.type === "objectgroup") as { objects: unknown[] } | undefined;
  if (!desks) throw new Error("maps/office.json has no desks layer");
  desks.objects.push({
    id: 9000,
    name: OPEN_FOCUS.id,
    type: "",
    x: OPEN_FOCUS.x,
    y: OPEN_FOCUS.y,
    width: 0,
    height: 0,
    point: true,
    properties: [
      { name: "id", type: "string", value: OPEN_FOCUS.id },
      { name: "kind", type: "string", value: "focus" },
      { name: "facing", type: "string", value: "up" },
    ],
  });
  return tiled;
}

const tiled = officeWithOpenFocusDesk();
const map = parseMap(tiled);
const session = useOfficeSession({
  async seed(server) {
    await createSpaceWithMap(server.repos, { slug: "focus", name: "Focus", tiled: tiled as unknown as Record<string, unknown>, map, mapName: "office" });
  },
});
const open = () => session.open("/s/focus");

interface SeatView {
  id: string;
  seat?: string;
  status?: string;
}

function me(page: Page): Promise<SeatView | null> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __deskmap?: { selfId(): string; members(): SeatView[] } }).__deskmap;
    return hook?.members().find((m) => m.id === hook.selfId()) ?? null;
  });
}

function conversationPeers(page: Page) {
  return page.evaluate(
    () => (window as unknown as { __deskmapCalls?: { peers(): Array<{ id: string; connected: boolean }> } }).__deskmapCalls?.peers() ?? [],
  );
}

/** Clicks a map point (it must be on screen and on the canvas). */
async function clickMap(page: Page, point: Point): Promise<void> {
  const client = await page.evaluate((p) => {
    const c = (window as unknown as { __deskmap: { clientPointOf(p: Point): Point | null } }).__deskmap.clientPointOf(p);
    return c && document.elementFromPoint(c.x, c.y)?.tagName === "CANVAS" ? c : null;
  }, point);
  if (!client) throw new Error(`map point ${point.x},${point.y} is not clickable on screen`);
  await page.mouse.click(client.x, client.y);
}

test("walking by a focused person starts no call; a knock accepted connects one", async () => {
  const fay = await open();
  await joinOffice(fay.page, "Fay Focus");
  await pollUntil(() => selfPosition(fay.page), (p) => p !== null, "Fay's avatar");

  // A click on the chair walks there and sits down: Focus, snapped to the seat.
  await clickMap(fay.page, OPEN_FOCUS);
  const seated = await pollUntil(() => me(fay.page), (m) => m?.seat === OPEN_FOCUS.id, "Fay seated", E2E_TIMEOUT_MS);
  expect(seated?.status).toBe("focus");
  // The status menu says what everyone sees: Focus, not the Available chosen before sitting.
  if (await fay.page.getByRole("tab", { name: "Status" }).count()) await fay.page.getByRole("tab", { name: "Status" }).click();
  await pollUntil(() => fay.page.locator("select[data-status-kind]").inputValue(), (v) => v === "focus", "the status menu showing Focus");
  expect(await selfPosition(fay.page)).toEqual({ x: OPEN_FOCUS.x, y: OPEN_FOCUS.y });

  const ken = await open();
  await joinOffice(ken.page, "Ken Knocker");
  // Ken sees the badge words in the people list, then walks right up to Fay.
  await pollUntil(() => peopleEntry(ken.page, "Fay Focus"), (e) => !!e && e.includes("Focus (do not disturb)"), "Fay's status in Ken's list");
  await walkToOneOf(ken.page, spotsAround(map, OPEN_FOCUS, 1, 2));
  const kenAt = (await selfPosition(ken.page))!;
  expect(Math.hypot(kenAt.x - OPEN_FOCUS.x, kenAt.y - OPEN_FOCUS.y)).toBeLessThanOrEqual(2.5 * map.tileSize);
  // Several grouping rounds later nobody is in a call.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(await remoteTileNames(ken.page)).toEqual([]);
  expect(await remoteTileNames(fay.page)).toEqual([]);
  expect(await conversationPeers(ken.page)).toEqual([]);

  // Ken knocks; Fay is told who, and accepts.
  await ken.page.getByRole("button", { name: "Knock on Fay Focus's door" }).click();
  const notice = fay.page.locator("[data-knock-from]");
  await notice.waitFor({ state: "visible" });
  expect(await notice.textContent()).toContain("Ken Knocker is knocking.");
  await fay.page.getByRole("button", { name: "Accept" }).click();
  await ken.page.locator("[data-knock-result]").filter({ hasText: "Fay Focus accepted your knock." }).waitFor({ state: "attached" });

  // The call connects both ways, with video flowing; Fay stays in Focus for everyone else.
  await pollUntil(() => remoteTileNames(ken.page), (t) => t.join() === "Fay Focus", "Ken's tile for Fay", E2E_TIMEOUT_MS);
  await pollUntil(() => remoteTileNames(fay.page), (t) => t.join() === "Ken Knocker", "Fay's tile for Ken", E2E_TIMEOUT_MS);
  await pollUntil(() => conversationPeers(fay.page), (p) => p.length === 1 && p[0].connected, "Fay's peer connected", E2E_TIMEOUT_MS);
  expect((await videoFlowing(ken.page, "Fay Focus")).width).toBeGreaterThan(0);
  expect((await videoFlowing(fay.page, "Ken Knocker")).width).toBeGreaterThan(0);
  expect((await me(fay.page))?.status).toBe("focus");

  // X stands up again (the map has the keyboard focus after the click).
  await fay.page.locator("#game canvas").focus();
  await fay.page.keyboard.press("x");
  const up = await pollUntil(() => me(fay.page), (m) => m?.seat === "", "Fay standing", E2E_TIMEOUT_MS);
  expect(up?.status).toBe("available");
  await pollUntil(() => fay.page.locator("select[data-status-kind]").inputValue(), (v) => v === "available", "the status menu back on Available");

  expect(fay.errors).toEqual([]);
  expect(ken.errors).toEqual([]);
});
