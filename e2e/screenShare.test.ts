import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { createSpaceWithMap } from "../server/db/repositories/createSpaceWithMap";
import { stagesOf } from "../shared/meetups/stageLayout";
import { E2E_TIMEOUT_MS, ROOT, joinOffice, pollUntil, selfPosition, useOfficeSession } from "./browser";
import { loadOfficeMap, platformSpots, remoteTileNames, spotsAround, videoFlowing, walkToOneOf } from "./callsPages";

/**
 * Screen sharing end to end (issue 19): real server, real Chromium pages in a
 * peer-to-peer call. With --use-fake-ui-for-media-stream on an
 * http://127.0.0.1 page, getDisplayMedia captures Chromium's fake 1280x720
 * screen without a picker. The share travels on the call's links (a
 * renegotiation from whichever side shares), and the room says who shares.
 */

jest.setTimeout(5 * E2E_TIMEOUT_MS);

const map = loadOfficeMap();
const stage = stagesOf(map).find((s) => s.platforms.length > 0)!;
const { open } = useOfficeSession({
  closePagesAfterEach: true,
  // A space where anyone may hold a meetup: its "Take me there" brings people into the stage hall.
  async seed(server) {
    const tiled = JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8")) as Record<string, unknown>;
    await createSpaceWithMap(server.repos, { slug: "talks", name: "Talks", tiled, map, mapName: "office", settings: { meetupHosts: "anyone" } });
  },
});

const SHARE_OF_ADA = "Ada Sharer is sharing their screen";
const SHARE_OF_BO = "Bo Viewer is sharing their screen";

async function position(page: Page) {
  return (await pollUntil(() => selfPosition(page), (p) => p !== null, "own position"))!;
}

const waitTiles = (page: Page, names: string[], what: string) =>
  pollUntil(() => remoteTileNames(page), (t) => JSON.stringify(t) === JSON.stringify(names), what, E2E_TIMEOUT_MS);

const shareCount = (page: Page, name: string) => page.getByRole("group", { name, exact: true }).count();

/** Whether the own avatar is drawn where nothing of the page's (a share, the strip) covers it. */
function ownAvatarVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const hook = (window as unknown as {
      __deskmap: { selfPosition(): { x: number; y: number } | null; clientPointOf(p: { x: number; y: number }): { x: number; y: number } | null };
    }).__deskmap;
    const self = hook.selfPosition();
    const point = self && hook.clientPointOf(self);
    return !!point && point.y > 0 && point.y < innerHeight && document.elementFromPoint(point.x, point.y)?.tagName === "CANVAS";
  });
}

test("Ada shares her screen; Bo sees it large and labelled, while both share, and not once she stops", async () => {
  const a = await open();
  const b = await open();
  await joinOffice(a.page, "Ada Sharer", "Ada");
  // Ada leaves the spawn area first, so Bo arrives out of range.
  await walkToOneOf(a.page, spotsAround(map, await position(a.page), 6, 7));
  await joinOffice(b.page, "Bo Viewer", "Bo");
  const shareA = a.page.getByRole("button", { name: "Share screen" });
  // Alone, there is nobody to share with.
  expect(await shareA.isDisabled()).toBe(true);

  await walkToOneOf(b.page, spotsAround(map, await position(a.page), 1, 2));
  await waitTiles(a.page, ["Bo Viewer"], "Ada's tile for Bo");
  await waitTiles(b.page, ["Ada Sharer"], "Bo's tile for Ada");
  await videoFlowing(b.page, "Ada Sharer");

  await pollUntil(() => shareA.isEnabled(), (on) => on, "Ada's share button usable in the call");
  await shareA.click();
  const stopA = a.page.getByRole("button", { name: "Stop sharing" });
  await stopA.waitFor();
  expect(await stopA.getAttribute("aria-pressed")).toBe("true");

  // Bo: a large picture of Ada's screen, labelled with her name, frames flowing.
  const screen = await videoFlowing(b.page, SHARE_OF_ADA);
  expect(screen.width).toBeGreaterThan(0);
  expect(screen.width / screen.height).toBeCloseTo(16 / 9, 1);
  const region = b.page.getByRole("region", { name: "Shared screens" });
  expect(await region.getByRole("group", { name: SHARE_OF_ADA, exact: true }).count()).toBe(1);
  // Her camera is still her camera (4:3), not replaced by the screen.
  const camera = await videoFlowing(b.page, "Ada Sharer");
  expect(camera.width / camera.height).toBeCloseTo(4 / 3, 1);
  // Screen readers were told.
  await pollUntil(() => b.page.locator("[data-call-announcer]").textContent(), (t) => t === SHARE_OF_ADA, "Bo's announcement");
  // Ada sees no large copy of her own screen.
  expect(await shareCount(a.page, SHARE_OF_ADA)).toBe(0);

  // Large, above the map, and Bo's own preview and avatar stay in view.
  const box = (await region.getByRole("group", { name: SHARE_OF_ADA, exact: true }).boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(400);
  const game = (await b.page.locator("#game").boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(game.y + 1);
  const preview = (await b.page.locator("figure[data-self]").boundingBox())!;
  expect(preview.y + preview.height).toBeLessThanOrEqual(box.y + 1);
  await pollUntil(() => ownAvatarVisible(b.page), (v) => v, "Bo's avatar on the map in view");
  await b.page.screenshot({ path: "/tmp/deskmap-screenshare-laptop.png" });

  // Bo shares too (the other side of the link renegotiates): both shares at once.
  await b.page.getByRole("button", { name: "Share screen" }).click();
  await b.page.getByRole("button", { name: "Stop sharing" }).waitFor();
  const fromBo = await videoFlowing(a.page, SHARE_OF_BO);
  expect(fromBo.width).toBeGreaterThan(0);
  await videoFlowing(b.page, SHARE_OF_ADA);

  // On a phone the share still leaves the own avatar in view.
  await b.page.setViewportSize({ width: 390, height: 844 });
  await pollUntil(() => b.page.locator(".app").getAttribute("data-layout"), (l) => l === "phone", "Bo's phone layout");
  await pollUntil(() => ownAvatarVisible(b.page), (v) => v, "Bo's avatar in view on a phone");
  const phoneBox = (await b.page.getByRole("group", { name: SHARE_OF_ADA, exact: true }).boundingBox())!;
  expect(phoneBox.width).toBeGreaterThan(0);
  expect(phoneBox.x + phoneBox.width).toBeLessThanOrEqual(391);
  await b.page.screenshot({ path: "/tmp/deskmap-screenshare-phone.png" });

  // Ada stops: Bo's view of her screen goes; Bo's own share goes on.
  await stopA.click();
  await shareA.waitFor();
  expect(await shareA.getAttribute("aria-pressed")).toBe("false");
  await pollUntil(() => shareCount(b.page, SHARE_OF_ADA), (n) => n === 0, "Ada's share gone from Bo's page");
  await pollUntil(() => b.page.locator("[data-call-announcer]").textContent(), (t) => t === "Ada Sharer stopped sharing their screen", "Bo told it ended");
  expect(await shareCount(a.page, SHARE_OF_BO)).toBe(1);

  // Sharing again reuses the link's screen sender: frames flow again without a new connection.
  await shareA.click();
  await stopA.waitFor();
  const again = await videoFlowing(b.page, SHARE_OF_ADA);
  expect(again.width).toBeGreaterThan(0);

  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
});

const zoneOf = (page: Page) =>
  page.evaluate(() => {
    const hook = (window as unknown as { __deskmap: { selfId(): string; members(): Array<{ id: string; zone?: string }> } }).__deskmap;
    return hook.members().find((m) => m.id === hook.selfId())?.zone ?? "";
  });

test("a speaker on the stage shares with the audience; a listener has no share button", async () => {
  const host = (await open("/s/talks")).page;
  const listenerPage = await open("/s/talks");
  const listener = listenerPage.page;
  await joinOffice(host, "Hal Host");
  await host.getByText("Schedule a meetup").click();
  const form = host.locator("[data-meetup-form]");
  await form.locator("input[name=title]").fill("Demo");
  await form.locator("select[name=zone]").selectOption({ label: `${stage.hall.name} (stage)` });
  await host.locator("[data-meetup-schedule]").click();
  await host.locator("[data-meetup-start]").click();
  const live = host.locator("[data-meetup-list] li[data-state=live]");
  await live.waitFor({ timeout: E2E_TIMEOUT_MS });
  await live.getByRole("button", { name: "Take me there" }).click();
  await pollUntil(() => zoneOf(host), (z) => z === stage.hall.name, "the host in the hall");
  await walkToOneOf(host, platformSpots(map, stage));

  await joinOffice(listener, "Lu Listener");
  await listener.locator("[data-meetup-list] li[data-state=live]").getByRole("button", { name: "Take me there" }).click();
  await videoFlowing(listener, "Hal Host", 2 * E2E_TIMEOUT_MS);
  // On a stage only speakers share: the listener's page offers nothing to press.
  expect(await listener.getByRole("button", { name: "Share screen" }).isVisible()).toBe(false);

  const share = host.getByRole("button", { name: "Share screen" });
  await pollUntil(() => share.isEnabled(), (on) => on, "the speaker's share button usable");
  await share.click();
  await host.getByRole("button", { name: "Stop sharing" }).waitFor();
  const screen = await videoFlowing(listener, "Hal Host is sharing their screen", 2 * E2E_TIMEOUT_MS);
  expect(screen.width).toBeGreaterThan(0);
  expect(listenerPage.errors).toEqual([]);
});
