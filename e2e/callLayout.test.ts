import type { Page } from "playwright-core";
import { E2E_TIMEOUT_MS, joinOffice, openPage, pagesClosedAfterEach, pollUntil, selfPosition, useOfficeSession, type WatchedPage } from "./browser";
import { remoteTileNames } from "./callsPages";

/**
 * Three people in a call at the spawn, on a laptop (1280x800) and a phone
 * (390x844, touch): nothing covers your own avatar, your name tag or the
 * controls; no two name tags overlap (people standing side by side had their
 * tags drawn on top of each other, so neither could be read). When all three
 * emote, no emote lands on a name tag or another emote, and each is nearest
 * its own avatar (an emote placed over its own tag landed on the neighbour's
 * lifted one). Screenshots go to /tmp/deskmap-call-<size>.png and
 * /tmp/deskmap-emotes-<size>.png for a look.
 */

jest.setTimeout(6 * E2E_TIMEOUT_MS);

const session = useOfficeSession();
/** Pages of this suite's own contexts (sizes, themes). */
const opened = pagesClosedAfterEach();

const SIZES = [
  { name: "laptop", viewport: { width: 1280, height: 800 }, touch: false },
  { name: "phone", viewport: { width: 390, height: 844 }, touch: true },
] as const;

type Rect = { x: number; y: number; width: number; height: number };
/** A name tag as drawn, with its owner's figure (the sprite's frame). */
type TagRect = Rect & { id: string; name: string; self: boolean; body: Rect };
type EmoteRect = Rect & { id: string };

async function openAt(size: (typeof SIZES)[number]): Promise<WatchedPage> {
  const watched = await openPage(session.browser, session.server.url, {
    context: { viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch },
    // The first load on a busy machine (two suites' calls on two shared cores) can take a while.
    loadTimeoutMs: E2E_TIMEOUT_MS,
  });
  opened.push(watched);
  return watched;
}

function tagRects(page: Page): Promise<TagRect[]> {
  return page.evaluate(() => (window as unknown as { __deskmap: { tagRects(): TagRect[] } }).__deskmap.tagRects());
}

/**
 * The emotes shown on the page and the name tags, as one frame draws them:
 * read in an animation frame after the scene's and the emotes' own (a layout
 * change between frames, such as the video strip growing, moves the canvas
 * at once but the emotes only in the next frame).
 */
function emotesAndTags(page: Page): Promise<{ emotes: EmoteRect[]; people: TagRect[] }> {
  return page.evaluate(
    () =>
      new Promise<{ emotes: EmoteRect[]; people: TagRect[] }>((resolve) =>
        requestAnimationFrame(() =>
          resolve({
            emotes: [...document.querySelectorAll<HTMLElement>(".emote")]
              .filter((el) => el.checkVisibility())
              .map((el) => {
                const r = el.getBoundingClientRect();
                return { id: el.dataset.member ?? "", x: r.x, y: r.y, width: r.width, height: r.height };
              }),
            people: (window as unknown as { __deskmap: { tagRects(): TagRect[] } }).__deskmap.tagRects(),
          }),
        ),
      ),
  );
}

/** From the centre of `r` to the nearest point of a person's name tag or figure (what one sees of them). */
function distanceToPerson(person: TagRect, r: Rect): number {
  const x = r.x + r.width / 2;
  const y = r.y + r.height / 2;
  const to = (q: Rect) => Math.hypot(Math.max(q.x - x, 0, x - (q.x + q.width)), Math.max(q.y - y, 0, y - (q.y + q.height)));
  return Math.min(to(person), to(person.body));
}

/** Shows a wave above one's own avatar with the Emote button (a tap on a touch screen). */
async function wave(page: Page, touch: boolean): Promise<void> {
  const open = page.getByRole("button", { name: "Emote", exact: true });
  const choice = page.getByRole("button", { name: /^Wave/ });
  if (touch) {
    await open.tap();
    await choice.tap();
  } else {
    await open.click();
    await choice.click();
  }
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Points of `rect` (a 5x5 grid) where something other than the map canvas is the top element. */
function coveredPoints(page: Page, rect: Rect): Promise<string[]> {
  return page.evaluate((r) => {
    const out: string[] = [];
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        const x = r.x + ((i + 0.5) * r.width) / 5;
        const y = r.y + ((j + 0.5) * r.height) / 5;
        const top = document.elementFromPoint(x, y);
        if (top?.tagName !== "CANVAS") out.push(`${Math.round(x)},${Math.round(y)}: ${top ? `${top.tagName.toLowerCase()}.${top.className}` : "outside the page"}`);
      }
    }
    return out;
  }, rect);
}

/** Visible buttons of the top bar and the call controls that something else lies over (or that lie off screen). */
function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const button of document.querySelectorAll<HTMLElement>(".topbar button, [data-call-controls] button, .call-strip button, .panel-tabs button")) {
      const r = button.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || !button.checkVisibility({ visibilityProperty: true })) continue;
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const top = document.elementFromPoint(x, y);
      if (!top || !button.contains(top)) out.push(`${button.textContent} under ${top ? `${top.tagName.toLowerCase()}.${top.className}` : "the edge of the screen"}`);
    }
    return out;
  });
}

describe.each(SIZES)("on a $name", (size) => {
  test("in a call of three, nothing covers your avatar, your name tag or the controls, and no name tags overlap", async () => {
    const names = [`Ana ${size.name}`, `Bea ${size.name}`, `Cai ${size.name}`];
    const pages: WatchedPage[] = [];
    for (const name of names) {
      const p = await openAt(size);
      await joinOffice(p.page, name);
      pages.push(p);
    }
    const a = pages[0].page;
    await pollUntil(() => remoteTileNames(a), (t) => t.length === 2, "Ana's tiles for both", 2 * E2E_TIMEOUT_MS);
    await a.getByRole("button", { name: "Leave call" }).waitFor();

    // Everyone's tag drawn, each apart from the others (the declutter pass has run with all three on screen).
    const tags = await pollUntil(
      () => tagRects(a),
      (list) => list.length === 3 && list.every((t, i) => list.every((u, j) => i === j || !overlaps(t, u))),
      "three name tags, none overlapping",
    );
    await a.screenshot({ path: `/tmp/deskmap-call-${size.name}.png` });
    const mine = tags.find((t) => t.self)!;
    expect(mine.name).toBe(names[0]);

    // Your avatar (feet up to the tag) and your tag: only the map is there.
    const feet = (await selfPosition(a))!;
    const client = (await a.evaluate((p) => (window as unknown as { __deskmap: { clientPointOf(p: { x: number; y: number }): { x: number; y: number } } }).__deskmap.clientPointOf(p), feet))!;
    const avatar = { x: client.x - mine.width / 4, y: mine.y + mine.height, width: mine.width / 2, height: client.y - (mine.y + mine.height) };
    expect(avatar.height).toBeGreaterThan(10);
    expect(await coveredPoints(a, mine)).toEqual([]);
    expect(await coveredPoints(a, avatar)).toEqual([]);
    // The people you talk to: their tags are not under a panel either.
    for (const tag of tags.filter((t) => !t.self)) expect(await coveredPoints(a, tag)).toEqual([]);
    // Every control can be seen and reached: nothing lies over a button of the top bar, the call controls or the strip.
    expect(await coveredControls(a)).toEqual([]);

    // All three wave: each emote clear of every name tag, figure and other emote, and nearer its owner than anyone else.
    await Promise.all(pages.map((p) => wave(p.page, size.touch)));
    const { emotes, people } = await pollUntil(() => emotesAndTags(a), (seen) => seen.emotes.length === 3, "three emotes on Ana's page", E2E_TIMEOUT_MS / 4);
    await a.screenshot({ path: `/tmp/deskmap-emotes-${size.name}.png` });
    const nameOf = (id: string) => people.find((t) => t.id === id)?.name;
    expect(emotes.map((e) => nameOf(e.id)).sort()).toEqual([...names].sort());
    const seen: string[] = [];
    for (const emote of emotes) {
      const whose = `${nameOf(emote.id)}'s emote`;
      for (const person of people) {
        if (overlaps(emote, person)) seen.push(`${whose} on ${person.name}'s tag`);
        if (overlaps(emote, person.body)) seen.push(`${whose} on ${person.name}'s figure`);
      }
      for (const other of emotes) if (other !== emote && overlaps(emote, other)) seen.push(`${whose} on ${nameOf(other.id)}'s`);
      const nearest = [...people].sort((p, q) => distanceToPerson(p, emote) - distanceToPerson(q, emote));
      if (nearest[0].id !== emote.id || distanceToPerson(nearest[1], emote) === distanceToPerson(nearest[0], emote)) {
        seen.push(`${whose} nearest ${nearest[0].name}: ${JSON.stringify({ emote, people })}`);
      }
    }
    expect(seen).toEqual([]);
    for (const p of pages) expect(p.errors).toEqual([]);
  });
});
