import { isStaleCandidate, startsNewSession, ufragOfCandidate, ufragOfSdp } from "./iceUfrag";

const SDP = ["v=0", "o=- 1 2 IN IP4 127.0.0.1", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=ice-ufrag:Ab3x", "a=ice-pwd:secret"].join("\r\n");

test("reads the ICE username fragment from an SDP", () => {
  expect(ufragOfSdp(SDP)).toBe("Ab3x");
  expect(ufragOfSdp("v=0\r\nm=audio 9 RTP 0")).toBeNull();
  expect(ufragOfSdp(undefined)).toBeNull();
});

test("a candidate of another ICE session is stale; unknown fragments pass", () => {
  expect(isStaleCandidate("Ab3x", "Ab3x")).toBe(false);
  expect(isStaleCandidate("Old1", "Ab3x")).toBe(true);
  expect(isStaleCandidate(null, "Ab3x")).toBe(false);
  expect(isStaleCandidate("Ab3x", null)).toBe(false);
});

test("reads the fragment from a Chromium candidate line", () => {
  expect(ufragOfCandidate("candidate:8421 1 udp 2122260223 192.168.1.5 54321 typ host generation 0 ufrag Ab3x network-id 1")).toBe("Ab3x");
  expect(ufragOfCandidate("candidate:8421 1 udp 2122260223 192.168.1.5 54321 typ host")).toBeNull();
});

test("an offer with the known fragment renegotiates; another or none starts a new session", () => {
  expect(startsNewSession(SDP, "Ab3x")).toBe(false);
  expect(startsNewSession(SDP, "Old1")).toBe(true);
  expect(startsNewSession("v=0\r\nm=audio 9 RTP 0", null)).toBe(true);
  expect(startsNewSession(undefined, "Ab3x")).toBe(true);
});
