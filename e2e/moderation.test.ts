import type { Browser, Page } from "playwright-core";
import {
  E2E_TIMEOUT_MS,
  closeAll,
  ensureBuilt,
  joinOffice,
  launchBrowser,
  openPage,
  peopleEntry,
  pollUntil,
  startTestServer,
  waitUntilJoined,
  type TestServer,
  type WatchedPage,
} from "./browser";

/** Kick from the people panel in Chromium: only an owner sees it, it asks first, and the guest is told why. */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const PASSWORD = "a long enough password";
let server: TestServer;
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  await ensureBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await closeAll(opened);
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<WatchedPage> {
  const page = await openPage(browser, `${server.url}${path}`);
  opened.push(page);
  return page;
}

function row(page: Page, name: string) {
  return page.getByRole("list", { name: "People" }).getByRole("listitem").filter({ hasText: new RegExp(`^${name} — `) });
}

test("an owner kicks a guest by keyboard after confirming; the guest reads why; a guest sees no Kick", async () => {
  // The space's creator is its owner.
  const setup = await browser.newContext();
  const signup = await setup.request.post(`${server.url}/api/auth/signup`, {
    data: { email: "owen@example.com", password: PASSWORD, displayName: "Owen Owner", avatar: "ada" },
  });
  expect(signup.status()).toBe(201);
  expect((await setup.request.post(`${server.url}/api/spaces`, { data: { slug: "modspace", name: "Mod Space" } })).status()).toBe(201);
  await setup.close();

  const owner = await open("/?space=modspace");
  await owner.page.getByRole("tab", { name: "Sign in" }).click();
  const panel = owner.page.getByRole("tabpanel", { name: "Sign in" });
  await panel.getByLabel("Email").fill("owen@example.com");
  await panel.getByLabel("Password").fill(PASSWORD);
  await panel.getByRole("button", { name: "Sign in" }).click();
  await waitUntilJoined(owner.page);

  const guest = await open("/?space=modspace");
  await joinOffice(guest.page, "Gus Guest");
  await pollUntil(() => peopleEntry(owner.page, "Gus Guest"), (e) => e !== null, "the guest in the owner's list");
  await pollUntil(() => peopleEntry(guest.page, "Owen Owner"), (e) => e !== null, "the owner in the guest's list");

  // A guest has the usual actions but no removal controls.
  await row(guest.page, "Owen Owner").getByRole("button", { name: "Actions for Owen Owner" }).click();
  const guestGroup = row(guest.page, "Owen Owner").getByRole("group", { name: "Actions for Owen Owner" });
  await guestGroup.getByRole("button", { name: "Wave at Owen Owner" }).waitFor();
  expect(await guestGroup.getByRole("button", { name: "Kick Owen Owner" }).count()).toBe(0);
  expect(await guestGroup.getByRole("button", { name: "Ban Owen Owner" }).count()).toBe(0);

  // The owner: Actions → Kick asks first; Cancel keeps the guest; Enter on the confirmation kicks.
  const target = row(owner.page, "Gus Guest");
  await target.getByRole("button", { name: "Actions for Gus Guest" }).click();
  const kick = target.getByRole("button", { name: "Kick Gus Guest" });
  expect(await target.getByRole("button", { name: "Ban Gus Guest" }).isVisible()).toBe(true);
  await kick.focus();
  await owner.page.keyboard.press("Enter");
  const question = target.getByRole("group", { name: "Kick Gus Guest?" });
  await question.waitFor();
  await question.getByRole("button", { name: "Cancel kick of Gus Guest" }).click();
  expect(await question.isVisible()).toBe(false);
  expect(await peopleEntry(owner.page, "Gus Guest")).not.toBeNull();

  await kick.click();
  const confirm = question.getByRole("button", { name: "Confirm: kick Gus Guest" });
  // The confirmation takes focus, so Enter answers it.
  await pollUntil(() => confirm.evaluate((el) => el === document.activeElement), (f) => f, "focus on the confirmation");
  await owner.page.keyboard.press("Enter");

  await guest.page.getByText("You have been removed from this office").first().waitFor();
  await pollUntil(() => peopleEntry(owner.page, "Gus Guest"), (e) => e === null, "the guest gone from the owner's list");
  expect(owner.errors).toEqual([]);
});
