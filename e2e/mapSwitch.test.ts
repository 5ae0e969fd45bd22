import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E_TIMEOUT_MS, ROOT, joinOffice, pollUntil, selfPosition, useOfficeSession } from "./browser";

/**
 * An admin makes a new map the space's active one while a guest is in the
 * office: the guest's page says so, reloads, and is back in the office on the
 * new map without touching the join page (real server, real Chromium).
 */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const session = useOfficeSession();

test("a guest in the office follows the space onto its new map by themselves", async () => {
  const admin = await session.browser.newContext();
  const url = session.server.url;
  const signup = await admin.request.post(`${url}/api/auth/signup`, {
    data: { email: "mapper@example.com", password: "a long enough password", displayName: "Mia Mapper", avatar: "ada" },
  });
  expect(signup.status()).toBe(202);
  expect((await admin.request.post(`${url}/api/auth/signin`, { data: { email: "mapper@example.com", password: "a long enough password" } })).status()).toBe(200);
  expect((await admin.request.post(`${url}/api/spaces`, { data: { slug: "remap", name: "Remap" } })).status()).toBe(201);

  const { page, errors } = await session.open("/s/remap");
  await joinOffice(page, "Gail Guest");
  // Asked while the page reloads, the question has no page to run in: that counts as "not yet".
  const mapVersion = () => (page.evaluate("window.__deskmap?.mapVersion?.() ?? null") as Promise<number | null>).catch(() => null);
  expect(await mapVersion()).toBe(1);
  // Gone after a reload: tells a reloaded page from one that stayed.
  await page.evaluate("window.__beforeSwitch = true");

  const tiled = JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8"));
  const uploaded = await admin.request.post(`${url}/api/spaces/remap/maps?activate=true&name=renovated`, { data: tiled });
  expect(uploaded.status()).toBe(201);

  await pollUntil(mapVersion, (v) => v === 2, "the page on map version 2", 30_000);
  expect(await page.evaluate("window.__beforeSwitch ?? false")).toBe(false);
  expect(await pollUntil(() => selfPosition(page).catch(() => null), (p) => p !== null, "own avatar on the new map")).not.toBeNull();
  // Told why the page reloaded (a polite live region), back in without the join page, and the map drawn.
  await pollUntil(
    () => page.locator("[aria-live=polite][data-announcer]").textContent().catch(() => null),
    (t) => t === "The office map was updated; you are back on the new one",
    "the announcement of the new map",
  );
  expect(await page.locator("[data-join]").isHidden()).toBe(true);
  expect(await page.locator("#game canvas").count()).toBe(1);
  expect(errors).toEqual([]);
  await admin.close();
});
