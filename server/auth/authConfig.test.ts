import { readAuthConfig } from "./authConfig";

describe("readAuthConfig", () => {
  it("has working defaults", () => {
    const config = readAuthConfig({});
    expect(config).toMatchObject({ SESSION_TTL_HOURS: 168, ALLOW_SIGNUP: true, COOKIE_SECURE: false });
    expect(config.SESSION_SECRET).toBeUndefined();
  });
  it("parses flags and numbers", () => {
    const config = readAuthConfig({ ALLOW_SIGNUP: "false", SESSION_TTL_HOURS: "2", NODE_ENV: "production" });
    expect(config).toMatchObject({ ALLOW_SIGNUP: false, SESSION_TTL_HOURS: 2, COOKIE_SECURE: true });
  });
  it("explains bad values", () => {
    expect(() => readAuthConfig({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET/);
    expect(() => readAuthConfig({ ALLOW_SIGNUP: "maybe" })).toThrow(/ALLOW_SIGNUP/);
  });
});
