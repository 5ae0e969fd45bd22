import { decoyHash, hashPassword, needsRehash, PASSWORD_PARAMS, verifyPassword } from "./password";

/** Cheap parameters for the behaviour tests; the real cost is checked once below. */
const CHEAP = { N: 2 ** 12, r: 8, p: 1 };

describe("password hashing", () => {
  it("hashes with OWASP's scrypt parameters by default (N=2^17, r=8, p=1)", async () => {
    expect(PASSWORD_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
    const stored = await hashPassword("correct horse battery");
    expect(stored.split("$").slice(0, 4)).toEqual(["scrypt", "131072", "8", "1"]);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });

  it("still verifies an old N=2^14 hash, and says it needs a rehash", async () => {
    const old = await hashPassword("correct horse battery", { N: 2 ** 14, r: 8, p: 1 });
    expect(old.startsWith("scrypt$16384$8$1$")).toBe(true);
    expect(await verifyPassword("correct horse battery", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct horse battery", CHEAP);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([hashPassword("same password", CHEAP), hashPassword("same password", CHEAP)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password", b)).toBe(true);
  });

  it("never matches a malformed or hostile stored hash", async () => {
    for (const stored of ["", "plain", "scrypt$1$8$1$AA$AA", "scrypt$99999999$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "scrypt$1000$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "bcrypt$x$y$z$a$b"]) {
      expect(await verifyPassword("anything", stored)).toBe(false);
    }
  });

  it("has a decoy hash that matches nothing a user would type", async () => {
    expect(await verifyPassword("password123", await decoyHash(CHEAP))).toBe(false);
  });
});
