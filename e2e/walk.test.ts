import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { findPath } from "../shared/map/findPath";
import { tileFeet, tileOf } from "../shared/map/grid";
import { parseMap } from "../shared/map/parseMap";
import type { Point } from "../shared/map/types";
import { hasArrived } from "../shared/rules/followPath";
import {
  E2E_TIMEOUT_MS,
  ROOT,
  joinOffice,
  members,
  peopleEntry,
  pollUntil,
  selfPosition,
  submitJoin,
  useOfficeSession,
} from "./browser";

/**
 * The walking slice end to end: two people join the real server in real
 * Chromium; one walks with the keyboard; the other sees it in the People list.
 */

jest.setTimeout(E2E_TIMEOUT_MS);

const { open } = useOfficeSession();

const DIRECTION_KEYS = ["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp"] as const;
const WALK_PX = 3 * 32;

/** Holds arrow keys on the focused map until the avatar has walked WALK_PX; tries another way if blocked. */
async function walkSomewhere(page: Page): Promise<{ key: string; from: { x: number; y: number } }> {
  await page.locator("#game canvas").focus();
  for (const key of DIRECTION_KEYS) {
    const from = await pollUntil(() => selfPosition(page), (p) => p !== null, "own position");
    await page.keyboard.down(key);
    const moved = await page
      .waitForFunction(
        ({ from, distance }) => {
          const hook = (window as unknown as { __deskmap: { selfPosition(): { x: number; y: number } | null } }).__deskmap;
          const p = hook.selfPosition();
          return p !== null && Math.hypot(p.x - from!.x, p.y - from!.y) >= distance;
        },
        { from, distance: WALK_PX },
        { timeout: 8000, polling: 100 },
      )
      .then(
        () => true,
        () => false,
      );
    await page.keyboard.up(key);
    if (moved) return { key, from: from! };
  }
  throw new Error("the avatar could not walk three tiles in any direction");
}

test("two people join; one walks with the keyboard and the other sees it", async () => {
  const a = await open();
  const b = await open();

  await joinOffice(a.page, "Ada Walker", "Ada");
  await joinOffice(b.page, "Bo Watcher", "Bo");

  // A is told, politely, that B arrived; both lists hold both people, yourself first.
  await pollUntil(
    () => a.page.locator("[aria-live=polite][data-announcer]").textContent(),
    (text) => text === "Bo Watcher joined",
    "A's join announcement",
  );
  const entryBefore = await pollUntil(() => peopleEntry(b.page, "Ada Walker"), (t) => t !== null, "Ada in B's list");
  expect(await a.page.getByRole("list", { name: "People" }).getByRole("listitem").first().textContent()).toMatch(/^You\b/);
  expect(await peopleEntry(a.page, "Bo Watcher")).toMatch(/^Bo Watcher — /);

  const { from } = await walkSomewhere(a.page);

  // Prediction and the server agree once A stops: the drawn position settles on the authoritative one.
  const settled = await pollUntil(
    async () => {
      const [own, all] = await Promise.all([selfPosition(a.page), members(a.page)]);
      const selfId = await a.page.evaluate(() => (window as unknown as { __deskmap: { selfId(): string } }).__deskmap.selfId());
      const server = all.find((m) => m.id === selfId);
      return { own, server };
    },
    ({ own, server }) => !!own && !!server && own.x === server.x && own.y === server.y && !server.moving,
    "A's prediction to match the server",
  );
  expect(Math.hypot(settled.own!.x - from.x, settled.own!.y - from.y)).toBeGreaterThanOrEqual(WALK_PX);

  // B sees it: the state B holds for A is where A stopped, and the People list says so in words.
  await pollUntil(
    () => members(b.page),
    (list) => list.some((m) => m.name === "Ada Walker" && m.x === settled.server!.x && m.y === settled.server!.y),
    "B's copy of A's position",
  );
  const entryAfter = await pollUntil(
    () => peopleEntry(b.page, "Ada Walker"),
    (t) => t !== null && t !== entryBefore,
    "B's People entry for A to change",
  );
  expect(entryAfter).toMatch(/^Ada Walker — (right next to you|\d+ tiles? (north|south|east|west|north-east|north-west|south-east|south-west))/);

  await a.page.screenshot({ path: "/tmp/deskmap-e2e.png" });

  // B leaves: A hears it and B drops off A's list.
  await b.context.close();
  await pollUntil(
    () => a.page.locator("[aria-live=polite][data-announcer]").textContent(),
    (text) => text === "Bo Watcher left",
    "A's leave announcement",
  );
  await pollUntil(() => peopleEntry(a.page, "Bo Watcher"), (t) => t === null, "Bo to leave A's list");

  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
});

test("clicking a spot on the map walks the avatar there", async () => {
  const map = parseMap(JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8")));
  const a = await open();
  await joinOffice(a.page, "Dee Clicker", "Dee");
  const from = await pollUntil(() => selfPosition(a.page), (p) => p !== null, "own position");

  // A reachable tile 3–4 tiles away, chosen with the same path finder the client uses.
  const here = tileOf(map, from!);
  let target: Point | null = null;
  let route: Point[] | null = null;
  search: for (const [dx, dy] of [[3, 0], [-3, 0], [0, 3], [0, -3], [3, 3], [-3, 3], [3, -3], [-3, -3], [4, 0], [-4, 0]]) {
    const candidate = tileFeet(map, here.tx + dx, here.ty + dy);
    const found = findPath(map, from!, candidate);
    if (found && found.length > 0 && found.length <= 4) {
      target = candidate;
      route = found;
      break search;
    }
  }
  expect(target).not.toBeNull();
  const end = route![route!.length - 1];

  // The layout settles after joining (side panel, strip): take the spot once the map's box holds still.
  const mapBox = () => a.page.evaluate(() => JSON.stringify(document.querySelector("#game canvas")!.getBoundingClientRect()));
  await pollUntil(
    async () => [await mapBox(), await new Promise((r) => setTimeout(r, 400)).then(mapBox)] as const,
    ([one, two]) => one === two,
    "the map's box to hold still",
  );
  const client = await a.page.evaluate(
    (p) => (window as unknown as { __deskmap: { clientPointOf(p: Point): Point | null } }).__deskmap.clientPointOf(p),
    target!,
  );
  // Nothing but the map is drawn over the spot a person would click.
  const hit = await a.page.evaluate((p) => {
    const el = document.elementFromPoint(p.x, p.y);
    return el?.tagName === "CANVAS" ? "map" : `${el?.tagName}.${el?.className}`;
  }, client!);
  expect(hit).toBe("map");
  await a.page.mouse.click(client!.x, client!.y);
  const arrived = await pollUntil(() => selfPosition(a.page), (p) => !!p && hasArrived(p, end), "A to arrive at the clicked spot");
  expect(Math.hypot(arrived!.x - from!.x, arrived!.y - from!.y)).toBeGreaterThan(64);
  expect(a.errors).toEqual([]);
});

test("keyboard access: focus on the map, skip link and P reach the People list, Esc returns, nobody moves", async () => {
  const a = await open();
  await joinOffice(a.page, "Cyd Typist", "Cyd");
  const start = await pollUntil(() => selfPosition(a.page), (p) => p !== null, "own position");
  // After joining, the labelled map has the keyboard focus.
  const canvas = a.page.locator("#game canvas");
  expect(await canvas.getAttribute("aria-label")).toMatch(/^Office map/);
  await pollUntil(
    () => a.page.evaluate(() => document.activeElement?.tagName ?? ""),
    (tag) => tag === "CANVAS",
    "focus on the map after joining",
  );
  // The skip link is the first stop in the tab order and lands on the People heading.
  // Start tabbing from the very top of the document, as after a page load.
  await a.page.evaluate(() => {
    const top = document.createElement("span");
    top.tabIndex = -1;
    top.id = "tab-start";
    document.body.prepend(top);
    top.focus();
  });
  await a.page.keyboard.press("Tab");
  await a.page.evaluate(() => document.getElementById("tab-start")?.remove());
  expect(await a.page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the people list");
  await a.page.keyboard.press("Enter");
  await pollUntil(
    () => a.page.evaluate(() => document.activeElement?.id ?? ""),
    (id) => id === "people-heading",
    "focus on the People heading via the skip link",
  );
  await canvas.focus();
  await a.page.keyboard.press("p");
  await pollUntil(
    () => a.page.evaluate(() => document.activeElement?.id ?? ""),
    (id) => id === "people-heading",
    "focus on the People heading",
  );
  expect(await a.page.getByRole("button", { name: /text view/ }).getAttribute("aria-expanded")).toBe("true");
  // Escape returns to the map.
  await a.page.keyboard.press("Escape");
  await pollUntil(
    () => a.page.evaluate(() => document.activeElement?.tagName ?? ""),
    (tag) => tag === "CANVAS",
    "focus back on the map",
  );
  expect(await selfPosition(a.page)).toEqual(start);
  expect(a.errors).toEqual([]);
});

test("a name the server refuses shows its reason in the alert", async () => {
  const a = await open();
  const alert = a.page.getByRole("alert");

  await submitJoin(a.page, "   ");
  const emptyReason = await pollUntil(() => alert.textContent(), (t) => !!t && t.length > 0, "the empty-name alert");
  expect(emptyReason).toMatch(/^Could not join: .*\S/);
  expect(emptyReason).toMatch(/name|empty/i);

  await submitJoin(a.page, "Bad\u0007Name");
  const controlReason = await pollUntil(
    () => alert.textContent(),
    (t) => !!t && t !== emptyReason && t.length > 0,
    "the control-character alert",
  );
  expect(controlReason).toMatch(/control/i);

  // Still on the form, nothing joined, and arrow keys typed into the field moved nobody.
  await a.page.getByLabel("Your name").press("ArrowLeft");
  expect(await a.page.getByRole("button", { name: "Join" }).isVisible()).toBe(true);
  expect(await a.page.locator("#game canvas").count()).toBe(0);
  // The refused joins are reported in the form, not as page errors.
  expect(a.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
