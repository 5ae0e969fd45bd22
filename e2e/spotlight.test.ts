import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { createSpaceWithMap } from "../server/db/repositories/createSpaceWithMap";
import { E2E_TIMEOUT_MS, ROOT, joinOffice, pollUntil, useOfficeSession, type WatchedPage } from "./browser";
import { loadOfficeMap } from "./callsPages";

/**
 * A meeting-room meetup: the host sees one lock button that says what it
 * will do, and spotlighting a speaker gives everyone a large, uncropped
 * video of them above the map with the other tiles still in view.
 */

jest.setTimeout(5 * E2E_TIMEOUT_MS);

const map = loadOfficeMap();
const room = map.zones.find((z) => z.type === "meeting")!;
const opened: WatchedPage[] = [];
const session = useOfficeSession({
  async seed(server) {
    const tiled = JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8")) as Record<string, unknown>;
    await createSpaceWithMap(server.repos, { slug: "meet", name: "Meet", tiled, map, mapName: "office", settings: { meetupHosts: "anyone" } });
  },
});

async function enter(name: string): Promise<Page> {
  const watched = await session.open("/s/meet");
  opened.push(watched);
  await watched.page.setViewportSize({ width: 1280, height: 800 });
  await joinOffice(watched.page, name);
  return watched.page;
}

const zoneOf = (page: Page) =>
  page.evaluate(() => {
    const hook = (window as unknown as { __deskmap: { selfId(): string; members(): Array<{ id: string; zone?: string }> } }).__deskmap;
    return hook.members().find((m) => m.id === hook.selfId())?.zone ?? "";
  });

test("one lock toggle for the host; a spotlit speaker is shown large and whole", async () => {
  const host = await enter("Hana Host");
  await host.getByText("Schedule a meetup").click();
  const form = host.locator("[data-meetup-form]");
  await form.locator("input[name=title]").fill("Standup");
  await form.locator("select[name=zone]").selectOption({ label: `${room.name} (meeting)` });
  await host.locator("[data-meetup-schedule]").click();
  await host.locator("[data-meetup-start]").click();
  const live = host.locator("[data-meetup-list] li[data-state=live]");
  await live.waitFor({ timeout: E2E_TIMEOUT_MS });

  // Exactly one of Lock / Unlock, saying what a press does.
  const controls = host.locator("[data-host-controls]");
  expect(await controls.getByRole("button", { name: "Lock zone", exact: true }).count()).toBe(1);
  expect(await controls.getByRole("button", { name: "Unlock zone", exact: true }).count()).toBe(0);

  await live.getByRole("button", { name: "Take me there" }).click();
  await pollUntil(() => zoneOf(host), (z) => z === room.name, "the host in the room");
  const guest = await enter("Gil Guest");
  await guest.locator("[data-meetup-list] li[data-state=live]").getByRole("button", { name: "Take me there" }).click();
  await pollUntil(() => zoneOf(guest), (z) => z === room.name, "the guest in the room");
  await host.getByRole("group", { name: "Gil Guest", exact: true }).waitFor({ timeout: 2 * E2E_TIMEOUT_MS });

  await controls.getByRole("button", { name: "Spotlight Gil Guest" }).click();
  const tile = host.getByRole("group", { name: "Gil Guest", exact: true });
  await pollUntil(() => tile.getAttribute("data-spotlit"), (v) => v === "true", "Gil spotlit on the host's page", E2E_TIMEOUT_MS);
  const box = (await tile.boundingBox())!;
  // Large, with the video's own 4:3 shape (not a 964x120 strip that crops it).
  expect(box.width).toBeGreaterThanOrEqual(320);
  expect(box.height / box.width).toBeGreaterThan(0.6);
  const game = (await host.locator("#game").boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(game.y + 1); // above the map, not over it
  // The host's own tile is still on screen.
  const self = (await host.locator("figure[data-self]").boundingBox())!;
  expect(self.y + self.height).toBeLessThanOrEqual(800);
  await host.screenshot({ path: "/tmp/deskmap-spotlight-laptop.png" });

  // The lock: pressing it locks, and the one button now offers to unlock.
  await controls.getByRole("button", { name: "Lock zone", exact: true }).click();
  await controls.getByRole("button", { name: "Unlock zone", exact: true }).waitFor();
  expect(await controls.getByRole("button", { name: "Lock zone", exact: true }).count()).toBe(0);
  for (const p of opened) expect(p.errors).toEqual([]);
});
