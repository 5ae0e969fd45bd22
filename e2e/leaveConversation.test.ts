import type { Page } from "playwright-core";
import { E2E_TIMEOUT_MS, joinOffice, pollUntil, selfPosition, useOfficeSession, type WatchedPage } from "./browser";
import { loadOfficeMap, remoteTileNames, spotsAround, walkToOneOf } from "./callsPages";

/**
 * "Leave call" (issue 16) end to end: real server, real Chromium pages with
 * fake cameras, real WebRTC. Whoever hangs up loses every tile and hears
 * "Call ended"; the others stay connected; walking away and back rejoins.
 */

jest.setTimeout(6 * E2E_TIMEOUT_MS);

const map = loadOfficeMap();
const { open } = useOfficeSession({ closePagesAfterEach: true });

interface CallPeer {
  id: string;
  connected: boolean;
}

function calls(page: Page): Promise<CallPeer[]> {
  return page.evaluate(() => (window as unknown as { __deskmapCalls?: { peers(): CallPeer[] } }).__deskmapCalls?.peers() ?? []);
}

const waitTiles = (page: Page, names: string[], what: string) =>
  pollUntil(() => remoteTileNames(page), (t) => JSON.stringify(t) === JSON.stringify([...names].sort()), what, 2 * E2E_TIMEOUT_MS);

const announced = (page: Page, text: string, what: string) =>
  pollUntil(() => page.locator("[data-call-announcer]").textContent(), (t) => t === text, what, E2E_TIMEOUT_MS);

async function position(page: Page) {
  return (await pollUntil(() => selfPosition(page), (p) => p !== null, "own position"))!;
}

test("Leave call ends one person's call while the others keep talking; walking away and back rejoins; L leaves too", async () => {
  const names = ["Ann Leaver", "Ben Stays", "Cat Stays"];
  const pages: WatchedPage[] = [];
  for (const name of names) {
    const p = await open();
    await joinOffice(p.page, name);
    pages.push(p);
  }
  const [a, b, c] = pages.map((p) => p.page);
  const leaveButton = (page: Page) => page.getByRole("button", { name: "Leave call" });

  // Out of a call the button is not offered; standing together at the spawn starts one and it appears.
  for (const [i, page] of [a, b, c].entries()) await waitTiles(page, names.filter((_, j) => j !== i), `${names[i]}'s tiles`);
  await leaveButton(a).waitFor({ state: "visible", timeout: E2E_TIMEOUT_MS });
  expect(await leaveButton(a).getAttribute("aria-keyshortcuts")).toBe("L");
  await pollUntil(() => calls(b), (peers) => peers.length === 2 && peers.every((p) => p.connected), "B connected to both", 2 * E2E_TIMEOUT_MS);

  // Ann clicks it: her tiles go, she is told the call ended, and the button goes with the call.
  await leaveButton(a).click();
  await waitTiles(a, [], "Ann's tiles to go");
  await announced(a, "Call ended", "Ann hearing the call ended");
  expect(await calls(a)).toEqual([]);
  await leaveButton(a).waitFor({ state: "hidden" });
  // Ben and Cat keep their call (still connected to each other) and lose only Ann.
  await waitTiles(b, ["Cat Stays"], "Ben's tile for Cat only");
  await waitTiles(c, ["Ben Stays"], "Cat's tile for Ben only");
  expect((await calls(b)).map((p) => p.connected)).toEqual([true]);
  expect(await leaveButton(b).isVisible()).toBe(true);

  // Standing there, Ann is not pulled back in (a few seconds, dozens of room updates).
  await a.waitForTimeout(3000);
  expect(await remoteTileNames(a)).toEqual([]);

  // Ann walks away and back: she is in the call again.
  const here = await position(a);
  await walkToOneOf(a, spotsAround(map, here, 7, 9));
  await walkToOneOf(a, spotsAround(map, await position(b), 1, 2));
  await waitTiles(a, ["Ben Stays", "Cat Stays"], "Ann back in the call");
  await leaveButton(a).waitFor({ state: "visible" });

  // Ben presses L on the map: he leaves, Ann and Cat keep talking. The ? sheet lists the key.
  await b.locator("#game canvas").focus();
  await b.keyboard.press("l");
  await waitTiles(b, [], "Ben's tiles to go");
  await announced(b, "Call ended", "Ben hearing the call ended");
  await waitTiles(a, ["Cat Stays"], "Ann's tile for Cat only");
  expect(await b.locator("[data-shortcut-sheet]").textContent()).toContain("leave the call");

  for (const p of pages) expect(p.errors).toEqual([]);
});

test("after leaving the call from the keyboard, focus is on the map and the arrow keys walk", async () => {
  const names = ["Kim Keys", "Lou Listens"];
  const pages: WatchedPage[] = [];
  for (const name of names) {
    const p = await open();
    await joinOffice(p.page, name);
    pages.push(p);
  }
  const [a] = pages.map((p) => p.page);
  const leaveButton = a.getByRole("button", { name: "Leave call" });
  await waitTiles(a, ["Lou Listens"], "Kim's tile for Lou");
  await leaveButton.waitFor({ state: "visible", timeout: E2E_TIMEOUT_MS });

  // Reach the button with Tab (from the first call control), press it with Enter.
  await a.getByRole("group", { name: "Call controls" }).getByRole("button", { name: "Microphone" }).focus();
  const focused = () => a.evaluate(() => document.activeElement?.textContent ?? "");
  for (let i = 0; i < 8 && (await focused()) !== "Leave call"; i++) await a.keyboard.press("Tab");
  expect(await focused()).toBe("Leave call");
  await a.keyboard.press("Enter");
  await waitTiles(a, [], "Kim's tiles to go");
  await leaveButton.waitFor({ state: "hidden" });

  // Focus did not fall to <body>: it is on the map, so the next arrow key walks.
  expect(await a.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute("role"))).toBe("application");
  const before = await position(a);
  let moved = false;
  for (const key of ["ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight"]) {
    await a.keyboard.down(key);
    moved = await pollUntil(() => selfPosition(a), (p) => !!p && Math.hypot(p.x - before.x, p.y - before.y) >= 16, `Kim to walk (${key})`, 4000).then(
      () => true,
      () => false,
    );
    await a.keyboard.up(key);
    if (moved) break;
  }
  expect(moved).toBe(true);
  for (const p of pages) expect(p.errors).toEqual([]);
});
