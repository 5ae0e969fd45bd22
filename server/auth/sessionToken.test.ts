import { createHmac } from "node:crypto";
import { signSession, verifySession } from "./sessionToken";

const secret = "s".repeat(40);
const sub = "0123456789abcdef01234567";
const sid = "abcdefghijklmnopqrstuvwx";

describe("session tokens", () => {
  it("round-trips member and spaces", () => {
    const token = signSession({ sub, sid, spaces: ["default", "acme", "acme"], ttlSeconds: 60 }, secret, 1_000_000);
    const result = verifySession(token, secret, 1_030_000);
    expect(result).toEqual({ ok: true, payload: { sub, sid, spaces: ["default", "acme"], iat: 1000, exp: 1060 } });
  });

  it("expires", () => {
    const token = signSession({ sub, sid, spaces: [], ttlSeconds: 60 }, secret, 1_000_000);
    expect(verifySession(token, secret, 1_060_000)).toEqual({ ok: false, problem: "expired" });
  });

  it("rejects a tampered payload, a tampered signature and another secret", () => {
    const token = signSession({ sub, sid, spaces: ["default"], ttlSeconds: 60 }, secret);
    const [payload, sig] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), sp: ["other"] }),
    ).toString("base64url");
    expect(verifySession(`${forged}.${sig}`, secret)).toEqual({ ok: false, problem: "bad-signature" });
    const flipped = sig.slice(0, -2) + (sig.endsWith("AA") ? "BB" : "AA");
    expect(verifySession(`${payload}.${flipped}`, secret)).toEqual({ ok: false, problem: "bad-signature" });
    expect(verifySession(token, "t".repeat(40))).toEqual({ ok: false, problem: "bad-signature" });
  });

  it("reads a version 1 token (no session record) as expired", () => {
    const encoded = Buffer.from(JSON.stringify({ v: 1, sub, sp: [], iat: 1000, exp: 9_999_999_999 })).toString("base64url");
    const sig = createHmac("sha256", secret).update(encoded).digest("base64url");
    expect(verifySession(`${encoded}.${sig}`, secret)).toEqual({ ok: false, problem: "expired" });
  });

  it("rejects garbage without throwing", () => {
    for (const junk of ["", ".", "abc", "a.b.c", "x".repeat(9000), "%%%.%%%"]) {
      expect(verifySession(junk, secret).ok).toBe(false);
    }
  });
});
