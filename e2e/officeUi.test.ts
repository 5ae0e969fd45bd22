import type { Page } from "playwright-core";
import { E2E_TIMEOUT_MS, joinOffice, openPage, pollUntil, selfPosition, useOfficeSession, type WatchedPage } from "./browser";

/**
 * The rebuilt page as people see it, on a laptop (1280x800) and a phone
 * (390x844, touch): Everyone-chat history reaches a newcomer, the Zone
 * channel is offered only inside a zone, the help line speaks the device's
 * language, and no panel covers your own avatar (the side panel is docked
 * beside the map, or a bottom sheet below it on a phone).
 */

jest.setTimeout(4 * E2E_TIMEOUT_MS);

const session = useOfficeSession({ closePagesAfterEach: true });

const SIZES = [
  { name: "laptop", viewport: { width: 1280, height: 800 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

function openAt(size: (typeof SIZES)[number]): Promise<WatchedPage> {
  return openPage(session.browser, session.server.url, { context: { viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch } });
}

/** On a phone the chat is one tab of the bottom sheet. */
async function showChat(page: Page, touch: boolean): Promise<void> {
  if (touch) await page.getByRole("tab", { name: /^Chat/ }).click();
}

type Rect = { x: number; y: number; width: number; height: number; what: string };

/** Rectangles of every visible panel-like element that is not the map itself. */
function panelRects(page: Page): Promise<Rect[]> {
  return page.evaluate(() => {
    const selectors = [".panel", ".call-strip", ".map-notices > *", ".notice-stack > *", ".social-notices > *", ".call-notice", ".joystick", ".topbar", ".help"];
    const out: Array<{ x: number; y: number; width: number; height: number; what: string }> = [];
    for (const selector of selectors) {
      for (const el of document.querySelectorAll<HTMLElement>(selector)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
        out.push({ x: r.x, y: r.y, width: r.width, height: r.height, what: selector });
      }
    }
    return out;
  });
}

/** Your avatar and name tag, roughly: a box from the feet up to above the head, in page pixels. */
async function selfBox(page: Page): Promise<Rect> {
  const feet = await pollUntil(() => selfPosition(page), (p) => p !== null, "own avatar");
  const client = await page.evaluate((p) => (window as unknown as { __deskmap: { clientPointOf(p: { x: number; y: number }): { x: number; y: number } | null } }).__deskmap.clientPointOf(p), feet!);
  return { x: client!.x - 40, y: client!.y - 90, width: 80, height: 96, what: "own avatar and name tag" };
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(SIZES)("on a $name", (size) => {
  test("a newcomer sees the Everyone history; no Zone channel outside zones; nothing covers your avatar", async () => {
    const ada = await openAt(size);
    await joinOffice(ada.page, "Ada Early");
    await showChat(ada.page, size.touch);
    const input = ada.page.getByRole("textbox", { name: "Message to Everyone" });
    await input.fill(`morning from the ${size.name}`);
    await input.press("Enter");
    await ada.page.getByRole("log").getByText(`morning from the ${size.name}`).waitFor();

    const bo = await openAt(size);
    await joinOffice(bo.page, "Bo Later");
    await showChat(bo.page, size.touch);
    // The history arrived right after joining, before the chat was built: it is shown all the same.
    await bo.page.getByRole("log").getByText(`morning from the ${size.name}`).waitFor({ timeout: E2E_TIMEOUT_MS });
    // Both stand at the spawn, outside every zone: no Zone channel to write into.
    expect(await bo.page.getByRole("tab", { name: /^Zone/ }).count()).toBe(0);
    expect(await bo.page.getByRole("tab", { name: /^Nearby/ }).count()).toBe(1);

    // The help line fits the device.
    const help = (await bo.page.locator("[data-help]").textContent()) ?? "";
    if (size.touch) {
      expect(help).not.toMatch(/arrow keys/i);
      expect(help).toMatch(/joystick/);
    } else expect(help).toMatch(/arrow keys/);

    // Nothing but the map lies over your avatar and name tag (chat open, notices shown).
    // Standing together at the spawn starts a call: screen readers are told, in their own live region.
    await pollUntil(
      () => bo.page.locator("[data-call-announcer]").textContent(),
      (t) => t === "Call started with Ada Early",
      "the call announcement",
      E2E_TIMEOUT_MS,
    );
    await bo.page.screenshot({ path: `/tmp/deskmap-office-${size.name}.png` });
    const me = await selfBox(bo.page);
    const game = await bo.page.locator("#game").boundingBox();
    expect(game).not.toBeNull();
    expect(me.y).toBeGreaterThanOrEqual(game!.y);
    expect(me.y + me.height).toBeLessThanOrEqual(game!.y + game!.height);
    const covering = (await panelRects(bo.page)).filter((r) => overlaps(r, me));
    expect(covering).toEqual([]);
    if (!size.touch) {
      // Hiding the text view hides the People list only: the chat stays.
      await bo.page.getByRole("button", { name: "Hide text view" }).click();
      await bo.page.getByRole("list", { name: "People" }).waitFor({ state: "hidden" });
      expect(await bo.page.getByRole("textbox", { name: "Message to Everyone" }).isVisible()).toBe(true);
    }
    // Ada leaves: the call ends, and that is said too.
    await ada.context.close();
    await pollUntil(() => bo.page.locator("[data-call-announcer]").textContent(), (t) => t === "Call ended", "the end of the call", E2E_TIMEOUT_MS);
    for (const p of [ada, bo]) expect(p.errors).toEqual([]);
    await bo.context.close();
  });

  test("the ? sheet lists the shortcuts (keys or taps); the Emote button shows a picture above your name tag", async () => {
    const cy = await openAt(size);
    await joinOffice(cy.page, "Cy Shortcut");
    if (size.touch) await cy.page.getByRole("button", { name: "Shortcuts" }).click();
    else {
      await cy.page.locator("#game canvas").focus();
      await cy.page.keyboard.press("Shift+Slash");
    }
    const sheet = cy.page.getByRole("dialog", { name: size.touch ? "Controls" : "Keyboard shortcuts" });
    await sheet.waitFor();
    const text = (await sheet.textContent()) ?? "";
    if (size.touch) expect(text).toContain("Drag the joystick to walk");
    else expect(text).toContain("Alt+1");
    await sheet.getByRole("button", { name: "Close" }).click();

    // The Emote button works by tap or click; the emote is a picture, drawn above the name tag.
    const feet = (await selfPosition(cy.page))!;
    const emoteButton = cy.page.getByRole("button", { name: "Emote", exact: true });
    if (size.touch) await emoteButton.tap();
    else await emoteButton.click();
    const wave = cy.page.getByRole("button", { name: /^Wave/ });
    if (size.touch) await wave.tap();
    else await wave.click();
    const art = cy.page.locator(".emote[data-emote=wave] img");
    await art.waitFor({ state: "visible" });
    expect(await art.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const box = (await art.boundingBox())!;
    const tagLine = await cy.page.evaluate(
      (p) => (window as unknown as { __deskmap: { clientPointOf(p: { x: number; y: number }): { x: number; y: number } } }).__deskmap.clientPointOf(p),
      { x: feet.x, y: feet.y - 56 },
    );
    expect(box.y + box.height).toBeLessThanOrEqual(tagLine.y);
    expect(cy.errors).toEqual([]);
    await cy.context.close();
  });

  test("before joining, a camera preview and microphone level; joining releases them", async () => {
    const dee = await openAt(size);
    await dee.page.getByText("Check your camera and microphone").click();
    const preview = dee.page.getByLabel("Your camera preview");
    await pollUntil(() => preview.evaluate((v) => (v as HTMLVideoElement).videoWidth), (w) => w > 0, "the camera preview", E2E_TIMEOUT_MS);
    // Chromium's fake microphone beeps: the meter moves.
    await pollUntil(() => dee.page.locator("[data-mic-level]").evaluate((m) => (m as HTMLMeterElement).value), (v) => v > 0.01, "the microphone level");
    await joinOffice(dee.page, "Dee Preview");
    expect(await dee.page.locator("[data-device-preview]").count()).toBe(0);
    expect(dee.errors).toEqual([]);
    await dee.context.close();
  });
});
