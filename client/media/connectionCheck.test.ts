import { describeCheck, type ConnectionCheckResult } from "./connectionCheck";

const result = (over: Partial<ConnectionCheckResult> & { c?: Partial<ConnectionCheckResult["candidates"]> }): ConnectionCheckResult => ({
  candidates: { host: 2, srflx: 0, relay: 0, prflx: 0, ...over.c },
  connected: over.connected ?? true,
  elapsedMs: 40,
  error: over.error,
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
