import { E2E_TIMEOUT_MS, joinOffice, pollUntil, useOfficeSession } from "./browser";
import { remoteTileNames, tileView as tileOf, videoFlowing } from "./callsPages";

/**
 * Others' microphone and camera state (issue 16) end to end: when Bo mutes and
 * turns his camera off, Ada's tile of him says so and shows his name instead
 * of a black video; turning them back on brings the video back.
 */

jest.setTimeout(4 * E2E_TIMEOUT_MS);

const { open } = useOfficeSession({ closePagesAfterEach: true });

test("Bo mutes and turns his camera off: Ada's tile of him says Muted and Camera off and shows his name", async () => {
  const a = await open();
  const b = await open();
  await joinOffice(a.page, "Ada Watcher");
  await joinOffice(b.page, "Bo Quiet");
  await pollUntil(() => remoteTileNames(a.page), (t) => t.join() === "Bo Quiet", "Ada's tile for Bo", E2E_TIMEOUT_MS);
  expect((await videoFlowing(a.page, "Bo Quiet")).width).toBeGreaterThan(0);
  const before = (await tileOf(a.page, "Bo Quiet"))!;
  expect(before.badges).toEqual([]);
  expect(before.videoVisible).toBe(true);

  // Bo mutes with the button and turns the camera off with V.
  await b.page.getByRole("button", { name: "Microphone" }).click();
  await b.page.locator("#game canvas").focus();
  await b.page.keyboard.press("v");
  expect(await b.page.getByRole("button", { name: "Camera" }).getAttribute("aria-pressed")).toBe("false");

  const off = await pollUntil(
    () => tileOf(a.page, "Bo Quiet"),
    (t) => t?.badges.length === 2,
    "Ada seeing Bo muted with his camera off",
    E2E_TIMEOUT_MS,
  );
  expect(off).toEqual({
    description: "Muted, Camera off",
    badges: ["Muted", "Camera off"],
    cameraOff: "true",
    videoVisible: false,
    placeholder: "Bo Quiet",
    placeholderVisible: true,
  });

  // Microphone back on: only "Camera off" is left; camera back on: the video shows again.
  await b.page.getByRole("button", { name: "Microphone" }).click();
  await pollUntil(() => tileOf(a.page, "Bo Quiet"), (t) => t?.badges.join() === "Camera off", "only Camera off", E2E_TIMEOUT_MS);
  await b.page.getByRole("button", { name: "Camera" }).click();
  const on = await pollUntil(() => tileOf(a.page, "Bo Quiet"), (t) => t?.badges.length === 0, "no badges", E2E_TIMEOUT_MS);
  expect(on?.videoVisible).toBe(true);
  expect((await videoFlowing(a.page, "Bo Quiet")).width).toBeGreaterThan(0);
  for (const p of [a, b]) expect(p.errors).toEqual([]);
});
