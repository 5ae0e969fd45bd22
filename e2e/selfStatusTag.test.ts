import { STATUS_COLOURS } from "../shared/status/statusKinds";
import { E2E_TIMEOUT_MS, joinOffice, pixelsAboveHead, pollUntil, useOfficeSession } from "./browser";
import { dropSocketOf } from "./testServer";

/**
 * Your own name tag after a reconnect: the dot over your head must show the
 * status you have now (the same one the status menu shows), not the one the
 * tag was painted with before the socket dropped. Read from canvas pixels.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const { open } = useOfficeSession();

test("your own name tag keeps showing your current status across a reconnect", async () => {
  const a = await open();
  await joinOffice(a.page, "Rita Rejoin");
  const status = a.page.getByRole("banner").getByRole("status");
  const menu = a.page.getByRole("combobox", { name: "Your status" });
  const dot = (colour: string) => pixelsAboveHead(a.page, "Rita Rejoin", colour);

  await menu.selectOption("focus");
  await pollUntil(() => dot(STATUS_COLOURS.focus), (n) => n > 4, "a Focus dot on my tag");

  const selfId = await a.page.evaluate(() => (window as unknown as { __deskmap: { selfId(): string } }).__deskmap.selfId());
  await dropSocketOf(selfId);
  await pollUntil(() => status.textContent(), (t) => !!t?.startsWith("Reconnecting"), "Reconnecting…");
  await pollUntil(() => status.textContent(), (t) => t === "Connected", "connected again", E2E_TIMEOUT_MS / 2);

  // Still Focus, for the menu and for the tag.
  await pollUntil(() => menu.inputValue(), (v) => v === "focus", "the menu still on Focus");
  await pollUntil(() => dot(STATUS_COLOURS.focus), (n) => n > 4, "the Focus dot after the reconnect");
  expect(await dot(STATUS_COLOURS.available)).toBe(0);

  // A change after the reconnect reaches the tag.
  await menu.selectOption("busy");
  await pollUntil(() => dot(STATUS_COLOURS.busy), (n) => n > 4, "a Busy dot after the change");
  expect(await dot(STATUS_COLOURS.focus)).toBe(0);
  expect(a.errors).toEqual([]);
});

test("a status chosen while the page is reconnecting reaches your tag once it is back", async () => {
  const a = await open();
  await joinOffice(a.page, "Ola Offline");
  const status = a.page.getByRole("banner").getByRole("status");
  const menu = a.page.getByRole("combobox", { name: "Your status" });
  const dot = (colour: string) => pixelsAboveHead(a.page, "Ola Offline", colour);
  await menu.selectOption("focus");
  await pollUntil(() => dot(STATUS_COLOURS.focus), (n) => n > 4, "a Focus dot on my tag");

  // Offline: the socket is dropped and every attempt to come back fails until the network returns.
  await a.context.setOffline(true);
  const selfId = await a.page.evaluate(() => (window as unknown as { __deskmap: { selfId(): string } }).__deskmap.selfId());
  await dropSocketOf(selfId);
  await pollUntil(() => status.textContent(), (t) => !!t?.startsWith("Reconnecting"), "Reconnecting…");
  await menu.selectOption("busy");
  // The menu keeps the choice and says it is not in effect yet (others still see Focus).
  await pollUntil(() => a.page.locator("[data-status-shown]").textContent(), (t) => !!t?.includes("Busy once the connection is back"), "the pending note");
  expect(await menu.inputValue()).toBe("busy");
  await a.context.setOffline(false);
  await pollUntil(() => status.textContent(), (t) => t === "Connected", "connected again", E2E_TIMEOUT_MS / 2);

  await pollUntil(() => dot(STATUS_COLOURS.busy), (n) => n > 4, "the Busy dot chosen while away");
  expect(await dot(STATUS_COLOURS.focus)).toBe(0);
  expect(await menu.inputValue()).toBe("busy");
  expect(await a.page.locator("[data-status-shown]").textContent()).not.toContain("once the connection is back");
  expect(a.errors).toEqual([]);
});
