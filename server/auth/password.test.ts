import { decoyHash, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password", b)).toBe(true);
  });

  it("never matches a malformed or hostile stored hash", async () => {
    for (const stored of ["", "plain", "scrypt$1$8$1$AA$AA", "scrypt$99999999$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "bcrypt$x$y$z$a$b"]) {
      expect(await verifyPassword("anything", stored)).toBe(false);
    }
  });

  it("has a decoy hash that matches nothing a user would type", async () => {
    expect(await verifyPassword("password123", await decoyHash())).toBe(false);
  });
});
