import type { Page } from "playwright-core";
import { E2E_TIMEOUT_MS, pollUntil, submitJoin, submitSignUp, useOfficeSession, waitUntilJoined, type WatchedPage } from "./browser";

/**
 * Running an office from the browser, as its first owner would, on a fresh
 * install (fresh DATA_DIR): the first sign-up becomes owner, creates a space,
 * invites a colleague with a single-use link, the colleague joins with the
 * link's role, the link refuses a second person, the owner bans a guest who
 * then cannot come back as a new guest, lifts the ban, and changes a setting
 * that the colleague's open office follows at once.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 5);

const office = useOfficeSession({ firstOwner: true });
const PASSWORD = "a long enough password";
const SHOTS = "/tmp/deskmap-admin";

/** Refusals the journey provokes on purpose: Chromium logs each 4xx of a fetch as a console error. */
const onlyRefusals = (errors: string[]) => errors.filter((e) => !/Failed to load resource.*\b(400|401|403|410)\b/.test(e));

const signUp = (page: Page, email: string, name: string) => submitSignUp(page, email, PASSWORD, name);

/** The admin page's announcement (a polite live region), once it says `text`. */
async function announced(page: Page, text: RegExp): Promise<void> {
  await pollUntil(() => page.getByRole("status").filter({ hasText: text }).count(), (n) => n > 0, `the announcement ${text}`);
}

function memberRow(page: Page, name: string) {
  return page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Last seen" }) }).getByRole("row").filter({ hasText: name });
}

/** The section `name` (its id) in view, at a desktop and a phone size, for looking at by eye. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await page.locator(`#${name}`).evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: `${SHOTS}-${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("first owner: create a space, invite, ban and unban a guest, change a setting", async () => {
  // A fresh install says who will own it.
  const owner = await office.open("/");
  await owner.page.getByText("the first account created here becomes its owner").waitFor();
  await signUp(owner.page, "olga@example.com", "Olga Owner");
  await waitUntilJoined(owner.page);

  // The office shows the owner the way to the admin page.
  const adminLink = owner.page.getByRole("link", { name: "Admin" });
  await adminLink.waitFor();
  await adminLink.click();
  await owner.page.waitForURL(/\/admin\/default$/);
  await owner.page.getByRole("heading", { name: "Deskmap admin · Deskmap Office" }).waitFor();
  expect(await owner.page.getByRole("list", { name: "Your spaces" }).textContent()).toContain("(default, owner)");
  const claimed = owner.page.getByRole("table", { name: "Admin actions, newest first" }).getByRole("row").filter({ hasText: "Became owner" });
  await claimed.waitFor();

  // Create a space by name and slug (the standard map); the page moves to it.
  await owner.page.getByText("Create another space").click();
  await owner.page.getByLabel("Name", { exact: true }).fill("Acme Studio");
  await owner.page.getByLabel("Address (slug)").fill("Bad Slug!");
  await owner.page.getByRole("button", { name: "Create space" }).click();
  // The API's own message, beside the field.
  await owner.page.getByText("must be 1–48 lowercase letters, digits or inner dashes", { exact: true }).waitFor();
  expect(await owner.page.getByLabel("Address (slug)").getAttribute("aria-invalid")).toBe("true");
  await owner.page.getByLabel("Address (slug)").fill("acme");
  await owner.page.getByRole("button", { name: "Create space" }).click();
  await owner.page.waitForURL(/\/admin\/acme$/);
  await owner.page.getByRole("heading", { name: "Deskmap admin · Acme Studio" }).waitFor();

  // A single-use member invite (the defaults), copied from the page.
  await owner.page.getByRole("button", { name: "Create invite link" }).click();
  await announced(owner.page, /Invite link for a member created/);
  const link = await owner.page.getByRole("textbox", { name: /New member link \(single use\)/ }).inputValue();
  expect(link).toMatch(/\/\?space=acme&invite=/);
  const invites = owner.page.getByRole("table", { name: "Invite links, newest first" });
  await invites.getByRole("row").filter({ hasText: "0 of 1" }).filter({ hasText: "Active" }).waitFor();
  await screenshots(owner.page, "invites");

  // The colleague opens the link, creates an account and is in the office as a member.
  const colleague = await office.open(link);
  await signUp(colleague.page, "cole@example.com", "Cole League");
  await waitUntilJoined(colleague.page);
  // A member sees no Admin link.
  expect(await colleague.page.locator("[data-admin-link]").isHidden()).toBe(true);

  // The link refuses a second person, and says why.
  const second = await office.open(link);
  await signUp(second.page, "sec@example.com", "Second Try");
  await second.page.getByText("this invite link has already been used; ask for a new one").waitFor();

  await owner.page.reload();
  await memberRow(owner.page, "Cole League").waitFor();
  expect(await memberRow(owner.page, "Cole League").textContent()).toContain("member");
  await owner.page.getByRole("table", { name: "Invite links, newest first" }).getByRole("row").filter({ hasText: "1 of 1" }).filter({ hasText: "Used up" }).waitFor();

  // A guest comes in; the owner bans them from the admin page.
  const guest = await office.open("/?space=acme");
  await submitJoin(guest.page, "Troll Guest");
  await waitUntilJoined(guest.page);
  await owner.page.reload();
  await memberRow(owner.page, "Troll Guest").getByRole("button", { name: "Ban Troll Guest" }).click();
  await announced(owner.page, /Troll Guest is banned/);
  await guest.page.getByText("You have been banned").first().waitFor();
  await owner.page.getByRole("button", { name: "Lift the ban on Troll Guest" }).waitFor();
  await screenshots(owner.page, "members");

  // Signed out, the same browser cannot come back as a "new" guest.
  await comeBackAsGuest(guest, "Totally New");
  await guest.page.getByText("someone banned from this space used this browser").waitFor();

  // The ban lifted, the same browser gets in.
  await owner.page.getByRole("button", { name: "Lift the ban on Troll Guest" }).click();
  await announced(owner.page, /The ban on Troll Guest is lifted/);
  await guest.page.getByRole("button", { name: "Join as guest" }).click();
  await waitUntilJoined(guest.page);

  // A setting changed on the page reaches the open office: members may no longer schedule meetups.
  // The schedule form folds under its summary in the Meetups panel; the summary is what a member sees.
  const schedule = colleague.page.getByText("Schedule a meetup", { exact: true });
  await pollUntil(() => schedule.isVisible(), (v) => v, "the colleague's Schedule a meetup");
  const settings = owner.page.getByRole("form", { name: "Settings" });
  // An out-of-range value first: the API's message shows beside the field, nothing is saved.
  await settings.getByLabel(/Largest conversation/).fill("40");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await owner.page.getByText("must be at most 12 people", { exact: true }).waitFor();
  await settings.getByLabel(/Largest conversation/).fill("6");
  await settings.getByLabel("Who may schedule meetups").selectOption("admins");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await announced(owner.page, /Settings saved/);
  await pollUntil(() => schedule.isVisible(), (v) => !v, "Schedule a meetup gone from the colleague's office");
  await screenshots(owner.page, "settings");

  // Every step is in the audit log.
  await owner.page.getByRole("button", { name: "Refresh the log" }).click();
  const log = owner.page.getByRole("table", { name: "Admin actions, newest first" });
  for (const what of ["Changed settings", "Lifted a ban: Troll Guest", "Banned someone: Troll Guest", "Joined with an invite: Cole League", "Created an invite", "Created the space: Acme Studio"]) {
    await log.getByRole("row").filter({ hasText: what }).first().waitFor();
  }
  await screenshots(owner.page, "audit");

  expect(onlyRefusals(owner.errors)).toEqual([]);
  expect(onlyRefusals(colleague.errors)).toEqual([]);
});

/** Back on the join page after the ban, sign out and try again as someone else. */
async function comeBackAsGuest(guest: WatchedPage, name: string): Promise<void> {
  await guest.page.goto(`${office.server.url}/?space=acme`);
  const signout = guest.page.getByRole("button", { name: "Sign out" });
  if (await signout.isVisible().catch(() => false)) await signout.click();
  await submitJoin(guest.page, name);
}
