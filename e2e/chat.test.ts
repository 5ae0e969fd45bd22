import type { Page } from "playwright-core";
import {
  pollUntil,
  E2E_TIMEOUT_MS,
  joinOffice,
  waitUntilJoined,
  useOfficeSession,
} from "./browser";

/** Chat in Chromium on real persistence: a direct message reaches only its recipient and is still there after a reload. */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const { open } = useOfficeSession();

function chatLog(page: Page) {
  return page.getByRole("log");
}

test("a direct message reaches its recipient (badge, text only), not a third person, and survives a reload", async () => {
  const a = await open();
  await joinOffice(a.page, "Ada Writer");
  const b = await open();
  await joinOffice(b.page, "Bo Reader");
  const c = await open();
  await joinOffice(c.page, "Cy Bystander");

  const row = a.page.getByRole("list", { name: "People" }).getByRole("listitem").filter({ hasText: /^Bo Reader — / });
  await row.getByRole("button", { name: "Actions for Bo Reader" }).click();
  await row.getByRole("button", { name: "Message Bo Reader" }).click();
  const input = a.page.getByRole("textbox", { name: "Message to Bo Reader" });
  await input.fill("<b>lunch</b> at noon?");
  await input.press("Enter");
  await chatLog(a.page).getByText("<b>lunch</b> at noon?").waitFor();

  // Bo gets a thread tab with an unread badge; the markup arrives as text.
  const tab = b.page.getByRole("tab", { name: /Ada Writer/ });
  await tab.waitFor();
  expect(await tab.textContent()).toContain("1");
  // The tab title counts it until Bo is back at the page; the favicon carries a dot meanwhile.
  await pollUntil(() => b.page.title(), (t) => t === "(1) Deskmap", "the title badge");
  expect(await b.page.locator('link[rel="icon"]').getAttribute("href")).toMatch(/^data:image\/png/);
  await tab.click();
  await pollUntil(() => b.page.title(), (t) => t === "Deskmap", "the title badge cleared");
  await chatLog(b.page).getByText("<b>lunch</b> at noon?").waitFor();
  expect(await chatLog(b.page).locator("b").count()).toBe(0);

  // Cy saw nothing of it.
  await c.page.waitForTimeout(300);
  expect(await c.page.getByRole("tab", { name: /Ada Writer/ }).count()).toBe(0);
  expect(await chatLog(c.page).textContent()).not.toContain("lunch");

  // Bo reloads: the thread is still there.
  await b.page.reload();
  await b.page.getByRole("button", { name: "Continue as Bo Reader" }).click();
  await waitUntilJoined(b.page);
  const row2 = b.page.getByRole("list", { name: "People" }).getByRole("listitem").filter({ hasText: /^Ada Writer — / });
  await row2.getByRole("button", { name: "Actions for Ada Writer" }).click();
  await row2.getByRole("button", { name: "Message Ada Writer" }).click();
  await chatLog(b.page).getByText("<b>lunch</b> at noon?").waitFor();
  for (const p of [a, b, c]) expect(p.errors).toEqual([]);
});
