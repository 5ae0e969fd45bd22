import type { Page } from "playwright-core";
import {
  E2E_TIMEOUT_MS,
  joinOffice,
  members,
  pollUntil,
  selfPosition,
  useOfficeSession,
} from "./browser";

/** The people panel in Chromium: locate pans the camera to someone, walk-to brings you next to them, a wave arrives. */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const { open } = useOfficeSession();

/** How far (page pixels) a map point is drawn from the middle of the map's canvas. */
async function offCentre(page: Page, point: { x: number; y: number }): Promise<number> {
  return page.evaluate((p) => {
    const hook = (window as unknown as { __deskmap: { clientPointOf(p: { x: number; y: number }): { x: number; y: number } } }).__deskmap;
    const at = hook.clientPointOf(p);
    const rect = document.querySelector("#game canvas")!.getBoundingClientRect();
    return Math.hypot(at.x - (rect.left + rect.width / 2), at.y - (rect.top + rect.height / 2));
  }, point);
}

async function action(page: Page, name: string, label: string): Promise<void> {
  const row = page.getByRole("list", { name: "People" }).getByRole("listitem").filter({ hasText: new RegExp(`^${name} — `) });
  const group = row.getByRole("group", { name: `Actions for ${name}` });
  if (!(await group.isVisible())) await row.getByRole("button", { name: `Actions for ${name}` }).click();
  await group.getByRole("button", { name: label }).click();
}

test("locate pans to someone, walk-to brings you next to them, a wave reaches them, a ring is accepted", async () => {
  const a = await open();
  await joinOffice(a.page, "Ada Finder");
  const b = await open();
  await joinOffice(b.page, "Bo Found");
  // Bo steps away so that he is clearly somewhere else on Ada's screen.
  await b.page.locator("#game canvas").focus();
  const start = await pollUntil(() => selfPosition(b.page), (p) => p !== null && p.y > 0, "Bo placed");
  // Walked by distance, not by time: a busy machine makes fewer steps in a second.
  await b.page.keyboard.down("ArrowUp");
  // Far enough that Ada's screen draws him well off its middle, whatever zoom her layout picked.
  await pollUntil(
    async () => {
      const p = await selfPosition(b.page);
      return p && start!.y - p.y >= 4 * 32 ? offCentre(a.page, p) : 0;
    },
    (d) => d > 120,
    "Bo well off the middle of Ada's screen",
    20_000,
  );
  await b.page.keyboard.up("ArrowUp");
  const bo = await pollUntil(
    async () => [await selfPosition(b.page), await new Promise((r) => setTimeout(r, 300)).then(() => selfPosition(b.page))] as const,
    ([p, q]) => p !== null && q !== null && p.x === q.x && p.y === q.y,
    "Bo to stand still",
  ).then(([p]) => p!);

  const before = await offCentre(a.page, bo);

  // The camera holds on Bo for a few seconds and then returns to Ada; a busy test process could look too late.
  // The page itself records how close to the middle Bo was drawn, every frame.
  await a.page.evaluate((p) => {
    const hook = (window as unknown as { __deskmap: { clientPointOf(p: { x: number; y: number }): { x: number; y: number } } }).__deskmap;
    const w = window as unknown as { __closestToCentre: number };
    w.__closestToCentre = Infinity;
    const watch = () => {
      const at = hook.clientPointOf(p);
      const rect = document.querySelector("#game canvas")!.getBoundingClientRect();
      w.__closestToCentre = Math.min(w.__closestToCentre, Math.hypot(at.x - (rect.left + rect.width / 2), at.y - (rect.top + rect.height / 2)));
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }, bo);
  await action(a.page, "Bo Found", "Locate Bo Found");
  // The camera pans until Bo is drawn in the middle (the map's edge may stop it a little short).
  const after = await pollUntil(
    () => a.page.evaluate(() => (window as unknown as { __closestToCentre: number }).__closestToCentre),
    (d) => d < 40 || d < before / 3,
    "Ada's camera on Bo",
    10_000,
  );
  expect(after).toBeLessThan(before);

  await action(a.page, "Bo Found", "Walk to Bo Found");
  // Next to Bo, not on top of him: a free spot a tile or so away, both name tags readable.
  const arrived = await pollUntil(
    () => selfPosition(a.page),
    (p) => p !== null && Math.hypot(p.x - bo.x, p.y - bo.y) <= 3.2 * 32,
    "Ada to arrive next to Bo",
  );
  await pollUntil(() => members(a.page), (list) => list.every((m) => !m.moving), "Ada to stop");
  const stood = (await selfPosition(a.page))!;
  expect(Math.max(Math.abs(stood.x - bo.x), Math.abs(stood.y - bo.y))).toBeGreaterThanOrEqual(28);
  expect(arrived).not.toBeNull();

  await action(a.page, "Bo Found", "Wave at Bo Found");
  await b.page.getByText("Ada Finder waved at you").first().waitFor();

  // Ada rings Bo; he accepts, and Ada is told he is on the way.
  await action(a.page, "Bo Found", "Ring Bo Found (ask them to come to you)");
  const ring = b.page.getByRole("group", { name: "Ada Finder is ringing" });
  await ring.getByRole("button", { name: "Accept" }).click();
  await a.page.getByText("Bo Found is on the way").first().waitFor();
  expect(await ring.count()).toBe(0);
  // Bo walks over and stops beside Ada, not on her.
  const adaAt = (await selfPosition(a.page))!;
  await pollUntil(
    () => selfPosition(b.page),
    (p) => p !== null && Math.hypot(p.x - adaAt.x, p.y - adaAt.y) <= 3.2 * 32,
    "Bo to arrive next to Ada",
    E2E_TIMEOUT_MS,
  );
  await pollUntil(() => members(b.page), (list) => list.every((m) => !m.moving), "Bo to stop");
  const boAt = (await selfPosition(b.page))!;
  expect(Math.max(Math.abs(boAt.x - adaAt.x), Math.abs(boAt.y - adaAt.y))).toBeGreaterThanOrEqual(28);
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
});

test("settings: a new name and look are saved and everyone's People list follows; the light theme applies", async () => {
  const a = await open();
  await joinOffice(a.page, "Eve Before");
  const b = await open();
  await joinOffice(b.page, "Fin Watcher");
  await pollUntil(() => b.page.getByRole("list", { name: "People" }).textContent(), (t) => t?.includes("Eve Before — ") ?? false, "Eve listed");
  // Fin opens a thread with Eve, and they stand together at the spawn: a call tile shows her name.
  const row = b.page.getByRole("list", { name: "People" }).getByRole("listitem").filter({ hasText: /^Eve Before — / });
  await row.getByRole("button", { name: "Actions for Eve Before" }).click();
  await row.getByRole("button", { name: "Message Eve Before" }).click();
  await b.page.getByRole("tab", { name: "Eve Before" }).waitFor();
  await b.page.getByRole("group", { name: "Eve Before", exact: true }).waitFor({ timeout: E2E_TIMEOUT_MS });

  await a.page.getByRole("button", { name: "Settings", exact: true }).click();
  const dialog = a.page.getByRole("dialog", { name: "Settings" });
  await dialog.getByLabel("Name").fill("Eve After");
  await dialog.getByRole("radio", { name: "Gus" }).check();
  await dialog.getByRole("radio", { name: "Light" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "hidden" });

  await pollUntil(() => b.page.getByRole("list", { name: "People" }).textContent(), (t) => t?.includes("Eve After — ") ?? false, "the new name for Fin");
  const seen = await pollUntil(
    () => b.page.evaluate(() => (window as unknown as { __deskmap: { members(): Array<{ name: string; avatar: string }> } }).__deskmap.members()),
    (list) => list.some((m) => m.name === "Eve After" && m.avatar === "gus"),
    "the new look for Fin",
  );
  expect(seen.some((m) => m.name === "Eve Before")).toBe(false);
  // The DM tab and the video tile follow the new name at once.
  await b.page.getByRole("tab", { name: "Eve After" }).waitFor();
  await b.page.getByRole("group", { name: "Eve After", exact: true }).waitFor();
  expect(await b.page.getByRole("tab", { name: "Eve Before" }).count()).toBe(0);
  expect(await a.page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");

  // Saved on the member: a reload continues under the new name.
  await a.page.reload();
  await a.page.getByRole("button", { name: "Continue as Eve After" }).waitFor();
  expect(await a.page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
  expect(a.errors).toEqual([]);
});
