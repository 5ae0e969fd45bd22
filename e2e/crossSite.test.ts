import http from "node:http";
import type { AddressInfo } from "node:net";
import { matchMaker } from "colyseus";
import { OFFICE_ROOM } from "../shared/protocol/names";
import { E2E_TIMEOUT_MS, pollUntil, useOfficeSession } from "./browser";

/**
 * A hostile page on another port of the same host (same site, so the browser
 * sends it the office's cookies) tries to take over a signed-in person's room
 * session in a space that admits no guests: it posts to /matchmake with her
 * cookie and, if it can read the seat reservation, opens the room's WebSocket.
 * Issue 15: it must get nowhere, while the office's own page still can.
 */

jest.setTimeout(E2E_TIMEOUT_MS * 2);

const office = useOfficeSession();
const PASSWORD = "a long enough password";

/** The attacker's page: it reports each step in its own text, as a person watching it would read it. */
function attackerPage(target: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Free prizes</title><pre id="log"></pre><script>
const log = (line) => { document.getElementById("log").textContent += line + "\\n"; };
(async () => {
  // 1. A credentialed CORS request whose answer the page wants to read.
  try {
    const res = await fetch(${JSON.stringify(target)} + "/matchmake/joinOrCreate/office", {
      method: "POST", credentials: "include",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ space: "vault" }),
    });
    const seat = await res.json();
    log("read " + res.status + " " + JSON.stringify(seat));
    if (seat.sessionId && seat.room) {
      const ws = new WebSocket(${JSON.stringify(target.replace("http", "ws"))} + "/" + seat.room.processId + "/" + seat.room.roomId + "?sessionId=" + seat.sessionId);
      ws.binaryType = "arraybuffer";
      ws.onmessage = () => log("in the room as the victim");
      ws.onclose = (e) => log("socket closed " + e.code);
    }
  } catch (err) {
    log("cors blocked: " + err.message);
  }
  // 2. A "simple" request the browser sends without asking (no preflight); its answer is unreadable.
  try {
    await fetch(${JSON.stringify(target)} + "/matchmake/joinOrCreate/office", {
      method: "POST", mode: "no-cors", credentials: "include",
      headers: { "content-type": "text/plain" }, body: JSON.stringify({ space: "vault" }),
    });
    log("simple request sent");
  } catch (err) {
    log("simple request failed: " + err.message);
  }
  log("done");
})();
</script>`;
}

test("a page on another port cannot join a closed space with a signed-in person's cookie", async () => {
  const { server, browser } = office;
  const victim = await browser.newContext();
  // She signs in and owns a space that admits no guests.
  const signup = await victim.request.post(`${server.url}/api/auth/signup`, {
    data: { email: "vera@example.com", password: PASSWORD, displayName: "Vera Victim", avatar: "ada" },
  });
  expect(signup.status()).toBe(202);
  expect((await victim.request.post(`${server.url}/api/auth/signin`, { data: { email: "vera@example.com", password: PASSWORD } })).status()).toBe(200);
  expect((await victim.request.post(`${server.url}/api/spaces`, { data: { slug: "vault", name: "Vault" } })).status()).toBe(201);
  expect((await victim.request.patch(`${server.url}/api/spaces/vault/settings`, { data: { guestAccess: false } })).status()).toBe(200);

  // The attacker's page, on another port of 127.0.0.1.
  const target = server.url.replace("localhost", "127.0.0.1");
  const evil = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(attackerPage(target)));
  await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
  try {
    const page = await victim.newPage();
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
    const text = await pollUntil(() => page.locator("#log").textContent(), (t) => !!t && t.includes("done"), "the attacker page to finish");
    // What the attacker sees: the browser kept the answer from it, and it never got into the room.
    expect(text).toContain("cors blocked");
    expect(text).not.toContain("in the room as the victim");
    expect(text).not.toMatch(/"sessionId"/);
    // What the server did: no room opened and no seat reserved for the vault, by either request.
    expect(await matchMaker.query({ name: OFFICE_ROOM, space: "vault" })).toEqual([]);

    // The office's own page, in the same browser with the same cookie, gets her seat.
    const own = await victim.newPage();
    await own.goto(`${target}/api/health`);
    const seat = await own.evaluate(async () => {
      const res = await fetch("/matchmake/joinOrCreate/office", {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ space: "vault" }),
      });
      return (await res.json()) as { sessionId?: string; error?: string };
    });
    expect(seat.error).toBeUndefined();
    expect(typeof seat.sessionId).toBe("string");
  } finally {
    await victim.close();
    evil.closeAllConnections();
    await new Promise<void>((resolve) => evil.close(() => resolve()));
  }
});
