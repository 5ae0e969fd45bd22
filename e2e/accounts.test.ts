import type { Page } from "playwright-core";
import {
  E2E_TIMEOUT_MS,
  joinOffice,
  members,
  peopleEntry,
  pollUntil,
  selfPosition,
  waitUntilJoined,
  useOfficeSession,
} from "./browser";

/**
 * Accounts end to end in real Chromium against the real server and its real
 * database: create an account, come back as the same member after a reload,
 * sign out, sign in, guests, and a space that admits no guests.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const office = useOfficeSession();
const { open } = office;

const PASSWORD = "a long enough password";
/** Refusals the test provokes on purpose: Chromium logs every 4xx response of a fetch as a console error. */
const expectedRefusal = (status: number) => (e: string) => new RegExp(`Failed to load resource.*\\b${status}\\b`).test(e);

function selfMember(page: Page) {
  return page.evaluate(() => {
    const hook = (window as unknown as { __deskmap: { selfId(): string; members(): Array<{ id: string; memberId: string; name: string }> } }).__deskmap;
    return hook.members().find((m) => m.id === hook.selfId()) ?? null;
  });
}

/** Holds an arrow key on the map until the avatar has walked `distance` px; tries another direction if blocked. */
async function walk(page: Page, distance: number): Promise<void> {
  await page.locator("#game canvas").focus();
  for (const key of ["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp"]) {
    const from = (await pollUntil(() => selfPosition(page), (p) => p !== null, "own position"))!;
    await page.keyboard.down(key);
    const moved = await pollUntil(() => selfPosition(page), (p) => !!p && Math.hypot(p.x - from.x, p.y - from.y) >= distance, "walking", 6000).then(
      () => true,
      () => false,
    );
    await page.keyboard.up(key);
    if (moved) return;
  }
  throw new Error("the avatar could not walk in any direction");
}

/** Waits until the server agrees the avatar stands still, and returns where. */
async function settledPosition(page: Page): Promise<{ x: number; y: number }> {
  const me = await pollUntil(
    async () => {
      const selfId = (await selfMember(page))?.id;
      return (await members(page)).find((m) => m.id === selfId);
    },
    (m) => !!m && !m.moving,
    "standing still",
  );
  return { x: me!.x, y: me!.y };
}

test("create an account with the keyboard, come back after a reload as the same member, sign out", async () => {
  const a = await open();
  const tabs = a.page.getByRole("tablist", { name: "How to join" });
  await tabs.getByRole("tab", { name: "Guest" }).waitFor();

  // Keyboard only: from the name field back to the tabs, arrow to "Create account", Tab through the form.
  await a.page.getByLabel("Your name").waitFor();
  expect(await a.page.evaluate(() => document.activeElement?.id)).toBe("join-name");
  await a.page.keyboard.press("Shift+Tab");
  await a.page.keyboard.press("ArrowRight");
  await a.page.keyboard.press("ArrowRight");
  expect(await tabs.getByRole("tab", { name: "Create account" }).getAttribute("aria-selected")).toBe("true");
  const panel = a.page.getByRole("tabpanel", { name: "Create account" });
  await a.page.keyboard.press("Tab");
  await a.page.keyboard.type("nora@example.com");
  await a.page.keyboard.press("Tab");
  await a.page.keyboard.type("short");
  await a.page.keyboard.press("Tab");
  await a.page.keyboard.type("Nora Account");
  await a.page.keyboard.press("Tab"); // the avatar radios: arrows pick one
  await a.page.keyboard.press("ArrowRight");
  await a.page.keyboard.press("Tab");
  await a.page.keyboard.press("Enter");
  // The server's reason, in the alert: the password is too short.
  const alert = panel.getByRole("alert");
  const reason = await pollUntil(() => alert.textContent(), (t) => !!t, "the sign-up alert");
  expect(reason).toMatch(/^Could not create the account: password: must be at least 10 characters/);

  await panel.getByLabel("Password").fill(PASSWORD);
  await panel.getByRole("button", { name: "Create account" }).press("Enter");
  await waitUntilJoined(a.page);
  const first = await selfMember(a.page);
  expect(first?.name).toBe("Nora Account");

  // Someone else (a guest) sees her by her account name.
  const b = await open();
  await joinOffice(b.page, "Gil Guest", "Bo");
  await pollUntil(() => peopleEntry(b.page, "Nora Account"), (e) => e !== null, "Nora in Gil's People list");
  await pollUntil(() => peopleEntry(a.page, "Gil Guest"), (e) => e !== null, "Gil in Nora's People list");

  const spawn = await settledPosition(a.page);
  await walk(a.page, 3 * 32);
  const left = await settledPosition(a.page);

  // Reload: the session cookie is still there, so the page offers to continue.
  await a.page.reload();
  const carryOn = a.page.getByRole("button", { name: "Continue as Nora Account" });
  await carryOn.waitFor();
  expect(await a.page.evaluate(() => document.activeElement?.textContent)).toBe("Continue as Nora Account");
  await a.page.keyboard.press("Enter");
  await waitUntilJoined(a.page);
  const again = await selfMember(a.page);
  expect(again?.memberId).toBe(first?.memberId);
  // The position saved when she left is where she comes back (spawn is at least three tiles away).
  const back = await settledPosition(a.page);
  expect(Math.hypot(back.x - left.x, back.y - left.y)).toBeLessThan(32);
  expect(Math.hypot(back.x - spawn.x, back.y - spawn.y)).toBeGreaterThan(64);

  // Sign out from the next visit: back to the three ways in, and the session is gone.
  await a.page.reload();
  await a.page.getByRole("button", { name: "Sign out" }).click();
  await tabs.getByRole("tab", { name: "Sign in" }).waitFor();
  expect(await a.page.getByRole("button", { name: /Continue as/ }).count()).toBe(0);
  const session = await a.page.evaluate(() => fetch("/api/auth/session").then((r) => r.json()));
  expect(session).toEqual({ member: null });

  expect(a.errors.filter((e) => !expectedRefusal(400)(e))).toEqual([]);
  expect(b.errors).toEqual([]);
});

test("a wrong password gets a generic refusal; the right one joins", async () => {
  await office.server.repos.members.findByEmail("nora@example.com").then((m) => expect(m).not.toBeNull());
  const a = await open();
  await a.page.getByRole("tab", { name: "Sign in" }).click();
  const panel = a.page.getByRole("tabpanel", { name: "Sign in" });
  await panel.getByLabel("Email").fill("nora@example.com");
  await panel.getByLabel("Password").fill("not the password");
  await panel.getByRole("button", { name: "Sign in" }).click();
  const alert = panel.getByRole("alert");
  const wrong = await pollUntil(() => alert.textContent(), (t) => !!t, "the sign-in alert");
  expect(wrong).toBe("Could not sign in: email or password is incorrect");
  // An unknown email reads exactly the same, so the page does not reveal who has an account.
  await panel.getByLabel("Email").fill("nobody@example.com");
  await panel.getByLabel("Password").fill("not the password");
  await panel.getByRole("button", { name: "Sign in" }).click();
  await pollUntil(() => alert.textContent(), (t) => t === "" || t === wrong, "the second refusal");
  await pollUntil(() => alert.textContent(), (t) => t === wrong, "the same refusal");
  expect(await a.page.locator("#game canvas").count()).toBe(0);

  await panel.getByLabel("Email").fill("Nora@Example.com");
  await panel.getByLabel("Password").fill(PASSWORD);
  await panel.getByRole("button", { name: "Sign in" }).click();
  await waitUntilJoined(a.page);
  expect((await selfMember(a.page))?.name).toBe("Nora Account");
  expect(a.errors.filter((e) => !expectedRefusal(401)(e))).toEqual([]);
});

test("a space that admits no guests refuses a guest with a clear message and offers sign in", async () => {
  // The owner creates the space and turns guests off through the API.
  const owner = await office.browser.newContext();
  const api = owner.request;
  const signup = await api.post(`${office.server.url}/api/auth/signup`, {
    data: { email: "olga@example.com", password: PASSWORD, displayName: "Olga Owner", avatar: "ada" },
  });
  expect(signup.status()).toBe(202);
  expect((await api.post(`${office.server.url}/api/auth/signin`, { data: { email: "olga@example.com", password: PASSWORD } })).status()).toBe(200);
  expect((await api.post(`${office.server.url}/api/spaces`, { data: { slug: "quiet", name: "Quiet" } })).status()).toBe(201);
  const patched = await api.patch(`${office.server.url}/api/spaces/quiet/settings`, { data: { guestAccess: false } });
  expect(patched.status()).toBe(200);
  await owner.close();

  const a = await open("/?space=quiet");
  // Said before anyone types a name...
  const note = a.page.getByRole("tabpanel", { name: "Guest" }).getByText("Quiet does not admit guests: sign in or create an account to join.");
  await note.waitFor();
  expect(await a.page.getByRole("button", { name: "Sign in instead" }).isVisible()).toBe(true);
  // ...and again, with the server's reason, when someone tries anyway.
  await a.page.getByLabel("Your name").fill("Walt Walkin");
  await a.page.getByRole("button", { name: "Join as guest" }).click();
  const alert = a.page.getByRole("tabpanel", { name: "Guest" }).getByRole("alert");
  const text = await pollUntil(() => alert.textContent(), (t) => !!t, "the refusal");
  expect(text).toBe("Could not join: this space does not admit guests");
  expect(await a.page.locator("#game canvas").count()).toBe(0);

  // The offered way in: signing in with an account (any account may join as a member).
  await a.page.getByRole("button", { name: "Sign in instead" }).click();
  expect(await a.page.getByRole("tab", { name: "Sign in" }).getAttribute("aria-selected")).toBe("true");
  const panel = a.page.getByRole("tabpanel", { name: "Sign in" });
  await panel.getByLabel("Email").fill("nora@example.com");
  await panel.getByLabel("Password").fill(PASSWORD);
  await panel.getByRole("button", { name: "Sign in" }).click();
  await waitUntilJoined(a.page);
  expect(await a.page.locator("[data-space-label]").textContent()).toContain("quiet");
  expect(a.errors.filter((e) => !expectedRefusal(403)(e))).toEqual([]);
});

test("an invite link makes a new account an admin of the space it was made for", async () => {
  const owner = await office.browser.newContext();
  const signin = await owner.request.post(`${office.server.url}/api/auth/signin`, { data: { email: "olga@example.com", password: PASSWORD } });
  expect(signin.status()).toBe(200);
  const made = await owner.request.post(`${office.server.url}/api/spaces/quiet/invites`, { data: { role: "admin" } });
  expect(made.status()).toBe(201);
  const { url } = (await made.json()) as { url: string };
  await owner.close();
  expect(url.startsWith(`${office.server.url}/?space=quiet&invite=`)).toBe(true);

  const a = await open(url.slice(office.server.url.length));
  await a.page.getByRole("tab", { name: "Create account" }).click();
  const panel = a.page.getByRole("tabpanel", { name: "Create account" });
  await panel.getByLabel("Email").fill("ivy@example.com");
  await panel.getByLabel("Password").fill(PASSWORD);
  await panel.getByLabel("Display name").fill("Ivy Invited");
  await panel.getByRole("radio", { name: "Fay" }).check();
  await panel.getByRole("button", { name: "Create account" }).click();
  await waitUntilJoined(a.page);
  expect(await selfMember(a.page)).toMatchObject({ name: "Ivy Invited" });
  const space = await a.page.evaluate(() => fetch("/api/spaces/quiet").then((r) => r.json()));
  expect(space.space.role).toBe("admin");
  expect(a.errors).toEqual([]);
});

test("creating an account with an email that already has one says what to do, and gives away nothing more than sign-in", async () => {
  const a = await open();
  await a.page.getByRole("tab", { name: "Create account" }).click();
  const panel = a.page.getByRole("tabpanel", { name: "Create account" });
  await panel.getByLabel("Email").fill("nora@example.com");
  await panel.getByLabel("Password").fill("somebody else's password");
  await panel.getByLabel("Display name").fill("Not Nora");
  await panel.getByRole("button", { name: "Create account" }).click();
  const alert = panel.getByRole("alert");
  const text = await pollUntil(() => alert.textContent(), (t) => !!t, "the sign-up alert");
  expect(text).toBe("Could not create the account: this email and password do not open an account; if the email is yours, sign in instead");
  expect(await a.page.locator("#game canvas").count()).toBe(0);
  // Nora's account is untouched: her own password still signs her in.
  const check = await office.browser.newContext();
  const signin = await check.request.post(`${office.server.url}/api/auth/signin`, { data: { email: "nora@example.com", password: PASSWORD } });
  expect(signin.status()).toBe(200);
  expect(((await signin.json()) as { member: { displayName: string } }).member.displayName).toBe("Nora Account");
  await check.close();
  expect(a.errors.filter((e) => !expectedRefusal(401)(e))).toEqual([]);
});
