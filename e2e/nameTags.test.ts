import { STATUS_COLOURS } from "../shared/status/statusKinds";
import { E2E_TIMEOUT_MS, joinOffice, pixelsAboveHead, pollUntil, useOfficeSession } from "./browser";

/**
 * Name tags are painted into textures of their own (client/systems/NameTag.ts),
 * the status dot on the same plate as the name. Others must see the dot's
 * colour follow the status: read from the canvas pixels above the person's head.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const { open } = useOfficeSession();

test("the dot on someone's name tag shows their status to others", async () => {
  const ada = await open();
  const bo = await open();
  await joinOffice(ada.page, "Ada Looker");
  await joinOffice(bo.page, "Bo Busy");
  // Ada stands beside Bo at the spawn: her own dot must not be taken for his, so hers is Away (grey).
  // (A call between them shortens the map area for the video strip, which may choose a smaller zoom.)
  await ada.page.locator("select[data-status-kind]").selectOption("away");

  const green = await pollUntil(() => pixelsAboveHead(ada.page, "Bo Busy", STATUS_COLOURS.available), (n) => n > 0, "Bo's green dot on Ada's map");
  expect(green).toBeGreaterThan(4);
  expect(await pixelsAboveHead(ada.page, "Bo Busy", STATUS_COLOURS.busy)).toBe(0);

  await bo.page.locator("select[data-status-kind]").selectOption("busy");
  await pollUntil(() => pixelsAboveHead(ada.page, "Bo Busy", STATUS_COLOURS.busy), (n) => n > 4, "Bo's amber dot on Ada's map");
  expect(await pixelsAboveHead(ada.page, "Bo Busy", STATUS_COLOURS.available)).toBe(0);
});
