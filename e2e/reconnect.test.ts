import {
  E2E_TIMEOUT_MS,
  joinOffice,
  members,
  peopleEntry,
  pollUntil,
  selfPosition,
  useOfficeSession,
} from "./browser";
import { dropSocketOf } from "./testServer";

/**
 * A dropped socket: the page says "Reconnecting…", comes back by itself, and
 * the person can walk again and be seen by others.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 1.5);

const { open } = useOfficeSession();

test("after a dropped connection the page reconnects and walking works again", async () => {
  const a = await open();
  const b = await open();
  await joinOffice(a.page, "Fay Flaky", "Fay");
  await joinOffice(b.page, "Gus Steady", "Gus");
  // The connection status in the top bar (the chat panel has a status line of its own).
  const status = a.page.getByRole("banner").getByRole("status");
  await pollUntil(() => status.textContent(), (t) => t === "Connected", "A connected");

  const selfId = await a.page.evaluate(() => (window as unknown as { __deskmap: { selfId(): string } }).__deskmap.selfId());
  await dropSocketOf(selfId);
  await pollUntil(() => status.textContent(), (t) => !!t?.startsWith("Reconnecting"), "Reconnecting… on A");
  await pollUntil(() => status.textContent(), (t) => t === "Connected", "A connected again", E2E_TIMEOUT_MS / 2);

  // Still in the office for B, under the same name, and walking moves A for B to see.
  await pollUntil(() => peopleEntry(b.page, "Fay Flaky"), (t) => t !== null, "Fay in B's list");
  const before = await pollUntil(() => selfPosition(a.page), (p) => p !== null, "A's position");
  await a.page.locator("#game canvas").focus();
  let moved = false;
  for (const key of ["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp"]) {
    await a.page.keyboard.down(key);
    moved = await pollUntil(
      () => members(b.page),
      (list) => list.some((m) => m.name === "Fay Flaky" && Math.hypot(m.x - before!.x, m.y - before!.y) >= 48),
      "B to see A walk",
      6000,
    ).then(
      () => true,
      () => false,
    );
    await a.page.keyboard.up(key);
    if (moved) break;
  }
  expect(moved).toBe(true);
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
});
