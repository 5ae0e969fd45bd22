import { describeCheck, type ConnectionCheckResult } from "./connectionCheck";

const result = (over: Partial<ConnectionCheckResult> & { c?: Partial<ConnectionCheckResult["candidates"]> }): ConnectionCheckResult => ({
  candidates: { host: 2, srflx: 0, relay: 0, prflx: 0, ...over.c },
  connected: over.connected ?? true,
  elapsedMs: 40,
  error: over.error,
  serverErrors: over.serverErrors,
});

test("a failed loopback says calls may not work, with the reason", () => {
  expect(describeCheck(result({ connected: false, error: "boom" }), true)).toMatch(/^Calls may not work.*\(boom\).*Found 2 local/);
});

test("the verdict follows the best candidate type gathered", () => {
  expect(describeCheck(result({ c: { relay: 1, srflx: 1 } }), true)).toMatch(/even through strict firewalls/);
  expect(describeCheck(result({ c: { srflx: 1 } }), true)).toMatch(/most networks/);
  expect(describeCheck(result({}), false)).toMatch(/offers no STUN\/TURN/);
  expect(describeCheck(result({}), true)).toMatch(/could not be reached/);
});

test("a TURN relay that refuses the credentials is named, with what to fix", () => {
  const refused = result({
    connected: false,
    serverErrors: [{ url: "turn:127.0.0.1:3478?transport=udp", code: 401, text: "Unauthorized" }],
  });
  expect(describeCheck(refused, true)).toMatch(
    /^Calls may not work.*0 relay \(TURN\) addresses\. Why: the TURN relay turn:127\.0\.0\.1:3478 refused this server's credentials \(401 Unauthorized\): TURN_SECRET does not match/,
  );
});

test("an unreachable server and other answers are told apart", () => {
  const text = describeCheck(
    result({ serverErrors: [{ url: "stun:stun.example.com:3478", code: 701, text: "" }, { url: "turn:t.example.com", code: 486, text: "Allocation Quota Reached" }] }),
    true,
  );
  expect(text).toMatch(/Why: stun:stun\.example\.com:3478 could not be reached; turn:t\.example\.com answered 486 Allocation Quota Reached\./);
});
