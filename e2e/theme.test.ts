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
