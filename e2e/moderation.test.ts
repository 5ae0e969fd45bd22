import { E2E_TIMEOUT_MS, joinOffice, peopleEntry, peopleRow, pollUntil, signInOffice, useOfficeSession } from "./browser";

/**
 * Kick from the people panel in Chromium: only owners and admins see it, only
 * on people ranked below them (the rule in shared/moderation), it asks first,
 * and the guest is told why.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const PASSWORD = "a long enough password";
const session = useOfficeSession();
const open = (path: string) => session.open(path);

test("an owner kicks a guest by keyboard after confirming; the guest reads why; a guest sees no Kick", async () => {
  // The space's creator is its owner.
  const setup = await session.browser.newContext();
  const signup = await setup.request.post(`${session.server.url}/api/auth/signup`, {
    data: { email: "owen@example.com", password: PASSWORD, displayName: "Owen Owner", avatar: "ada" },
  });
  expect(signup.status()).toBe(202);
  expect((await setup.request.post(`${session.server.url}/api/auth/signin`, { data: { email: "owen@example.com", password: PASSWORD } })).status()).toBe(200);
  expect((await setup.request.post(`${session.server.url}/api/spaces`, { data: { slug: "modspace", name: "Mod Space" } })).status()).toBe(201);
  await setup.close();

  const owner = await open("/?space=modspace");
  await signInOffice(owner.page, "owen@example.com", PASSWORD);

  const guest = await open("/?space=modspace");
  await joinOffice(guest.page, "Gus Guest");
  await pollUntil(() => peopleEntry(owner.page, "Gus Guest"), (e) => e !== null, "the guest in the owner's list");
  await pollUntil(() => peopleEntry(guest.page, "Owen Owner"), (e) => e !== null, "the owner in the guest's list");

  // A guest has the usual actions but no removal controls.
  await peopleRow(guest.page, "Owen Owner").getByRole("button", { name: "Actions for Owen Owner" }).click();
  const guestGroup = peopleRow(guest.page, "Owen Owner").getByRole("group", { name: "Actions for Owen Owner" });
  await guestGroup.getByRole("button", { name: "Wave at Owen Owner" }).waitFor();
  expect(await guestGroup.getByRole("button", { name: "Kick Owen Owner" }).count()).toBe(0);
  expect(await guestGroup.getByRole("button", { name: "Ban Owen Owner" }).count()).toBe(0);

  // The owner: Actions → Kick asks first; Cancel keeps the guest; Enter on the confirmation kicks.
  const target = peopleRow(owner.page, "Gus Guest");
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
  // The removed page leaves the office clearly: no frozen map, a card saying why and a way back.
  await guest.page.getByRole("alertdialog", { name: "You are no longer in the office" }).waitFor();
  expect(await guest.page.locator("#game canvas").count()).toBe(0);
  expect(await guest.page.getByRole("button", { name: "Join again" }).isVisible()).toBe(true);
  await pollUntil(() => peopleEntry(owner.page, "Gus Guest"), (e) => e === null, "the guest gone from the owner's list");
  expect(owner.errors).toEqual([]);
});

test("an admin sees Kick and Ban on a plain member only: not on the owner, not on their own row", async () => {
  // The owner creates the space and an admin invite; the admin and a member sign up and join through the API.
  const setup = await session.browser.newContext();
  expect(
    (
      await setup.request.post(`${session.server.url}/api/auth/signup`, {
        data: { email: "olga@example.com", password: PASSWORD, displayName: "Olga Owner", avatar: "ada" },
      })
    ).status(),
  ).toBe(202);
  expect((await setup.request.post(`${session.server.url}/api/auth/signin`, { data: { email: "olga@example.com", password: PASSWORD } })).status()).toBe(200);
  expect((await setup.request.post(`${session.server.url}/api/spaces`, { data: { slug: "rankspace", name: "Rank Space" } })).status()).toBe(201);
  const invite = await setup.request.post(`${session.server.url}/api/spaces/rankspace/invites`, { data: { role: "admin" } });
  expect(invite.status()).toBe(201);
  const { token } = (await invite.json()) as { token: string };
  await setup.close();
  for (const [email, displayName, body] of [
    ["adam@example.com", "Adam Admin", { invite: token }],
    ["mia@example.com", "Mia Member", {}],
  ] as const) {
    const account = await session.browser.newContext();
    const signup = await account.request.post(`${session.server.url}/api/auth/signup`, { data: { email, password: PASSWORD, displayName, avatar: "bo" } });
    expect(signup.status()).toBe(202);
    expect((await account.request.post(`${session.server.url}/api/auth/signin`, { data: { email, password: PASSWORD } })).status()).toBe(200);
    const joined = await account.request.post(`${session.server.url}/api/spaces/rankspace/join`, { data: body });
    expect(((await joined.json()) as { space: { role: string } }).space.role).toBe(email.startsWith("adam") ? "admin" : "member");
    await account.close();
  }

  const owner = await open("/?space=rankspace");
  await signInOffice(owner.page, "olga@example.com", PASSWORD);
  const admin = await open("/?space=rankspace");
  await signInOffice(admin.page, "adam@example.com", PASSWORD);
  const member = await open("/?space=rankspace");
  await signInOffice(member.page, "mia@example.com", PASSWORD);
  for (const name of ["Olga Owner", "Mia Member"]) {
    await pollUntil(() => peopleEntry(admin.page, name), (e) => e !== null, `${name} in the admin's list`);
  }

  // On the owner: the usual actions, no removal controls.
  const onOwner = peopleRow(admin.page, "Olga Owner");
  await onOwner.getByRole("button", { name: "Actions for Olga Owner" }).click();
  const ownerGroup = onOwner.getByRole("group", { name: "Actions for Olga Owner" });
  await ownerGroup.getByRole("button", { name: "Wave at Olga Owner" }).waitFor();
  expect(await ownerGroup.getByRole("button", { name: "Kick Olga Owner" }).count()).toBe(0);
  expect(await ownerGroup.getByRole("button", { name: "Ban Olga Owner" }).count()).toBe(0);

  // On the member: both, reachable by their accessible names.
  const onMember = peopleRow(admin.page, "Mia Member");
  await onMember.getByRole("button", { name: "Actions for Mia Member" }).click();
  const memberGroup = onMember.getByRole("group", { name: "Actions for Mia Member" });
  await memberGroup.getByRole("button", { name: "Kick Mia Member" }).waitFor();
  expect(await memberGroup.getByRole("button", { name: "Ban Mia Member" }).isVisible()).toBe(true);

  // Their own row offers no Kick or Ban anywhere on the page either.
  expect(await admin.page.getByRole("button", { name: "Kick Adam Admin" }).count()).toBe(0);
  expect(await admin.page.getByRole("button", { name: "Ban Adam Admin" }).count()).toBe(0);
  // And the owner, who outranks the admin, is offered Kick on them.
  await pollUntil(() => peopleEntry(owner.page, "Adam Admin"), (e) => e !== null, "the admin in the owner's list");
  const ownerOnAdmin = peopleRow(owner.page, "Adam Admin");
  await ownerOnAdmin.getByRole("button", { name: "Actions for Adam Admin" }).click();
  await ownerOnAdmin.getByRole("button", { name: "Kick Adam Admin" }).waitFor();
  expect([...owner.errors, ...admin.errors, ...member.errors]).toEqual([]);
  // Three signed-in pages rendering on shared cores: give it longer than one page's budget.
}, E2E_TIMEOUT_MS * 3);
