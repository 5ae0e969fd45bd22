import type { Page } from "playwright-core";
import { E2E_TIMEOUT_MS, joinOffice, pollUntil, useOfficeSession, type WatchedPage } from "./browser";
import { videoFlowing } from "./callsPages";

/**
 * The first thing a team does: two people open the office URL, both arrive
 * at the spawn, side by side, and should be in a call at once. The newcomer
 * is still answering the camera prompt when the colleague already there
 * sends the offer (the colleague makes it when their session id is the
 * smaller one): that offer must wait for the newcomer's calls, not be lost.
 * The prompt is held open by gating getUserMedia in the newcomer's page
 * (Chromium's fake-UI flag answers the real prompt at once).
 */

jest.setTimeout(4 * E2E_TIMEOUT_MS);

const office = useOfficeSession({ closePagesAfterEach: true });

const selfId = (page: Page) => page.evaluate(() => (window as unknown as { __deskmap?: { selfId(): string } }).__deskmap?.selfId() ?? "");

/** Opens the office with the camera prompt held until `grantCamera` is called in the page. */
async function openWithPromptHeld(): Promise<WatchedPage> {
  const watched = await office.open("about:blank");
  await watched.context.addInitScript(() => {
    const devices = navigator.mediaDevices;
    const real = devices.getUserMedia.bind(devices);
    let grant: () => void = () => undefined;
    const granted = new Promise<void>((resolve) => (grant = resolve));
    Object.assign(window, { grantCamera: () => grant() });
    devices.getUserMedia = async (constraints) => {
      await granted;
      return real(constraints);
    };
  });
  await watched.page.goto(office.server.url);
  return watched;
}

test("a newcomer at the spawn beside a colleague is in a call with them once the camera prompt is answered", async () => {
  const ada = await office.open();
  await joinOffice(ada.page, "Ada Early", "Ada");
  const adaId = await selfId(ada.page);

  // Ada must make the offer: a newcomer whose id sorts first would make it after the prompt, and miss the point.
  let bo: WatchedPage | null = null;
  for (let attempt = 0; attempt < 10 && !bo; attempt++) {
    const candidate = await openWithPromptHeld();
    await joinOffice(candidate.page, "Bo Newcomer", "Bo");
    if ((await selfId(candidate.page)) > adaId) bo = candidate;
    else await candidate.page.goto("about:blank");
  }
  if (!bo) throw new Error("ten newcomers in a row had a session id smaller than Ada's");

  // Ada's page is in the call with Bo and has sent its offer while Bo's prompt is still open.
  await pollUntil(
    () => ada.page.evaluate(() => (window as unknown as { __deskmapCalls?: { peers(): Array<{ initiator: boolean }> } }).__deskmapCalls?.peers() ?? []),
    (peers) => peers.length === 1 && peers[0].initiator,
    "Ada's call with Bo, Ada making the offer",
  );
  await ada.page.waitForTimeout(1500);
  await bo.page.evaluate(() => (window as unknown as { grantCamera(): void }).grantCamera());

  const boSeesAda = await videoFlowing(bo.page, "Ada Early", 30_000);
  const adaSeesBo = await videoFlowing(ada.page, "Bo Newcomer", 30_000);
  expect(boSeesAda.width).toBeGreaterThan(0);
  expect(adaSeesBo.width).toBeGreaterThan(0);
  expect([...ada.errors, ...bo.errors]).toEqual([]);
});
