import type { Page } from "playwright-core";
import { offerOwnerSetup, ownerSetupUrl } from "../server/admin/offerOwnerSetup";
import { SETUP_REFUSALS } from "../server/admin/redeemOwnerSetup";
import { E2E_TIMEOUT_MS, pollUntil, submitSignUp, useOfficeSession, waitUntilJoined } from "./browser";

/**
 * An install whose default space has members but no owner (made by an older
 * version): the setup link the server prints at start-up, opened in the
 * browser. Signed out, the page says to sign in first; signed in, one button
 * makes you owner and the admin sections appear; a second person with the
 * same link reads that it was used, and stays out.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 4);

// The test server's default space is ownerless (its seeded claim is taken off), as an older install's.
const office = useOfficeSession();
const PASSWORD = "a long enough password";
/** Refusals on purpose (the second person's 409, the signed-out page asking who it is: 401): Chromium logs each as a console error. */
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource.*\b(401|409)\b/.test(e));

async function signUp(page: Page, email: string, name: string): Promise<void> {
  await submitSignUp(page, email, PASSWORD, name);
  await waitUntilJoined(page);
}

test("the start-up setup link makes the first person who uses it owner, and tells the second it was used", async () => {
  const ana = await office.open("/");
  const ben = await office.open("/");
  await signUp(ana.page, "ana@example.com", "Ana");
  await signUp(ben.page, "ben@example.com", "Ben");
  // Nobody owns the space and people have accounts: the next start prints a link (as main.ts does).
  const { links } = await offerOwnerSetup(office.server.repos);
  expect(links.map((l) => l.slug)).toEqual(["default"]);
  const url = ownerSetupUrl(office.server.url, links[0]!);

  // Signed out, the link says what it is and to sign in first.
  const stranger = await office.open(url);
  await stranger.page.getByText("This is the one-time link that makes you the owner of “default”").waitFor();

  await ana.page.goto(url);
  await ana.page.getByRole("heading", { name: "Become the owner of Deskmap Office" }).waitFor();
  await ana.page.getByRole("button", { name: "Become owner of Deskmap Office" }).click();
  await pollUntil(() => ana.page.getByRole("status").filter({ hasText: "You are now the owner of Deskmap Office." }).count(), (n) => n > 0, "the announcement");
  // The space's sections appear, and the spent link is gone from the address bar.
  await ana.page.getByRole("heading", { name: "Members & bans" }).waitFor();
  expect(new URL(ana.page.url()).hash).toBe("");
  await ana.page.getByRole("heading", { name: "Become the owner of Deskmap Office" }).waitFor({ state: "detached" });

  await ben.page.goto(url);
  await ben.page.getByRole("button", { name: "Become owner of Deskmap Office" }).click();
  await ben.page.getByRole("alert").filter({ hasText: SETUP_REFUSALS.used }).waitFor();
  expect(await ben.page.getByRole("heading", { name: "Members & bans" }).count()).toBe(0);

  // The database agrees: one owner, Ana; Ben is still a member.
  const space = (await office.server.repos.spaces.findBySlug("default"))!;
  const roles = Object.fromEntries((await office.server.repos.members.listBySpace(space._id)).map((m) => [m.displayName, m.role]));
  expect(roles).toEqual({ Ana: "owner", Ben: "member" });
  expect(space.ownerSetup ?? null).toBeNull();

  for (const p of [ana, ben, stranger]) expect(unexpected(p.errors)).toEqual([]);
});
