import type { Page } from "playwright-core";

/**
 * WCAG 2 contrast of the text a page shows, measured in the page: every
 * visible element with text of its own (and every filled-in control) is
 * checked against the colour actually behind it, which is found by compositing
 * the background colours of the elements under the text's centre
 * (document.elementsFromPoint), down to the first opaque one. A translucent
 * plate over a canvas, video or image counts at its worst backdrop (white or
 * black); text with no plate at all over one cannot be judged from colours and
 * is reported apart (the caller decides: text straight on the map is a problem).
 */

export interface TextContrast {
  /** The text (cut to 40 characters) and a selector-ish path to its element. */
  text: string;
  where: string;
  ratio: number;
  fg: string;
  bg: string;
}

export interface ContrastReport {
  checked: TextContrast[];
  /** Text painted straight on a canvas, video or background image, with no plate of its own (no colour to judge by). */
  overMedia: Array<{ text: string; where: string }>;
}

type Rgba = [number, number, number, number];

/** WCAG relative luminance of an sRGB colour (0-255 channels). */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio between two opaque colours (1 to 21). */
export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` (with alpha 0-1) drawn over the opaque `below`. */
export function over(top: Rgba, below: readonly number[]): [number, number, number] {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)) as [number, number, number];
}

/** Measures the text under `root` (a CSS selector; the whole page by default). */
export async function measureTextContrast(page: Page, root = "body"): Promise<ContrastReport> {
  const raw = await page.evaluate((rootSelector) => {
    const parse = (css: string): [number, number, number, number] => {
      const n = css.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1];
    };
    const describe = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        const cls = typeof e.className === "string" && e.className ? `.${e.className.trim().split(/\s+/).join(".")}` : "";
        parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${cls}`);
      }
      return parts.join(" > ");
    };
    const hidden = (el: Element) => {
      const box = el.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) return true;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
      // Screen-reader-only text (clipped to 1px) is not seen.
      return !!el.closest(".visually-hidden");
    };
    const ownText = (el: Element): string => {
      if (el instanceof HTMLInputElement) return ["text", "search", "email", "number", "password", ""].includes(el.type) ? el.value : el.type === "button" || el.type === "submit" ? el.value : "";
      if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.textContent ?? "";
      if (el instanceof HTMLTextAreaElement) return el.value;
      if (el instanceof HTMLOptionElement) return "";
      let text = "";
      for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? "";
      return text.trim();
    };
    const centreOf = (el: Element) => {
      // The centre of the element's own text where there is one (a label's text, not its whole box).
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const r = range.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    };
    const scope = document.querySelector(rootSelector) ?? document.body;
    const checked: Array<{ text: string; where: string; fg: number[]; layers: number[][]; media: boolean }> = [];
    for (const el of [scope, ...scope.querySelectorAll("*")]) {
      const text = ownText(el);
      if (!text || hidden(el)) continue;
      if ((el as HTMLButtonElement).disabled || el.closest("[aria-disabled=true], fieldset:disabled")) continue; // WCAG exempts inactive controls
      const { x, y } = centreOf(el);
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue; // scrolled out of view
      const stack = document.elementsFromPoint(x, y);
      // Elements that let clicks through are missing from the stack: start with the text's own element and its ancestors.
      const chain: Element[] = [];
      for (let e: Element | null = el; e && !stack.includes(e); e = e.parentElement) chain.push(e);
      const from = chain.length > 0 ? stack.findIndex((s) => s.contains(el)) : stack.indexOf(el);
      // Covered by something else that is opaque (a dialog over the page): not what the person sees.
      const above = stack.slice(0, Math.max(0, from)).filter((s) => !s.contains(el) && !el.contains(s));
      if (above.some((s) => parse(getComputedStyle(s).backgroundColor)[3] >= 1)) continue;
      const under = [...chain, ...stack.slice(Math.max(0, from))];
      const fg = parse(getComputedStyle(el).color);
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      fg[3] *= opacity;
      const layers: number[][] = [];
      let media = false;
      for (const e of under) {
        const style = getComputedStyle(e);
        const bg = parse(style.backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
        if (e instanceof HTMLCanvasElement || e instanceof HTMLVideoElement || e instanceof HTMLImageElement || style.backgroundImage !== "none") {
          media = true;
          break;
        }
      }
      checked.push({ text: text.slice(0, 40), where: describe(el), fg, layers, media });
    }
    return checked;
  }, root);
  const report: ContrastReport = { checked: [], overMedia: [] };
  for (const item of raw) {
    const opaque = item.layers.length > 0 && item.layers[item.layers.length - 1][3] >= 1;
    if (item.media && item.layers.length === 0) {
      report.overMedia.push({ text: item.text, where: item.where });
      continue;
    }
    // Composite from the bottom up: the page's canvas is white where nothing is painted. A translucent
    // plate over a video or the map is judged at its worst: over white and over black, the lower ratio.
    const backdrops = opaque || !item.media ? [[255, 255, 255]] : [[255, 255, 255], [0, 0, 0]];
    let worst: TextContrast | null = null;
    for (const backdrop of backdrops) {
      let bg: number[] = backdrop;
      for (const layer of [...item.layers].reverse()) bg = over(layer as Rgba, bg);
      const fg = over(item.fg as Rgba, bg);
      const ratio = Math.round(contrastRatio(fg, bg) * 100) / 100;
      if (worst && worst.ratio <= ratio) continue;
      worst = {
        text: item.text,
        where: item.where,
        ratio,
        fg: `rgb(${fg.map(Math.round).join(", ")})`,
        bg: `rgb(${bg.map(Math.round).join(", ")})${item.media && !opaque ? " over media" : ""}`,
      };
    }
    report.checked.push(worst!);
  }
  return report;
}

/**
 * The contrast of `name`'s name tag as the map canvas shows it, or null when
 * the tag is not drawn. Inside the tag's rectangle (from the page's test
 * hook), the plate is the most common colour (it is translucent, so the floor
 * under it counts) and the text is the lightest pixel: thin glyphs are
 * antialiased and seldom reach their full colour, so this is what the eye gets.
 */
export async function nameTagContrast(page: Page, name: string): Promise<number | null> {
  const { PNG } = await import("pngjs");
  const shot = await page.evaluate((who) => {
    const hook = (window as unknown as { __deskmap: { tagRects(): Array<{ name: string; x: number; y: number; width: number; height: number }> } }).__deskmap;
    const tag = hook.tagRects().find((t) => t.name === who);
    const canvas = document.querySelector("#game canvas") as HTMLCanvasElement;
    if (!tag) return null;
    const box = canvas.getBoundingClientRect();
    const scale = canvas.width / box.width;
    return { url: canvas.toDataURL("image/png"), x: (tag.x - box.left) * scale, y: (tag.y - box.top) * scale, width: tag.width * scale, height: tag.height * scale };
  }, name);
  if (!shot) return null;
  const png = PNG.sync.read(Buffer.from(shot.url.split(",")[1], "base64"));
  const counts = new Map<number, number>();
  let lightest: number[] | null = null;
  const channels = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255];
  // One pixel in from each edge: the rectangle's border pixels are shared with the floor.
  for (let y = Math.ceil(shot.y) + 1; y < Math.floor(shot.y + shot.height) - 1 && y < png.height; y++) {
    for (let x = Math.ceil(shot.x) + 1; x < Math.floor(shot.x + shot.width) - 1 && x < png.width; x++) {
      if (x < 0 || y < 0) continue;
      const c = png.data.readUInt32BE((y * png.width + x) * 4) >>> 8;
      counts.set(c, (counts.get(c) ?? 0) + 1);
      if (!lightest || luminance(channels(c)) > luminance(lightest)) lightest = channels(c);
    }
  }
  if (!lightest || counts.size < 2) return null;
  const plate = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return contrastRatio(lightest, channels(plate));
}
