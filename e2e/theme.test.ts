import type { Page } from "playwright-core";
import { joinOffice, openPage, pagesClosedAfterEach, useOfficeSession, waitUntilJoined } from "./browser";

/**
 * The theme follows the device (issue 16): with no choice saved, the page
 * takes the system's light or dark setting from the first paint and follows
 * it when the device switches; a theme chosen in Settings wins over it, and
 * "Match this device" hands it back.
 */

jest.setTimeout(120_000);

const session = useOfficeSession();
const opened = pagesClosedAfterEach();

test("with no saved choice the page follows the device's theme; a chosen theme overrides it until Match this device", async () => {
  const watched = await openPage(session.browser, session.server.url, { context: { viewport: { width: 1280, height: 800 }, colorScheme: "light" } });
  opened.push(watched);
  const { page } = watched;
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // The join page already wears the device's theme.
  expect(await theme()).toBe("light");
  const lightBackground = await background();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  expect(await background()).not.toBe(lightBackground);

  await joinOffice(page, "Theo Device");
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  expect(await dialog.getByRole("radio", { name: "Match this device" }).isChecked()).toBe(true);
  await dialog.getByRole("radio", { name: "Light" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "hidden" });
  expect(await theme()).toBe("light");
  // The device switching no longer moves a chosen theme, not even after a reload.
  await page.emulateMedia({ colorScheme: "light" });
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await theme()).toBe("light");
  await page.reload();
  const resume = page.getByRole("button", { name: "Continue as Theo Device" });
  await resume.waitFor();
  expect(await theme()).toBe("light");

  // Handing it back: the page follows the device again at once.
  await resume.click();
  await waitUntilJoined(page);
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await dialog.getByRole("radio", { name: "Match this device" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "hidden" });
  expect(await theme()).toBe("dark");
  await page.emulateMedia({ colorScheme: "light" });
  await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
  expect(watched.errors).toEqual([]);
});

const LIGHT_BG = "rgb(244, 246, 251)";
const DARK_BG = "rgb(11, 16, 32)";
const VIEWPORT = { width: 1280, height: 800 };

test("a light device paints light from the first frame, before the script applies a theme; a saved choice still wins once it has", async () => {
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? null);

  // The stylesheet alone (scripts off): the device's theme, light or dark.
  for (const [colorScheme, expected] of [["light", LIGHT_BG], ["dark", DARK_BG]] as const) {
    const plain = await openPage(session.browser, session.server.url, { context: { viewport: VIEWPORT, colorScheme, javaScriptEnabled: false } });
    opened.push(plain);
    expect({ colorScheme, theme: await theme(plain.page), background: await background(plain.page) }).toEqual({ colorScheme, theme: null, background: expected });
  }

  // Scripts on, the bundle held back: the page as first painted is already light, and applying the theme keeps it so.
  const context = await session.browser.newContext({ viewport: VIEWPORT, colorScheme: "light" });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\/main-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  opened.push({ context, page, errors });
  await page.goto(session.server.url, { waitUntil: "commit" });
  await page.waitForFunction(() => document.body !== null && [...document.styleSheets].some((s) => s.cssRules.length > 0));
  expect({ theme: await theme(page), background: await background(page) }).toEqual({ theme: null, background: LIGHT_BG });
  release();
  await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
  expect(await background(page)).toBe(LIGHT_BG);
  expect(errors).toEqual([]);

  // A saved Dark choice on the same light device: once the script has run, the choice decides.
  const chosen = await openPage(session.browser, session.server.url, {
    context: { viewport: VIEWPORT, colorScheme: "light" },
    beforeLoad: (c) => c.addInitScript(() => localStorage.setItem("deskmap.preferences", JSON.stringify({ theme: "dark" }))),
  });
  opened.push(chosen);
  await chosen.page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  expect(await background(chosen.page)).toBe(DARK_BG);
  expect(chosen.errors).toEqual([]);
});
