import { execFile } from "node:child_process";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { PNG } from "pngjs";

/**
 * Shared helpers for browser end-to-end tests: build the client when stale,
 * start the real server in-process on a random port, launch Debian's
 * Chromium, open pages that record every console error, join the office.
 */

import { startTestServer, type TestServer, type TestServerOptions } from "./testServer";

export { startTestServer, type TestServer };

export const ROOT = path.resolve(__dirname, "..");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
];

/** Software rendering on 2 shared cores is slow: be generous, but wait on conditions only. */
export const E2E_TIMEOUT_MS = 60_000;

/** Debian's Chromium with CHROMIUM_ARGS, plus any flags a suite needs on top. */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(full));
    else if (!entry.name.endsWith(".test.ts")) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

async function isBuildFresh(): Promise<boolean> {
  const built = await stat(path.join(ROOT, "dist/client/index.html")).then((s) => s.mtimeMs, () => 0);
  const sources = await Promise.all(
    ["client", "shared", "server"].map((d) => newestMtime(path.join(ROOT, d)).catch(() => 0)),
  );
  const buildScript = (await stat(path.join(ROOT, "scripts/build.mjs"))).mtimeMs;
  return built > Math.max(buildScript, ...sources);
}

/** Held while building, so parallel jest workers do not wipe each other's dist/client. */
const BUILD_LOCK = path.join(os.tmpdir(), "deskmap-e2e-build.lock");
const STALE_LOCK_MS = 120_000;

/** Runs `node scripts/build.mjs` unless dist/client is newer than every client, shared and server source. */
export async function ensureBuilt(): Promise<void> {
  if (await isBuildFresh()) return;
  for (;;) {
    try {
      await mkdir(BUILD_LOCK);
      break;
    } catch {
      const age = await stat(BUILD_LOCK).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > STALE_LOCK_MS) await rm(BUILD_LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200)); // another worker is building
    }
  }
  try {
    if (!(await isBuildFresh())) {
      await promisify(execFile)(process.execPath, [path.join(ROOT, "scripts/build.mjs")], { cwd: ROOT });
    }
  } finally {
    await rm(BUILD_LOCK, { recursive: true, force: true });
  }
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export interface OpenPageOptions {
  /** The context's own options (viewport, touch, colorScheme); a 1280x720 desktop with a dark system theme by default. */
  context?: BrowserContextOptions;
  /** Runs on the fresh context before the first load (init scripts, stored preferences). */
  beforeLoad?(context: BrowserContext): Promise<unknown>;
  /** How long the first load may take (a busy machine's first load of the client can be slow). */
  loadTimeoutMs?: number;
}

/** A fresh browser context (own storage) with one page whose errors are collected. */
export async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<WatchedPage> {
  // A dark device unless a test says otherwise: the theme follows the device, and most suites were written against the dark one.
  const context = await browser.newContext({ colorScheme: "dark", ...(options.context ?? { viewport: { width: 1280, height: 720 } }) });
  await options.beforeLoad?.(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.setDefaultTimeout(E2E_TIMEOUT_MS / 2);
  await page.goto(url, options.loadTimeoutMs ? { timeout: options.loadTimeoutMs } : undefined);
  return { context, page, errors };
}

/** Fills the guest form (the join page's first tab) by accessible names and submits it. */
export async function submitJoin(page: Page, name: string, avatarLabel?: string): Promise<void> {
  await page.getByRole("tab", { name: "Guest" }).click();
  await page.getByLabel("Your name").fill(name);
  if (avatarLabel) await page.getByRole("radio", { name: avatarLabel }).check();
  await page.getByRole("button", { name: "Join as guest" }).click();
}

/** Waits until this person's own entry ("You …") heads the People list (open or collapsed). */
export async function waitUntilJoined(page: Page): Promise<void> {
  await page.locator("ul[aria-label=People] > li").first().filter({ hasText: /^You\b/ }).waitFor({ state: "attached" });
}

/** Joins as a guest and waits until this person's own entry ("You …") heads the People list (open or collapsed). */
export async function joinOffice(page: Page, name: string, avatarLabel?: string): Promise<void> {
  await submitJoin(page, name, avatarLabel);
  await waitUntilJoined(page);
}

/** Signs in through the join page's Sign in tab and waits until the office is shown. */
export async function signInOffice(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole("tab", { name: "Sign in" }).click();
  const panel = page.getByRole("tabpanel", { name: "Sign in" });
  await panel.getByLabel("Email").fill(email);
  await panel.getByLabel("Password").fill(password);
  await panel.getByRole("button", { name: "Sign in" }).click();
  await waitUntilJoined(page);
}

/** Creates an account through the join page's Create account tab (it then signs in; the caller waits for what it expects). */
export async function submitSignUp(page: Page, email: string, password: string, name: string): Promise<void> {
  await page.getByRole("tab", { name: "Create account" }).click();
  const panel = page.getByRole("tabpanel", { name: "Create account" });
  await panel.getByLabel("Email").fill(email);
  await panel.getByLabel("Password").fill(password);
  await panel.getByLabel("Display name").fill(name);
  await panel.getByRole("button", { name: "Create account" }).click();
}

/** The People-list item of the person called `name` (a locator, to look inside it). */
export function peopleRow(page: Page, name: string): Locator {
  return page.getByRole("list", { name: "People" }).getByRole("listitem").filter({ hasText: new RegExp(`^${name} — `) });
}

/** The People-list entry of the person called `name` (its full text), or null when absent. */
export async function peopleEntry(page: Page, name: string): Promise<string | null> {
  const items = await page.getByRole("list", { name: "People" }).getByRole("listitem").allTextContents();
  return items.find((text) => text.startsWith(`${name} — `)) ?? null;
}

export interface DebugMember {
  id: string;
  name: string;
  x: number;
  y: number;
  moving: boolean;
  ack: number;
}

/** Read-only state the client exposes for tests (window.__deskmap). */
export function selfPosition(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => (window as unknown as { __deskmap?: { selfPosition(): { x: number; y: number } | null } }).__deskmap?.selfPosition() ?? null);
}

export function members(page: Page): Promise<DebugMember[]> {
  return page.evaluate(() => (window as unknown as { __deskmap?: { members(): DebugMember[] } }).__deskmap?.members() ?? []);
}

/** Pixels of exactly `hex` (a status dot's colour, say) in the canvas area above `name`'s feet, as `page` draws it. */
export async function pixelsAboveHead(page: Page, name: string, hex: string): Promise<number> {
  const person = (await members(page)).find((m) => m.name === name);
  if (!person || !Number.isFinite(person.x)) return 0;
  const shot = (await page.evaluate(
    ({ x, y }) => {
      const hook = (window as unknown as { __deskmap: { clientPointOf(p: { x: number; y: number }): { x: number; y: number } } }).__deskmap;
      const canvas = document.querySelector("#game canvas") as HTMLCanvasElement;
      const feet = hook.clientPointOf({ x, y });
      const box = canvas.getBoundingClientRect();
      return { url: canvas.toDataURL("image/png"), x: feet.x - box.left, y: feet.y - box.top };
    },
    { x: person.x, y: person.y },
  )) as { url: string; x: number; y: number };
  const png = PNG.sync.read(Buffer.from(shot.url.split(",")[1], "base64"));
  const want = Number.parseInt(hex.slice(1), 16);
  let found = 0;
  // The tag sits above the sprite: up to 80 screen pixels either side, 140 above the feet.
  for (let y = Math.max(0, Math.round(shot.y - 140)); y < Math.min(png.height, Math.round(shot.y)); y++) {
    for (let x = Math.max(0, Math.round(shot.x - 80)); x < Math.min(png.width, Math.round(shot.x + 80)); x++) {
      const i = (y * png.width + x) * 4;
      if (png.data.readUInt32BE(i) >>> 8 === want) found++;
    }
  }
  return found;
}

export async function closeAll(pages: WatchedPage[]): Promise<void> {
  await Promise.all(pages.map((p) => p.context.close().catch(() => undefined)));
}

/**
 * Polls `read` until `accept` holds, returning the accepted value; throws with
 * the last value seen when `timeoutMs` passes (jest has no expect.poll).
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = E2E_TIMEOUT_MS / 2,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A list for pages a suite opens in contexts of its own (sizes, themes): after each test they leave as
 * people do and are closed, so the next test starts with nobody in the office. Push pages onto it.
 */
export function pagesClosedAfterEach(): WatchedPage[] {
  const opened: WatchedPage[] = [];
  afterEach(async () => {
    const pages = opened.splice(0);
    await Promise.all(pages.map((p) => p.page.goto("about:blank").catch(() => undefined)));
    await closeAll(pages);
  });
  return opened;
}

export interface OfficeSessionOptions {
  /** Extra environment for the test server (it overrides the test defaults, e.g. a setting a suite turns on). */
  env?: Record<string, string>;
  /** How rooms identify people; the product's session cookie by default. */
  identity?: TestServerOptions["identity"];
  /** A fresh install whose first sign-up becomes the default space's owner (see TestServerOptions). */
  firstOwner?: boolean;
  /** Chromium flags on top of CHROMIUM_ARGS. */
  browserArgs?: readonly string[];
  /** Close the pages a test opened when it ends, so the next test starts with nobody in the office. */
  closePagesAfterEach?: boolean;
  /** Arranges what the suite needs in the fresh server (spaces, maps, settings) before any test runs. */
  seed?: (server: TestServer) => Promise<void>;
}

export interface OfficeSession {
  /**
   * A fresh watched page (own context) at `where`: a path on the test server
   * ("/", "/?space=quiet") or an absolute URL ("about:blank", an invite link).
   */
  open(where?: string): Promise<WatchedPage>;
  /** The running server and browser; they throw outside the suite's tests, so read them there, not at load. */
  readonly server: TestServer;
  readonly browser: Browser;
}

/**
 * Jest hooks for a suite whose pages all talk to one real server: builds the
 * client if stale, starts a test server on real persistence and one browser
 * before the suite, and closes every page, the browser and the server after it.
 */
export function useOfficeSession(options: OfficeSessionOptions = {}): OfficeSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let opened: WatchedPage[] = [];
  const running = () => {
    if (!server || !browser) throw new Error("useOfficeSession: the suite has not started");
    return { server, browser };
  };
  const closePages = async () => {
    const pages = opened;
    opened = [];
    // Leave as people do (pagehide says goodbye), so no room still holds a dropped seat when the server closes.
    await Promise.all(pages.map((p) => p.page.goto("about:blank").catch(() => undefined)));
    await closeAll(pages);
  };
  beforeAll(async () => {
    await ensureBuilt();
    server = await startTestServer(options.env, { identity: options.identity, firstOwner: options.firstOwner });
    await options.seed?.(server);
    browser = await launchBrowser(options.browserArgs);
  }, 180_000);
  if (options.closePagesAfterEach) afterEach(closePages);
  afterAll(async () => {
    await closePages();
    await browser?.close();
    await server?.close();
  });
  return {
    async open(where = "/") {
      const { server, browser } = running();
      const page = await openPage(browser, where.startsWith("/") ? `${server.url}${where}` : where);
      opened.push(page);
      return page;
    },
    get server() {
      return running().server;
    },
    get browser() {
      return running().browser;
    },
  };
}
