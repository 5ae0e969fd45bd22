import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveSessionSecret, SECRET_FILE } from "./sessionSecret";

describe("resolveSessionSecret", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "deskmap-secret-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("prefers the configured secret", async () => {
    expect(await resolveSessionSecret("c".repeat(32), dir)).toBe("c".repeat(32));
  });

  it("generates a secret once and reuses it after a restart", async () => {
    const first = await resolveSessionSecret(undefined, join(dir, "data"));
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect((await readFile(join(dir, "data", SECRET_FILE), "utf8")).trim()).toBe(first);
    expect(await resolveSessionSecret(undefined, join(dir, "data"))).toBe(first);
  });
});
