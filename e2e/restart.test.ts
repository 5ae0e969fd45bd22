import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { E2E_TIMEOUT_MS, closeAll, ensureBuilt, joinOffice, launchBrowser, openPage, pollUntil, selfPosition, type WatchedPage } from "./browser";

/**
 * A server restart in Chromium: the page reconnects by itself (no click), with
 * its session cookie, into a fresh room, at the position it had before.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

interface Running {
  port: number;
  stop(): Promise<void>;
}

let dataDir: string;
let browser: Browser;
let running: Running | undefined;
const opened: WatchedPage[] = [];

async function start(port: number): Promise<Running> {
  const { startServer } = await import("../server/server");
  const { loadConfig } = await import("../server/config");
  const { createPersistence } = await import("../server/persistence/createPersistence");
  const { createLogger } = await import("../server/log");
  const config = loadConfig({ ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", MONGODB_URI: "", PUBLIC_URL: "" });
  const log = createLogger(config.logLevel);
  const persistence = await createPersistence(config, log);
  const server = await startServer(config, persistence.deps, { log });
  return {
    port: server.port,
    async stop() {
      await server.close();
      await persistence.close();
    },
  };
}

beforeAll(async () => {
  await ensureBuilt();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "deskmap-restart-"));
  running = await start(0);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await closeAll(opened);
  await browser?.close();
  await running?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function connectionStatus(watched: WatchedPage): Promise<string | null> {
  return watched.page.evaluate(() => (window as unknown as { __deskmap?: { status(): string } }).__deskmap?.status() ?? null);
}

test("after a server restart the page comes back by itself at the same position", async () => {
  const watched = await openPage(browser, `http://127.0.0.1:${running!.port}`);
  opened.push(watched);
  const { page } = watched;
  await joinOffice(page, "Returner");
  const spawn = await pollUntil(() => selfPosition(page), (p) => p !== null, "own position");
  for (const key of ["ArrowRight", "ArrowDown", "ArrowLeft"]) {
    await page.keyboard.down(key);
    await page.waitForTimeout(500);
    await page.keyboard.up(key);
    const now = await selfPosition(page);
    if (now && (now.x !== spawn!.x || now.y !== spawn!.y)) break;
  }
  // Let the last inputs settle and be acknowledged.
  await page.waitForTimeout(800);
  const before = (await selfPosition(page))!;
  expect(before).not.toEqual(spawn);

  const port = running!.port;
  await running!.stop();
  running = undefined;
  await pollUntil(() => connectionStatus(watched), (s) => s === "reconnecting", "the page noticing the restart");
  running = await start(port);
  await pollUntil(() => connectionStatus(watched), (s) => s === "connected", "the page reconnecting by itself", 45_000);
  const after = await pollUntil(() => selfPosition(page), (p) => p !== null, "own position after the restart");
  expect(after).toEqual(before);
});
