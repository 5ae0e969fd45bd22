import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { createSpaceWithMap } from "../server/db/repositories/createSpaceWithMap";
import { stagesOf } from "../shared/meetups/stageLayout";
import {
  E2E_TIMEOUT_MS,
  ROOT,
  joinOffice,
  pollUntil,
  useOfficeSession,
  type WatchedPage,
} from "./browser";
import { loadOfficeMap, platformSpots, remoteAudioLevel, videoFlowing, walkToOneOf } from "./callsPages";

/**
 * A stage meetup end to end on the real office map: a host schedules and
 * starts it from the panel, stands on the stage, two audience pages are taken
 * there and receive the host's video; an audience member is not heard until
 * the host brings them up, then is.
 */

jest.setTimeout(6 * E2E_TIMEOUT_MS);

const map = loadOfficeMap();
const stage = stagesOf(map).find((s) => s.platforms.length > 0)!;
const opened: WatchedPage[] = [];
const session = useOfficeSession({
  async seed(server) {
    const tiled = JSON.parse(readFileSync(path.join(ROOT, "maps/office.json"), "utf8")) as Record<string, unknown>;
    await createSpaceWithMap(server.repos, { slug: "talks", name: "Talks", tiled, map, mapName: "office", settings: { meetupHosts: "anyone" } });
  },
});

async function enter(name: string): Promise<Page> {
  const watched = await session.open("/s/talks");
  opened.push(watched);
  await joinOffice(watched.page, name);
  return watched.page;
}

const selfId = (page: Page) => page.evaluate(() => (window as unknown as { __deskmap: { selfId(): string } }).__deskmap.selfId());

test("the audience receives the host's video; a listener is heard only once brought up", async () => {
  const host = await enter("Hal Host");
  await host.getByText("Schedule a meetup").click();
  const form = host.locator("[data-meetup-form]");
  await form.locator("input[name=title]").fill("Friday talk");
  await form.locator("select[name=zone]").selectOption({ label: `${stage.hall.name} (stage)` });
  await host.locator("[data-meetup-schedule]").click();
  await host.locator("[data-meetup-start]").click();
  await host.locator("[data-meetup-list] li[data-state=live]").waitFor({ timeout: E2E_TIMEOUT_MS });
  await host.locator("[data-meetup-list] li[data-state=live]").getByRole("button", { name: "Take me there" }).click();
  await pollUntil(() => host.evaluate(() => (window as any).__deskmap.members().find((m: any) => m.id === (window as any).__deskmap.selfId())?.zone), (z) => z === stage.hall.name, "the host in the hall");
  await walkToOneOf(host, platformSpots(map, stage));

  const ann = await enter("Ann Audience");
  const bob = await enter("Bob Audience");
  for (const page of [ann, bob]) {
    await page.locator("[data-meetup-list] li[data-state=live]").getByRole("button", { name: "Take me there" }).click();
  }
  for (const page of [ann, bob]) {
    const video = await videoFlowing(page, "Hal Host", 2 * E2E_TIMEOUT_MS);
    expect(video.width).toBeGreaterThan(0);
  }
  // Listeners send nothing: the host's tile for Ann carries no audio.
  await pollUntil(() => host.locator('[data-peer] >> nth=0').count(), (n) => n > 0, "the host's audience tiles");
  const before = await remoteAudioLevel(host, "Ann Audience", 3000).catch(() => ({ liveTracks: 0, peak: 0 }));
  expect(before.liveTracks).toBe(0);
  // Bob does not receive Ann either (listeners never connect to each other).
  expect(await bob.getByRole("group", { name: "Ann Audience", exact: true }).count()).toBe(0);

  const annId = await selfId(ann);
  await host.locator(`[data-promote="${annId}"]`).click({ timeout: E2E_TIMEOUT_MS });
  const heard = await pollUntil(
    () => remoteAudioLevel(host, "Ann Audience", 4000).catch(() => ({ liveTracks: 0, peak: 0 })),
    (l) => l.liveTracks > 0 && l.peak > 0.02,
    "Ann heard by the host once brought up",
    2 * E2E_TIMEOUT_MS,
  );
  expect(heard.peak).toBeGreaterThan(0.02);
  // Now a speaker, Ann reaches the rest of the audience too.
  const bobHearsAnn = await pollUntil(
    () => remoteAudioLevel(bob, "Ann Audience", 4000).catch(() => ({ liveTracks: 0, peak: 0 })),
    (l) => l.liveTracks > 0,
    "Bob receives Ann",
    2 * E2E_TIMEOUT_MS,
  );
  expect(bobHearsAnn.liveTracks).toBeGreaterThan(0);
  for (const p of opened) expect(p.errors).toEqual([]);
});
