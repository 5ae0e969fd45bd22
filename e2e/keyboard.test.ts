import type { Page } from "playwright-core";
import {
  E2E_TIMEOUT_MS,
  joinOffice,
  pollUntil,
  selfPosition,
  waitUntilJoined,
  useOfficeSession,
} from "./browser";

/**
 * Keyboard only, from joining to talking: join as a guest, find a person in
 * the People list, walk to them, open chat with Enter, write on the Nearby
 * channel, show an emote with Alt+1. The other person hears it all politely.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const { open } = useOfficeSession();

function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.tagName ?? ""}:${el?.getAttribute("aria-label") ?? el?.textContent ?? ""}`;
  });
}

/** Presses Tab until the focused element's description matches, failing after `max` presses. */
async function tabTo(page: Page, pattern: RegExp, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (pattern.test(await focused(page))) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${pattern}; last: ${await focused(page)}`);
}

test("join, find, walk to and talk to someone with the keyboard alone", async () => {
  const b = await open();
  await joinOffice(b.page, "Bo Listener");

  const a = await open();
  await a.page.getByLabel("Your name").waitFor();
  await a.page.keyboard.type("Kay Board");
  await tabTo(a.page, /^BUTTON:Join as guest/);
  await a.page.keyboard.press("Enter");
  await waitUntilJoined(a.page);
  expect(await focused(a.page)).toMatch(/^CANVAS:/);
  // Bo is told politely that Kay arrived.
  await pollUntil(() => b.page.locator("[aria-live=polite][data-announcer]").textContent(), (t) => t === "Kay Board joined", "the join announcement");

  // P jumps to the People list; the search box narrows it; Tab reaches Bo's actions.
  await a.page.keyboard.press("p");
  await tabTo(a.page, /^INPUT:/);
  await a.page.keyboard.type("bo");
  await tabTo(a.page, /^BUTTON:Actions for Bo Listener/);
  await a.page.keyboard.press("Enter");
  expect(await focused(a.page)).toBe("BUTTON:Locate Bo Listener");
  await tabTo(a.page, /^BUTTON:Walk to Bo Listener/);
  await a.page.keyboard.press("Enter");
  const bo = (await selfPosition(b.page))!;
  await pollUntil(() => selfPosition(a.page), (p) => p !== null && Math.hypot(p.x - bo.x, p.y - bo.y) <= 40, "Kay next to Bo");

  await tabTo(a.page, /^BUTTON:Wave at Bo Listener/);
  await a.page.keyboard.press("Enter");
  await pollUntil(() => b.page.locator("[aria-live=polite][data-announcer]").textContent(), (t) => t === "Kay Board waved at you", "the wave announcement");

  // Escape goes back to the map; Enter there opens chat; Shift+Tab reaches the channel tabs.
  await a.page.keyboard.press("Escape");
  await a.page.keyboard.press("Escape");
  await a.page.keyboard.press("Escape");
  expect(await focused(a.page)).toMatch(/^CANVAS:/);
  await a.page.keyboard.press("Enter");
  expect(await focused(a.page)).toBe("INPUT:Message to Everyone");
  await a.page.keyboard.press("Shift+Tab"); // the log
  await a.page.keyboard.press("Shift+Tab"); // the open channel's tab; arrows move between channels
  expect(await focused(a.page)).toMatch(/^BUTTON:Everyone/);
  // Outside every zone there is no Zone channel: Nearby is the one before Everyone.
  await a.page.keyboard.press("ArrowLeft");
  expect(await focused(a.page)).toMatch(/^BUTTON:Nearby/);
  await tabTo(a.page, /^INPUT:Message to Nearby/);
  await a.page.keyboard.type("hello from the keyboard");
  await a.page.keyboard.press("Enter");

  const nearby = b.page.getByRole("tab", { name: /Nearby/ });
  await pollUntil(() => nearby.textContent(), (t) => t === "Nearby1", "Bo's unread badge on Nearby");
  await nearby.click();
  await b.page.getByRole("log").getByText("hello from the keyboard").waitFor();

  // Alt+1 waves above Kay's head, for Bo to see.
  await a.page.keyboard.press("Escape");
  expect(await focused(a.page)).toMatch(/^CANVAS:/);
  await a.page.keyboard.press("Alt+Digit1");
  await b.page.locator(".emote[data-emote=wave]").first().waitFor({ state: "attached" });
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
});
