import type { Page } from "playwright-core";
import { E2E_TIMEOUT_MS, signInOffice, useOfficeSession, type WatchedPage } from "./browser";

/** The hearing distance chosen in Settings is saved on the member: a fresh browser signed in as them gets it back. */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const PASSWORD = "a long enough password";
const office = useOfficeSession();

async function signedIn(): Promise<WatchedPage> {
  const w = await office.open();
  await signInOffice(w.page, "hank@example.com", PASSWORD);
  return w;
}

function hearingSlider(page: Page) {
  return page.getByRole("dialog", { name: "Settings" }).getByRole("slider", { name: "How far you hear (tiles)" });
}

test("a hearing distance saved in Settings comes back in a fresh browser after sign-in", async () => {
  const setup = await office.browser.newContext();
  const signup = await setup.request.post(`${office.server.url}/api/auth/signup`, {
    data: { email: "hank@example.com", password: PASSWORD, displayName: "Hank Hearer", avatar: "ada" },
  });
  expect(signup.status()).toBe(202);
  await setup.close();

  const first = await signedIn();
  await first.page.getByRole("button", { name: "Settings", exact: true }).click();
  const slider = hearingSlider(first.page);
  expect(await slider.inputValue()).toBe("6");
  await slider.fill("3");
  await first.page.getByRole("dialog", { name: "Settings" }).getByRole("button", { name: "Save" }).click();
  await first.page.getByRole("dialog", { name: "Settings" }).waitFor({ state: "hidden" });
  const me = await first.page.evaluate(() => fetch("/api/me").then((r) => r.json()));
  expect(me.member.hearingTiles).toBe(3);
  await first.context.close();

  // No localStorage here: the value can only come from the member.
  const second = await signedIn();
  await second.page.getByRole("button", { name: "Settings", exact: true }).click();
  expect(await hearingSlider(second.page).inputValue()).toBe("3");
  expect(first.errors).toEqual([]);
  expect(second.errors).toEqual([]);
});
