import type { Page } from "playwright-core";
import { E2E_TIMEOUT_MS, joinOffice, peopleEntry, peopleRow, pollUntil, signInOffice, useOfficeSession } from "./browser";

/**
 * A role changed through the API while the person is in the office reaches
 * their open page and everyone else's at once, without a reload: Kick and
 * Ban on people below them, the Admin link, and the "admin" on their line
 * in others' People lists (server side: server/test/liveRoleChanges.test.ts).
 */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const PASSWORD = "a long enough password";
const session = useOfficeSession();
const open = (path: string) => session.open(path);

/** The text of someone's line in the People list (without their row's buttons), or null. */
async function lineOf(page: Page, name: string): Promise<string | null> {
  const lines = await page.locator("ul[aria-label=People] .person-line").allTextContents();
  return lines.find((text) => text.startsWith(`${name} — `)) ?? null;
}

test("made an admin while in the office: Kick and the Admin link appear at once, others read 'admin'; made a member again: gone", async () => {
  const url = session.server.url;
  const setup = await session.browser.newContext();
  const account = async (email: string, displayName: string) => {
    expect((await setup.request.post(`${url}/api/auth/signup`, { data: { email, password: PASSWORD, displayName, avatar: "ada" } })).status()).toBe(202);
    const signin = await setup.request.post(`${url}/api/auth/signin`, { data: { email, password: PASSWORD } });
    expect(signin.status()).toBe(200);
    return ((await signin.json()) as { member: { id: string } }).member.id;
  };
  // Pat joins the space as a member; Rita creates it, so she owns it (her session is the context's last).
  await account("pat@example.com", "Pat Plain");
  await account("rita@example.com", "Rita Ruler");
  expect((await setup.request.post(`${url}/api/spaces`, { data: { slug: "livespace", name: "Live Space" } })).status()).toBe(201);
  const patLogin = await session.browser.newContext();
  expect((await patLogin.request.post(`${url}/api/auth/signin`, { data: { email: "pat@example.com", password: PASSWORD } })).status()).toBe(200);
  expect((await patLogin.request.post(`${url}/api/spaces/livespace/join`, { data: {} })).status()).toBe(200);
  const pats = (await (await setup.request.get(`${url}/api/spaces/livespace/members`)).json()) as { members: Array<{ id: string; displayName: string }> };
  const patId = pats.members.find((m) => m.displayName === "Pat Plain")!.id;
  await patLogin.close();

  const pat = await open("/?space=livespace");
  await signInOffice(pat.page, "pat@example.com", PASSWORD);
  const guest = await open("/?space=livespace");
  await joinOffice(guest.page, "Gia Guest");
  await pollUntil(() => peopleEntry(pat.page, "Gia Guest"), (e) => e !== null, "the guest in Pat's list");
  await pollUntil(() => lineOf(guest.page, "Pat Plain"), (e) => e !== null && !/— admin$/.test(e), "Pat, a plain member, in the guest's list");

  // As a member: the usual actions on the guest, no Kick; no Admin link.
  const target = peopleRow(pat.page, "Gia Guest");
  await target.getByRole("button", { name: "Actions for Gia Guest" }).click();
  const group = target.getByRole("group", { name: "Actions for Gia Guest" });
  await group.getByRole("button", { name: "Wave at Gia Guest" }).waitFor();
  expect(await group.getByRole("button", { name: "Kick Gia Guest" }).count()).toBe(0);
  expect(await pat.page.locator("[data-admin-link]").isHidden()).toBe(true);

  // The owner makes Pat an admin through the API; Pat's open page follows without a reload.
  expect((await setup.request.put(`${url}/api/spaces/livespace/members/${patId}/role`, { data: { role: "admin" } })).status()).toBe(200);
  await group.getByRole("button", { name: "Kick Gia Guest" }).waitFor();
  await pat.page.getByRole("link", { name: "Admin" }).waitFor();
  await pollUntil(() => lineOf(guest.page, "Pat Plain"), (e) => e !== null && /— admin$/.test(e), "the guest reading that Pat is an admin");

  // Back to member: Kick and the link go, and so does the word.
  expect((await setup.request.put(`${url}/api/spaces/livespace/members/${patId}/role`, { data: { role: "member" } })).status()).toBe(200);
  await group.getByRole("button", { name: "Kick Gia Guest" }).waitFor({ state: "hidden" });
  await pat.page.locator("[data-admin-link]").waitFor({ state: "hidden" });
  await pollUntil(() => lineOf(guest.page, "Pat Plain"), (e) => e !== null && !/— admin$/.test(e), "the guest reading that Pat is a member again");
  expect(pat.errors).toEqual([]);
  expect(guest.errors).toEqual([]);
  await setup.close();
});
