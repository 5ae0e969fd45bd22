import {
  E2E_TIMEOUT_MS,
  joinOffice,
  pollUntil,
  selfPosition,
  useOfficeSession,
} from "./browser";

/**
 * The page runs under its Content-Security-Policy with no violation: the join
 * page, the API calls (with the CSRF header), Phaser rendering the office, the
 * room connection and walking. Violations are collected from the page's own
 * `securitypolicyviolation` events and Chromium's console.
 */

jest.setTimeout(E2E_TIMEOUT_MS);

const office = useOfficeSession();

test("the office runs under its CSP without a single violation", async () => {
  const watched = await office.open("about:blank");
  const { page } = watched;
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  const response = await page.goto(office.server.url);
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
  await joinOffice(page, "Csp");
  const start = await pollUntil(() => selfPosition(page), (p) => p !== null, "own position");
  await page.keyboard.down("ArrowRight");
  await page.waitForTimeout(600);
  await page.keyboard.up("ArrowRight");
  await page.keyboard.down("ArrowDown");
  await page.waitForTimeout(600);
  await page.keyboard.up("ArrowDown");
  await pollUntil(() => selfPosition(page), (p) => p !== null && (p.x !== start!.x || p.y !== start!.y), "walking");
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  const real: string[] = [];
  for (const v of violations) if (!(await isMsgpackrProbe(v))) real.push(v);
  expect(real).toEqual([]);
  expect(watched.errors.filter((e) => /Content.Security.Policy|Refused to/i.test(e))).toEqual([]);
});

/**
 * msgpackr (inside colyseus.js) probes at load with `try { new Function("") } catch {}`
 * and falls back to its interpreter when eval is refused. That probe is the one
 * eval report we accept; it is recognised by reading the bundle at the reported spot.
 */
async function isMsgpackrProbe(violation: string): Promise<boolean> {
  const match = /^script-src eval at (\S+):(\d+):(\d+)$/.exec(violation);
  if (!match) return false;
  const source = await (await fetch(match[1]!)).text();
  const line = source.split("\n")[Number(match[2]) - 1] ?? "";
  const at = Number(match[3]) - 1;
  return /^new Function\(""\)\}catch/.test(line.slice(at, at + 40)) && line.slice(at - 200, at).includes("MessagePack");
}
