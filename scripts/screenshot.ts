// Takes the README's screenshot: two people join the office, walk together and talk.
// Usage: npm run screenshot [-- out.png]   (needs Debian's chromium; builds the client if stale)
import path from "node:path";
import { closeAll, ensureBuilt, joinOffice, launchBrowser, openPage, pollUntil, selfPosition, startTestServer } from "../e2e/browser";
import { loadOfficeMap, spotsAround, walkToOneOf } from "../e2e/callsPages";

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? "docs/screenshot.png");
  await ensureBuilt();
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const ada = await openPage(browser, `${server.url}/?renderer=canvas`);
    const bo = await openPage(browser, `${server.url}/?renderer=canvas`);
    await ada.page.setViewportSize({ width: 1280, height: 760 });
    await joinOffice(ada.page, "Ada", "Ada");
    await joinOffice(bo.page, "Bo", "Bo");
    const map = loadOfficeMap();
    const start = await pollUntil(() => selfPosition(ada.page), (p) => p !== null, "Ada's position");
    console.log("[screenshot] walking Bo next to Ada");
    await walkToOneOf(bo.page, spotsAround(map, start!, 1, 2));
    // A string expression: tsx would wrap a function's source in helpers the page does not have.
    await ada.page.waitForFunction(
      `[...document.querySelectorAll("figure.call-tile:not([data-self]) video")].some((v) => v.videoWidth > 0 && v.currentTime > 1)`,
      undefined,
      { timeout: 60_000 },
    );
    await ada.page.screenshot({ path: out });
    console.log(`[screenshot] wrote ${out}`);
    await closeAll([ada, bo]);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error("[screenshot] failed:", error);
  process.exit(1);
});
