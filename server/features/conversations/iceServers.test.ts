import { createHmac } from "node:crypto";
import { iceServersFor, turnCredential } from "./iceServers";

const secret = "a-long-shared-coturn-secret";

describe("iceServersFor", () => {
  it("is empty without STUN or TURN (host candidates only)", () => {
    expect(iceServersFor({ stunUrls: [], turnUrls: [], turnTtlSeconds: 3600 }, "m1")).toEqual({ iceServers: [] });
  });

  it("mints a coturn REST credential that expires after the TTL and never carries the secret", () => {
    const now = Date.UTC(2026, 0, 1);
    const msg = iceServersFor(
      { stunUrls: ["stun:stun.example.com:3478"], turnUrls: ["turn:turn.example.com:3478?transport=udp"], turnSecret: secret, turnTtlSeconds: 600 },
      "member-42",
      now,
    );
    expect(msg.iceServers[0]).toEqual({ urls: ["stun:stun.example.com:3478"] });
    const turn = msg.iceServers[1];
    expect(turn.urls).toEqual(["turn:turn.example.com:3478?transport=udp"]);
    expect(turn.username).toBe(`${now / 1000 + 600}:member-42`);
    expect(turn.credential).toBe(createHmac("sha1", secret).update(turn.username!).digest("base64"));
    expect(JSON.stringify(msg)).not.toContain(secret);
  });

  it("leaves TURN out when there is no secret to mint with", () => {
    expect(iceServersFor({ stunUrls: [], turnUrls: ["turn:t.example.com"], turnTtlSeconds: 60 }, "m").iceServers).toEqual([]);
  });

  it("keeps the username to one separator", () => {
    expect(turnCredential(secret, "a:b", 60, 0).username).toBe("60:a_b");
  });
});
