import { E2E_TIMEOUT_MS, openPage, pagesClosedAfterEach, pollUntil, submitJoin, useOfficeSession, waitUntilJoined, type WatchedPage } from "./browser";
import { remoteTileNames } from "./callsPages";
import { measureTextContrast, nameTagContrast, type ContrastReport } from "./contrast";

/**
 * Readable in both themes (issue 16): WCAG contrast of the text people read
 * (the join card, top bar and call controls, the side panel, video tile
 * labels, the settings dialog and the shortcut sheet, and the name tags on
 * the map) is at least 4.5:1, in the dark theme and in the light one.
 */

jest.setTimeout(4 * E2E_TIMEOUT_MS);

const session = useOfficeSession();
/** Pages of this suite's own contexts (sizes, themes). */
const opened = pagesClosedAfterEach();

const AA = 4.5;

async function openThemed(theme: "dark" | "light"): Promise<WatchedPage> {
  const watched = await openPage(session.browser, session.server.url, {
    context: { viewport: { width: 1280, height: 800 } },
    // The theme is a setting kept in this browser; the page applies it from the first paint.
    beforeLoad: (context) => context.addInitScript((t) => localStorage.setItem("deskmap.preferences", JSON.stringify({ theme: t })), theme),
  });
  opened.push(watched);
  return watched;
}

/** Everything measured below 4.5:1, as readable lines (empty when all pass). */
function failures(report: ContrastReport, view: string): string[] {
  return report.checked.filter((c) => c.ratio < AA).map((c) => `${view}: "${c.text}" ${c.ratio}:1 (${c.fg} on ${c.bg}) at ${c.where}`);
}

describe.each(["dark", "light"] as const)("the %s theme", (theme) => {
  test("text in panels, controls, dialogs and name tags has at least 4.5:1 contrast", async () => {
    const a = await openThemed(theme);
    expect(await a.page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    const problems: string[] = [];
    const join = await measureTextContrast(a.page);
    expect(join.checked.length).toBeGreaterThan(10);
    problems.push(...failures(join, "join page"));

    const [me, them] = [`Tess ${theme}`, `Uma ${theme}`];
    await submitJoin(a.page, me);
    await waitUntilJoined(a.page);
    const b = await openThemed(theme);
    await submitJoin(b.page, them, "Bo");
    await waitUntilJoined(b.page);
    await pollUntil(() => remoteTileNames(a.page), (t) => t.some((n) => n.startsWith(them)), "a call tile for Uma", E2E_TIMEOUT_MS);
    await a.page.getByRole("button", { name: "Leave call" }).waitFor();

    const office = await measureTextContrast(a.page);
    const seen = office.checked.map((c) => c.text);
    // The measurement reached the parts that matter: top bar, call controls, tile labels, people, chat, status.
    for (const text of ["Deskmap", "Microphone", "Leave call", them, "People", "Chat", "Set"]) expect(seen.some((t) => t.startsWith(text))).toBe(true);
    problems.push(...failures(office, "office"));
    // Panels and controls have a colour behind them; only map labels may sit straight on the canvas.
    expect(office.overMedia.filter((m) => !m.where.includes("map-notices"))).toEqual([]);

    await a.page.getByRole("button", { name: "Settings", exact: true }).click();
    const settings = a.page.getByRole("dialog");
    await settings.waitFor();
    problems.push(...failures(await measureTextContrast(a.page, "dialog[open], [role=dialog]"), "settings"));
    await a.page.keyboard.press("Escape");
    await settings.waitFor({ state: "hidden" });

    await a.page.getByRole("button", { name: "Shortcuts", exact: true }).click();
    const sheet = a.page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await sheet.waitFor();
    problems.push(...failures(await measureTextContrast(a.page, "[data-shortcut-sheet]"), "shortcut sheet"));
    await sheet.getByRole("button", { name: "Close" }).click();

    // Name tags are painted on the map: the same in both themes, and readable on the floor they stand on.
    const own = await pollUntil(() => nameTagContrast(a.page, me), (r) => r !== null, "own tag");
    const other = await pollUntil(() => nameTagContrast(a.page, them), (r) => r !== null, "Uma's tag");
    if (own! < AA) problems.push(`own name tag ${own}:1`);
    if (other! < AA) problems.push(`Uma's name tag ${other}:1`);

    expect(problems).toEqual([]);
    for (const p of [a, b]) expect(p.errors).toEqual([]);
  });
});
